// The monitor's jobs (ADR 0004), registered by src/jobs/handlers.ts:
// - monitor.run {runId}: starts a run and fans out one monitor.check-site per organization;
// - monitor.check-site {runId, organizationId}: checks one site (retried with backoff; after the
//   last attempt the failure is stored as an error check so the run always finishes);
// - monitor.notify {runId}: the letters after a scheduled run;
// - monitor.schedule: pg-boss cron from NOKO_MONITOR_SCHEDULE (Moscow time); creates the scheduled
//   run of the day (once across instances and retries: unique slot) and queues it.
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_CALLER, type JobSender, type ServiceDeps } from '../context.ts';
import type { JobHandler } from '../../jobs/queue.ts';
import { monitorSchedule, nextMoscowTime, parseCron } from './monitor.cron.ts';
import type { MonitorRun } from '../../db/schema/index.ts';
import { sendRunLetters } from './monitor.mail.ts';
import { recalculateAfterRun } from './monitor.recalculation.ts';
import { getRun, insertScheduledRun } from './monitor.repo.ts';
import {
  CHECK_RETRY_LIMIT,
  createRunner,
  jobSenderOf,
  MONITOR_CHECK_JOB,
  MONITOR_NOTIFY_JOB,
  MONITOR_RUN_JOB,
  MONITOR_SCHEDULE_JOB,
  type MonitorRuntime,
  type Runner,
} from './monitor.runner.ts';

/**
 * Check jobs this process runs at once. Each waits on the worker thread's crawl, whose per-host (2)
 * and global limits bound the load on sites; 64 runs 1,000 fixture sites in about 50 s (32: 78 s)
 * within 300 MB (bench/monitor.bench.ts --app, ADR 0007).
 */
export const DEFAULT_CHECK_CONCURRENCY = 64;

export { MONITOR_CHECK_JOB, MONITOR_NOTIFY_JOB, MONITOR_RUN_JOB, MONITOR_SCHEDULE_JOB };

export interface RunJobData {
  runId: number;
}
export interface CheckJobData {
  runId: number;
  organizationId: number;
}

/** Sends the run's letters (scheduled runs) and marks it notified, audited. */
async function notify(deps: ServiceDeps, runId: number): Promise<void> {
  const letters = await sendRunLetters(deps, runId);
  await deps.db.transaction((tx) =>
    recordAudit(tx, SYSTEM_CALLER, {
      action: 'monitor_run_notified',
      entityType: 'monitor_run',
      entityId: runId,
      after: { letters },
    }),
  );
}

/**
 * What happens after a check is stored: when it finished a run, the campaigns it feeds ask for a
 * recalculation; when it finished a scheduled run, the letters go out (as a job when there is a
 * queue, at once otherwise).
 */
async function afterCheck(
  deps: ServiceDeps,
  stored: Awaited<ReturnType<Runner['checkOrganization']>>,
): Promise<void> {
  const run = stored?.run;
  if (!run || run.status !== 'done') return;
  await recalculateAfterRun(deps, run.id);
  if (run.trigger !== 'schedule') return;
  const jobs = jobSenderOf(deps);
  if (jobs) await jobs.send(MONITOR_NOTIFY_JOB, { runId: run.id });
  else await notify(deps, run.id);
}

/**
 * Starts a run and checks its organizations: through check jobs when there is a queue, otherwise
 * here, a few at a time (the CLI and tests).
 */
export async function executeRun(deps: ServiceDeps, runner: Runner, runId: number): Promise<void> {
  const todo = await runner.begin(runId);
  const run = await getRun(deps.db, runId);
  if (run?.status === 'done' && run.total === 0) return;
  const jobs = jobSenderOf(deps);
  if (jobs) {
    for (const organizationId of todo) {
      await jobs.send(
        MONITOR_CHECK_JOB,
        { runId, organizationId },
        { singletonKey: `run-${runId}-org-${organizationId}` },
      );
    }
    return;
  }
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const organizationId = todo[next++]!;
      let stored;
      try {
        stored = await runner.checkOrganization(runId, organizationId);
      } catch (e) {
        stored = await runner.storeFailure(runId, organizationId, errorText(e));
      }
      await afterCheck(deps, stored);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(runner.inlineConcurrency, todo.length) }, worker),
  );
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The day of a scheduled run (Moscow midnight): at most one scheduled run per day. */
export function scheduleSlot(at: Date): Date {
  const moscow = new Date(at.getTime() + 3 * 3600_000);
  return new Date(
    Date.UTC(moscow.getUTCFullYear(), moscow.getUTCMonth(), moscow.getUTCDate()) - 3 * 3600_000,
  );
}

