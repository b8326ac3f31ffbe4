// `noko backup` / `noko restore` end to end: a round trip of a small region through a file, the
// refusals that protect existing data, and the pointer to pg_dump for PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { users } from '../../db/schema/index.ts';
import { createResultsService } from '../../features/results/results.service.ts';
import {
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
  WORKED_SURVEY,
} from '../../features/results/results.test-support.ts';
import { contentCounts } from './backup.ts';
import { runCli as runWith, tempRoot } from './cli.test-support.ts';

const runCli = (args: string[], env: Record<string, string> = {}) =>
  runWith(args, process.env, env);

let root: string;
let source: string;
let file: string;
let original: Record<string, number>;

async function countsOf(dir: string): Promise<Record<string, number>> {
  const database = await openDatabase({ dataDir: dir });
  try {
    return await contentCounts(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  root = tempRoot('noko-backup-test-');
  source = path.join(root, 'data');
  file = path.join(root, 'copies', 'noko.tar.gz');
  const database = await openDatabase({ dataDir: source });
  await migrate(database);
  // A small region with every kind of content the counts show (organizations, a user, a campaign,
  // audit entries from a calculation) — the whole demo region would only make the copy slower.
  const c = await createResultsCampaign(database.db, { orgs: [{}, {}, { kind: 'preschool' }] });
  await insertSurveyCounts(database.db, c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
  await database.db
    .insert(users)
    .values({ email: 'operator@backup.example.ru', fullName: 'Оператор', role: 'operator' });
  await createResultsService(resultsDeps(database.db, { now: new Date() })).calculate(
    caller('operator'),
    c.campaignId,
  );
  original = await contentCounts(database);
  await database.close();
  for (const n of Object.values(original)) expect(n).toBeGreaterThan(0);
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('noko backup and noko restore', { timeout: 90_000 }, () => {
  it('writes a copy and refuses to overwrite it without --force', async () => {
    const run = await runCli(['backup', file], { DATA_DIR: source });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Копия записана: .+ \(\d+\.\d МБ/);
    expect(run.stdout).toContain(`организаций ${original.organizations}`);
    expect(fs.statSync(file).size).toBeGreaterThan(100_000);

    const again = await runCli(['backup', file], { DATA_DIR: source });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('restores into an empty folder with the same contents', async () => {
    const target = path.join(root, 'fresh');
    const run = await runCli(['restore', file], { DATA_DIR: target });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('База восстановлена');
    // The dump carried the lock of the process that made it; the restored folder opens.
    expect(fs.existsSync(path.join(target, 'noko.lock'))).toBe(false);
    expect(await countsOf(target)).toEqual(original);
  });

  it('refuses to replace a database without --force, and moves it aside with --force', async () => {
    const refused = await runCli(['restore', file], { DATA_DIR: source });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');

    const run = await runCli(['restore', file, '--force'], { DATA_DIR: source });
    expect(run.code).toBe(0);
    const aside = fs.readdirSync(root).filter((f) => f.startsWith('data.bak-'));
    expect(aside).toHaveLength(1);
    expect(run.stdout).toContain(aside[0]);
    expect(await countsOf(source)).toEqual(original);
    expect(await countsOf(path.join(root, aside[0]!))).toEqual(original);
  });

  it('refuses a file that is not a noko copy, and a missing file', async () => {
    const junk = path.join(root, 'junk.txt');
    fs.writeFileSync(junk, 'not a dump');
    const target = path.join(root, 'other');
    const bad = await runCli(['restore', junk], { DATA_DIR: target });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('не похож на копию');
    const missing = await runCli(['restore', path.join(root, 'nope.tar.gz')], { DATA_DIR: target });
    expect(missing.code).toBe(2);
    expect(fs.existsSync(target)).toBe(false);
  });

  it('points to pg_dump and pg_restore for PostgreSQL', async () => {
    const env = { DATABASE_URL: 'postgres://noko:secret@127.0.0.1:1/noko' };
    const backup = await runCli(['backup', 'x.dump'], env);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump --format=custom');
    expect(backup.stderr).not.toContain('secret');
    const restore = await runCli(['restore', 'x.dump'], env);
    expect(restore.stderr).toContain('pg_restore');
  });
});
