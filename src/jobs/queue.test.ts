// pg-boss on both backends: a sent job reaches its handler exactly once (also with two workers
// competing for it), a failing handler is retried, and stop() waits for a running handler.
import { spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { parseConfig } from '../config.ts';
import { describeBackends, freshDatabase, testBackends } from '../../test/db.ts';
import { startJobs, type JobHandler, type Jobs } from './queue.ts';
import { until } from './wait.test-support.ts';

const config = parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const logger = pino({ level: 'silent' });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeBackends('job queue', ({ database }) => {
  const started: Jobs[] = [];
  const start = async (handlers: JobHandler<{ n: number }>[]) => {
    const jobs = await startJobs({
      database: database(),
      config,
      logger,
      handlers,
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 5000,
    });
    started.push(jobs);
    return jobs;
  };
  afterEach(async () => {
    for (const j of started.splice(0)) await j.stop();
  });

  it('runs every sent job once, even with two workers on the queue', async () => {
    const runs: number[] = [];
    const handler: JobHandler<{ n: number }> = {
      name: 'test.once',
      handler: async ({ n }) => {
        runs.push(n);
      },
    };
    const a = await start([handler]);
    await start([handler]);
    for (let n = 1; n <= 10; n++) expect(await a.send('test.once', { n })).toBeTruthy();
    await until(() => runs.length >= 10);
    await sleep(1500); // a duplicate would show up within a polling interval or two
    expect([...runs].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('retries a failing handler', async () => {
    let attempts = 0;
    const jobs = await start([
      {
        name: 'test.retry',
        options: { retryLimit: 2, retryDelay: 1 },
        handler: async () => {
          attempts++;
          if (attempts === 1) throw new Error('первая попытка не удалась');
        },
      },
    ]);
    await jobs.send('test.retry', { n: 1 });
    await until(() => attempts >= 2);
    await sleep(1500);
    expect(attempts).toBe(2);
  });

  it('stop() waits for the running handler before it resolves', async () => {
    let began = false;
    let finished = false;
    const jobs = await start([
      {
        name: 'test.slow',
        handler: async () => {
          began = true;
          await sleep(700);
          finished = true;
        },
      },
    ]);
    await jobs.send('test.slow', { n: 1 });
    await until(() => began);
    await jobs.stop();
    expect(finished).toBe(true);
  });
});

describe('job queue shutdown', () => {
  // A process that starts the queue, runs a job, stops it and closes the database must exit on
  // its own: no timer, socket or listener of pg-boss may keep it alive.
  it.each(testBackends())(
    'leaves no handles open [%s]',
    async (backend) => {
      const script = path.join(import.meta.dirname, 'queue.exit-check.ts');
      const pg = backend === 'postgres' ? await freshDatabase('postgres') : undefined;
      onTestFinished(() => pg?.close());
      const args = pg ? [script, String(pg.pool?.options.connectionString)] : [script];
      const child = spawn(process.execPath, args, {
        env: process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | string>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve('timeout');
        }, 50_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c ?? -1);
        });
      });
      expect(out).toContain('handled 1');
      expect(code, out).toBe(0);
    },
    60_000,
  );
});
