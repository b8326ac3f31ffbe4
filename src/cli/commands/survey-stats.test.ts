// `noko survey-stats` end to end on an embedded database folder: JSON per organization, the
// default campaign, bad arguments, and the explanation when another process holds the folder.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createSurveyService } from '../../features/survey/survey.service.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from '../../features/survey/survey.test-support.ts';
import { runCli as runWith, tempRoot } from './cli.test-support.ts';

let root: string;
let dir: string;
let c: SurveyCampaign;

const runCli = (args: string[]) => runWith(args, process.env, { DATA_DIR: dir });

beforeAll(async () => {
  root = tempRoot('noko-survey-stats-');
  dir = path.join(root, 'data');
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrate(database);
    c = await createSurveyCampaign(database.db, { contingents: [10, 2000] });
    const survey = createSurveyService({
      db: database.db,
      config: parseConfig({ NODE_ENV: 'test' }),
      logger: pino({ level: 'silent' }),
      now: () => IN_WINDOW,
    });
    const submit = (code: string, answers: object) =>
      survey.submit({ code, answers, channel: 'api', skipped: 'reject' });
    await submit(c.codes[0]!, minimal());
    await submit(c.codes[0]!, { ...minimal(), q1: true, q2: true });
  } finally {
    await database.close();
  }
});

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('noko survey-stats', { timeout: 60_000 }, () => {
  it('prints per organization the survey part of the scoring input', async () => {
    const run = await runCli(['survey-stats', '--campaign', String(c.campaignId), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      campaign: { id: number };
      organizations: { code: string; valid: number; required: number; survey: object }[];
    };
    expect(out.campaign.id).toBe(c.campaignId);
    expect(out.organizations.find((o) => o.code === c.codes[0])).toMatchObject({
      valid: 2,
      flagged: 0,
      excluded: 0,
      required: 4,
      survey: { respondents: 2, q1: 1, q2: 1, q5: 2, q14: 2, q3: 0 },
    });
    expect(out.organizations.find((o) => o.code === c.codes[1])).toMatchObject({
      valid: 0,
      required: 600,
    });
  });

  it('defaults to the collecting campaign and prints a readable table', async () => {
    const run = await runCli(['survey-stats']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Кампания ${c.campaignId}`);
    expect(run.stdout).toContain(`${c.codes[1]}`);
    expect(run.stdout).toContain('не хватает 600');
  });

  it('rejects a bad or unknown campaign with exit code 2 or 1', async () => {
    const bad = await runCli(['survey-stats', '--campaign', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--campaign');
    const unknown = await runCli(['survey-stats', '--campaign', '9999']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('не найдена');
  });

  it('explains the folder lock when the database is open elsewhere', async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      const run = await runCli(['survey-stats', '--json']);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('уже открыта');
    } finally {
      await database.close();
    }
  });
});
