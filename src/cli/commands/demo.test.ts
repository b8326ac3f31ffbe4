// `noko demo [--reset]` end to end on a temporary embedded database, and the start-up text.
import fs from 'node:fs';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createRegion } from '../../../test/fixtures.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { auditLog, organizations, users } from '../../db/schema/index.ts';
import { ROLE_TITLES } from '../../domain/permissions/index.ts';
import { DEMO_ACCOUNTS, DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../features/demo/logins.ts';
import { runCli as runWith, tempRoot } from './cli.test-support.ts';
import { isDemoDatabase, startupText } from './demo.ts';

const runCli = (args: string[], env: Record<string, string> = {}) =>
  runWith(args, process.env, env);

const roots: string[] = [];
function dataDir(): string {
  const root = tempRoot('noko-demo-test-');
  roots.push(root);
  return path.join(root, 'data');
}
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

async function counts(dir: string) {
  const database = await openDatabase({ dataDir: dir });
  try {
    const n = async (table: typeof users | typeof organizations | typeof auditLog) =>
      (await database.db.select({ n: count() }).from(table))[0]?.n ?? 0;
    return {
      users: await n(users),
      organizations: await n(organizations),
      audit: await n(auditLog),
    };
  } finally {
    await database.close();
  }
}

describe('startupText', () => {
  it('prints the address, a role → e-mail table and the password for a demo', () => {
    const text = startupText('http://127.0.0.1:3000', DEMO_ACCOUNTS);
    expect(text.split('\n')[0]).toBe('noko работает: http://127.0.0.1:3000');
    for (const a of DEMO_ACCOUNTS) {
      expect(text).toMatch(new RegExp(`${ROLE_TITLES[a.role]}\\s+${a.email}`));
    }
    // The browser journeys read the password with this pattern (test/e2e/harness.ts).
    expect(/[Пп]ароль[^:]*:\s*(\S+)/.exec(text)?.[1]).toBe(DEMO_PASSWORD);
  });

  it('prints only the address for a real installation', () => {
    expect(startupText('http://127.0.0.1:3000', [])).toBe('noko работает: http://127.0.0.1:3000\n');
  });
});

// Each seed of the full demo region (300 organizations, ~50k responses, results) takes 15–30 s.
describe('noko demo', { timeout: 300_000 }, () => {
  // Two seeds of the whole demo region in one flow (each takes a child process ~20 s of CPU):
  // an empty folder, the same folder again, then real data (no demo logins left) that --reset
  // refuses and --reset --yes replaces, audit log included.
  it('seeds an empty folder; refuses to reset real data without --yes and resets it with --yes', async () => {
    const dir = dataDir();
    const first = await runCli(['demo'], { DATA_DIR: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('организаций 300');
    expect(first.stdout).toContain(`Пароль для всех учётных записей: ${DEMO_PASSWORD}`);
    const seeded = await counts(dir);
    expect(seeded.organizations).toBe(300);

    const again = await runCli(['demo'], { DATA_DIR: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('В базе уже есть данные');

    const database = await openDatabase({ dataDir: dir });
    await database.db
      .insert(users)
      .values({ email: 'extra@example.ru', fullName: 'X', role: 'expert' });
    await database.db.update(users).set({
      email: sql`replace(${users.email}, ${`@${DEMO_EMAIL_DOMAIN}`}, '@school.example.ru')`,
    });
    await database.close();

    const refused = await runCli(['demo', '--reset'], { DATA_DIR: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    expect((await counts(dir)).users).toBe(seeded.users + 1);

    const reset = await runCli(['demo', '--reset', '--yes'], { DATA_DIR: dir });
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('Удаляю базу');
    expect(reset.stdout).toContain('Применяю миграции');
    expect(reset.stdout).toContain('организаций 300');
    expect(await counts(dir)).toEqual(seeded);
  });

  it('tells a demo region (resettable without --yes) from real data', async () => {
    const database = await openDatabase({ dataDir: dataDir() });
    try {
      await migrate(database);
      expect(await isDemoDatabase(database)).toBe(true); // empty
      await createRegion(database.db);
      expect(await isDemoDatabase(database)).toBe(false);
      await database.db
        .insert(users)
        .values({ email: `operator@${DEMO_EMAIL_DOMAIN}`, fullName: 'Демо', role: 'operator' });
      expect(await isDemoDatabase(database)).toBe(true);
    } finally {
      await database.close();
    }
  });

  it('fails with the lock’s message while another process holds the folder', async () => {
    const dir = dataDir();
    const database = await openDatabase({ dataDir: dir });
    try {
      const run = await runCli(['demo', '--reset'], { DATA_DIR: dir });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('уже открыта');
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await database.close();
    }
  });

  it('never deletes a folder that is not a noko database', async () => {
    const dir = dataDir();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'важное');
    const run = await runCli(['demo', '--reset', '--yes'], { DATA_DIR: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('PG_VERSION');
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('важное');
  });
});
