// `noko report` end to end on an embedded database folder: files of each kind written where asked
// with progress on stderr, the card, bad arguments (exit 2), the explanation when a server holds the
// folder, and the same file fetched through a running server's API with --server/--email.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loadTestBuild, loginAs, TEST_PASSWORD } from '../../../test/app.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { createResultsService } from '../../features/results/results.service.ts';
import {
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
  WORKED_SURVEY,
  type ResultsCampaign,
} from '../../features/results/results.test-support.ts';
import { runCli as runWith, tempRoot } from './cli.test-support.ts';

let root: string;
let dir: string;
let c: ResultsCampaign;

const runCli = (args: string[]) => runWith(args, process.env, { DATA_DIR: dir });
const out = (name: string) => path.join(root, name);

beforeAll(async () => {
  root = tempRoot('noko-report-');
  dir = path.join(root, 'data');
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrate(database);
    c = await createResultsCampaign(database.db, { orgs: [{}, { kind: 'preschool' }] });
    await insertSurveyCounts(database.db, c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
    const results = createResultsService(resultsDeps(database.db, { now: new Date() }));
    await results.calculate(caller('operator'), c.campaignId);
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('noko report', { timeout: 120_000 }, () => {
  it('writes open data, the bus.gov.ru table and the report where asked, progress on stderr', async () => {
    const csv = await runCli([
      'report',
      '--campaign',
      String(c.campaignId),
      '--format',
      'csv',
      '--out',
      out('data.csv'),
    ]);
    expect(csv.stderr).toContain('noko report: чтение результатов');
    expect(csv.code).toBe(0);
    const text = fs.readFileSync(out('data.csv'), 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^campaign_id,year,region,/);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(3);
    const busgov = await runCli([
      'report',
      '--campaign',
      String(c.campaignId),
      '--format',
      'busgov',
      '--out',
      out('busgov.xlsx'),
    ]);
    expect(busgov.code).toBe(0);
    expect(fs.readFileSync(out('busgov.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const docx = await runCli([
      'report',
      '--campaign',
      String(c.campaignId),
      '--out',
      out('report.docx'),
    ]);
    expect(docx.code).toBe(0);
    expect(docx.stderr).toContain('вёрстка DOCX');
    expect(docx.stderr).toMatch(/готово: .*report\.docx \(\d+ байт/);
  });

  it('writes the card of an organization', async () => {
    const run = await runCli([
      'report',
      '--campaign',
      String(c.campaignId),
      '--organization',
      String(c.orgs[0]!.id),
      '--out',
      out('card.pdf'),
    ]);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(out('card.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('rejects bad arguments with exit code 2', async () => {
    const format = await runCli(['report', '--campaign', String(c.campaignId), '--format', 'odt']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format');
    const campaign = await runCli(['report', '--campaign', 'x']);
    expect(campaign.code).toBe(2);
    const card = await runCli([
      'report',
      '--campaign',
      '1',
      '--organization',
      '2',
      '--format',
      'csv',
    ]);
    expect(card.code).toBe(2);
    expect(card.stderr).toContain('только в формате pdf');
  });

  it('explains what to do while a server holds the database folder', async () => {
    const database = await openDatabase({ dataDir: dir });
    try {
      const run = await runCli([
        'report',
        '--campaign',
        String(c.campaignId),
        '--format',
        'csv',
        '--out',
        out('x.csv'),
      ]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('уже открыта');
      expect(run.stderr).toContain('--server');
      expect(fs.existsSync(out('x.csv'))).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('fetches the file through a running server with --server and --email', async () => {
    const build = await loadTestBuild();
    if (!build) return;
    const database = await openDatabase({ dataDir: dir });
    const app = createTestApp(database.db, { build });
    const user = await loginAs(app, database.db, 'operator');
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const { DATABASE_URL: _ignored, ...env } = process.env;
        const child = spawn(
          process.execPath,
          [
            'bin/noko.js',
            'report',
            '--campaign',
            String(c.campaignId),
            '--format',
            'json',
            '--out',
            out('api.json'),
            '--server',
            url,
            '--email',
            user.user.email,
          ],
          { env: { ...env, DATA_DIR: dir, LOG_LEVEL: 'warn' }, stdio: ['pipe', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
        child.stdin.end(`${TEST_PASSWORD}\n`);
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(run.stderr).toContain(`запрос к ${url}/api/v1/campaigns/${c.campaignId}/reports/json`);
      expect(run.code).toBe(0);
      const rows = JSON.parse(fs.readFileSync(out('api.json'), 'utf8')) as {
        organization_id: number;
      }[];
      expect(rows.map((r) => r.organization_id).sort()).toEqual(c.orgs.map((o) => o.id).sort());
    } finally {
      server.close();
      await database.close();
    }
  });
});