/**
 * The scheduled run of the day of `at` (once, however many instances or retries), queued or, with
 * no queue, checked here. Null when the day's run exists already.
 */
export async function startScheduledRun(
  deps: ServiceDeps,
  runner: Runner,
  at: Date,
): Promise<MonitorRun | null> {
  const slot = scheduleSlot(at);
  const created = await deps.db.transaction(async (tx) => {
    const r = await insertScheduledRun(tx, slot, 'расписание');
    if (r) {
      await recordAudit(tx, SYSTEM_CALLER, {
        action: 'monitor_run_create',
        entityType: 'monitor_run',
        entityId: r.id,
        after: { scope: 'all', trigger: 'schedule', slot: slot.toISOString() },
      });
    }
    return r;
  });
  if (!created) return null;
  const jobs = jobSenderOf(deps);
  if (jobs) await jobs.send(MONITOR_RUN_JOB, { runId: created.id });
  else await executeRun(deps, runner, created.id);
  return created;
}

/** The cron of NOKO_MONITOR_SCHEDULE when it is on and valid (a bad value is logged, not fatal). */
export function monitorCron(deps: Pick<ServiceDeps, 'config' | 'logger'>): string | null {
  try {
    return monitorSchedule(deps.config.NOKO_MONITOR_SCHEDULE)
      ? deps.config.NOKO_MONITOR_SCHEDULE.trim()
      : null;
  } catch (e) {
    deps.logger.error(
      { NOKO_MONITOR_SCHEDULE: deps.config.NOKO_MONITOR_SCHEDULE, err: e },
      'monitor schedule is invalid: scheduled runs are off',
    );
    return null;
  }
}

/** When the next scheduled run is due (for the pages), or null when the schedule is off. */
export function nextScheduledRun(
  deps: Pick<ServiceDeps, 'config' | 'logger'>,
  after: Date,
): Date | null {
  const cron = monitorCron(deps);
  return cron ? nextMoscowTime(parseCron(cron), after) : null;
}

export function createMonitorJobs(
  deps: ServiceDeps,
  runtime: MonitorRuntime = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): JobHandler<any>[] {
  const runner = createRunner(deps, runtime);
  // Inside a job the queue must be known: without it a run would crawl every site in one job.
  const queue = (): JobSender => {
    const jobs = jobSenderOf(deps);
    if (!jobs) throw new Error('очередь заданий ещё не подключена к службам');
    return jobs;
  };
  const run: JobHandler<RunJobData> = {
    name: MONITOR_RUN_JOB,
    options: { retryLimit: 3, retryDelay: 10, retryBackoff: true },
    handler: async ({ runId }) => {
      queue();
      await executeRun(deps, runner, runId);
    },
  };
  const check: JobHandler<CheckJobData> = {
    name: MONITOR_CHECK_JOB,
    // A crawl is bounded by the crawler's deadline; the queue's expiry is a backstop above it.
    options: {
      retryLimit: CHECK_RETRY_LIMIT,
      retryDelay: 30,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: 15 * 60,
      // The crawl runs in the monitor's worker thread (its one fetcher keeps the per-host and
      // global limits), so this process only waits and stores: many checks at once cost little
      // (bench/monitor.bench.ts --app measures a thousand sites).
      localConcurrency: runtime.checkConcurrency ?? DEFAULT_CHECK_CONCURRENCY,
    },
    handler: async ({ runId, organizationId }, job) => {
      let stored;
      try {
        stored = await runner.checkOrganization(runId, organizationId, job.signal);
      } catch (e) {
        if (job.retryCount < CHECK_RETRY_LIMIT) throw e;
        stored = await runner.storeFailure(runId, organizationId, errorText(e));
      }
      await afterCheck(deps, stored);
    },
  };
  const notifyJob: JobHandler<RunJobData> = {
    name: MONITOR_NOTIFY_JOB,
    options: { retryLimit: 5, retryDelay: 60, retryBackoff: true },
    handler: async ({ runId }) => notify(deps, runId),
  };
  const cron = monitorCron(deps);
  const schedule: JobHandler<object> = {
    name: MONITOR_SCHEDULE_JOB,
    // pg-boss keeps a schedule once set; switching it off later is honoured here.
    ...(cron ? { schedule: { cron, tz: 'Europe/Moscow' } } : {}),
    options: { retryLimit: 5, retryDelay: 60, retryBackoff: true },
    handler: async () => {
      if (!monitorCron(deps)) return;
      queue();
      await startScheduledRun(deps, runner, deps.now());
    },
  };
  return [run, check, notifyJob, schedule];
}
