// db.analyze: registered on the embedded database only, and it gives the planner real row counts.
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeBackends } from '../../test/db.ts';
import { createRegion } from '../../test/fixtures.ts';
import { parseConfig } from '../config.ts';
import { queryRows } from '../db/client.ts';
import { analyzeDatabase, createAnalyzeJob } from './analyze.job.ts';

const logger = pino({ level: 'silent' });

it('is scheduled on PGlite and left to autovacuum on PostgreSQL', () => {
  const now = () => new Date();
  const pglite = parseConfig({ NODE_ENV: 'test' });
  const pg = parseConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u@127.0.0.1/x' });
  const jobs = createAnalyzeJob({ db: null as never, config: pglite, logger, now });
  expect(jobs.map((j) => [j.name, j.schedule?.cron])).toEqual([['db.analyze', '*/10 * * * *']]);
  expect(createAnalyzeJob({ db: null as never, config: pg, logger, now })).toEqual([]);
});

describeBackends('db.analyze', ({ db }) => {
  it('records the row count of a table the planner had never measured', async () => {
    await createRegion(db());
    const before = await queryRows<{ n: number }>(
      db(),
      sql`select reltuples::int as n from pg_class where relname = 'territories'`,
    );
    expect(before[0]!.n).toBeLessThan(1);
    await analyzeDatabase({ db: db() });
    const after = await queryRows<{ n: number }>(
      db(),
      sql`select reltuples::int as n from pg_class where relname = 'territories'`,
    );
    expect(after[0]!.n).toBeGreaterThan(0);
  });
});
