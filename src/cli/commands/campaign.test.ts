// `noko campaign score` end to end on an embedded database folder: JSON in the `noko score` shape
// with names and ranks, a second run that stores nothing, bad arguments, and the explanation when
// the server holds the folder.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import {
  WORKED_SURVEY,
  createResultsCampaign,
  insertSurveyCounts,
  type ResultsCampaign,
} from '../../features/results/results.test-support.ts';
import { runCli as runWith, tempRoot } from './cli.test-support.ts';

let root: string;
let dir: string;
let c: ResultsCampaign;

const runCli = (args: string[]) => runWith(args, process.env, { DATA_DIR: dir });

beforeAll(async () => {
  root = tempRoot('noko-campaign-score-');
  dir = path.join(root, 'data');
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrate(database);
    c = await createResultsCampaign(database.db, { orgs: [{}, { contingent: 10 }] });
    await insertSurveyCounts(database.db, c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
  } finally {
    await database.close();
  }
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

interface Output {
  campaign: { id: number };
  run: { version: number; stored: boolean; status: string };
  organizations: {
    id: string;
    name: string;
    inn: string;
    municipality: string;
    indicators: Record<string, number | null>;
    total: number | null;
    ranks: { kind: number | null };
    flags: string[];
  }[];
  aggregate: { total: number | null };
}

describe('noko campaign score', { timeout: 60_000 }, () => {
  it('calculates, stores version 1 and prints the noko score shape with names', async () => {
    const run = await runCli(['campaign', 'score', '--campaign', String(c.campaignId), '--json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Сохранена версия 1');
    const out = JSON.parse(run.stdout) as Output;
    expect(out.campaign.id).toBe(c.campaignId);
    expect(out.run).toMatchObject({ version: 1, stored: true, status: 'current' });
    const first = out.organizations.find((o) => o.id === String(c.orgs[0]!.id))!;
    expect(first).toMatchObject({
      name: c.orgs[0]!.shortName,
      inn: c.orgs[0]!.inn,
      municipality: c.region.municipalities[0].name,
      ranks: { kind: 1 },
      flags: ['no_checklist', 'no_site_data'],
    });
    expect(first.indicators['1.3']).toBe(92);
    expect(first.indicators['1.1']).toBe(0);
    expect(run.stdout).toMatch(/"1\.3": 92\.00/);
    expect(out.aggregate.total).toBe(first.total);
    expect(out.organizations.find((o) => o.id === String(c.orgs[1]!.id))?.total).toBeNull();
  });

  it('defaults to the latest campaign, stores nothing when nothing changed, prints a table', async () => {
    const run = await runCli(['campaign', 'score']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Данные не изменились с версии 1');
    expect(run.stdout).toContain(`Кампания ${c.campaignId}`);
    expect(run.stdout).toContain(c.orgs[0]!.shortName);
    expect(run.stdout).toContain('нет данных чек-листа');
  });

  it('rejects a bad or unknown campaign with exit code 2 or 1', async () => {
    const bad = await runCli(['campaign', 'score', '--campaign', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--campaign');
    const unknown = await runCli(['campaign', 'score', '--campaign', '9999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Кампания 9999 не найдена');
  });

  it('explains what to do while the server holds the database folder', async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      const run = await runCli(['campaign', 'score', '--json']);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('уже открыта');
      expect(run.stderr).toContain('/results/calculate');
    } finally {
      await database.close();
    }
  });
});
