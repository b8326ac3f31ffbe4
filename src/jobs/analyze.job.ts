// The `db.analyze` job: refreshes the planner's statistics on the embedded database. PGlite runs no
// autovacuum daemon, so without it the planner never learns that survey_responses grew from 0 to
// 100 000 rows and keeps choosing sequential scans (the "same browser already answered" check then
// slows down with every response). PostgreSQL has autovacuum: there the job is not registered.
import { sql } from 'drizzle-orm';
import type { ServiceDeps } from '../features/context.ts';
import type { JobHandler } from './queue.ts';

export const ANALYZE_JOB = 'db.analyze';
/** Every 10 minutes: ANALYZE samples at most 30 000 rows per table, a fraction of a second. */
const ANALYZE_SCHEDULE = { cron: '*/10 * * * *' };

/** Runs ANALYZE over the whole database. */
export async function analyzeDatabase(deps: Pick<ServiceDeps, 'db'>): Promise<void> {
  await deps.db.execute(sql`analyze`);
}

/** Registered by `noko serve` on PGlite only (src/jobs/handlers.ts). */
export function createAnalyzeJob(deps: ServiceDeps): JobHandler<object>[] {
  if (deps.config.DATABASE_URL) return [];
  return [
    {
      name: ANALYZE_JOB,
      options: { retryLimit: 0, expireInSeconds: 10 * 60 },
      schedule: ANALYZE_SCHEDULE,
      handler: async () => {
        const started = performance.now();
        await analyzeDatabase(deps);
        deps.logger.debug({ ms: Math.round(performance.now() - started) }, 'statistics refreshed');
      },
    },
  ];
}
