// Issue 4: "An acknowledged response is never lost, also when the process is killed right after
// answering." The real server on an embedded database folder is killed with SIGKILL right after
// its 201s — one by one, then many at once, which the intake stores as group-committed batches
// (intake.ts) — and the folder reopened holds every acknowledged response.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { surveyResponses } from '../../db/schema/index.ts';
import { tempRoot } from '../../cli/commands/cli.test-support.ts';
import { createSurveyCampaign, minimal } from './survey.test-support.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = tempRoot('noko-survey-kill-');
const dir = path.join(tmp, 'data');
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function waitHealthy(base: string): Promise<void> {
  // Start-up (migration check, pages bundle, job queue) can take half a minute on a busy machine.
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

describe('survey responses survive a killed process', { timeout: 120_000 }, () => {
  it('every acknowledged response is in the database after SIGKILL', async () => {
    const setup = await openDatabase({ dataDir: dir });
    await migrate(setup);
    const c = await createSurveyCampaign(setup.db, { start: null, end: null, organizations: 1 });
    await setup.close();

    const port = 20000 + (process.pid % 20000);
    const { DATABASE_URL: _ignored, ...env } = process.env;
    server = spawn(process.execPath, [`${root}bin/noko.js`, 'serve'], {
      cwd: root,
      env: { ...env, DATA_DIR: dir, PORT: String(port), NOKO_DEMO: '0', LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitHealthy(base);
    const submit = async () => {
      const res = await fetch(`${base}/api/v1/public/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ surveyCode: c.codes[0], answers: minimal() }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submit());
    // Concurrent submissions share batches; the kill follows the last acknowledgement at once.
    ids.push(...(await Promise.all(Array.from({ length: 60 }, submit))));
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    fs.rmSync(path.join(dir, 'noko.lock'), { force: true }); // left by the killed process

    const after = await openDatabase({ dataDir: dir });
    try {
      const rows = await after.db
        .select({ id: surveyResponses.id })
        .from(surveyResponses)
        .where(eq(surveyResponses.campaignId, c.campaignId));
      expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(ids.sort((a, b) => a - b));
    } finally {
      await after.close();
    }
  });
});
