// Background jobs on pg-boss 12 (ADR 0004). The queue lives in the application database (schema
// `pgboss`, created by pg-boss on start): on PostgreSQL every instance runs workers and the row
// locks (SKIP LOCKED) hand each job to one of them; on PGlite pg-boss runs in this process over the
// one PGlite connection through its PGlite adapter. Features see only `send` (JobSender in
// src/features/context.ts); handlers are use cases of their features, registered at start-up.
import { PgBoss, fromPglite, type ConstructorOptions, type Job } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { JobSender, SendJobOptions } from '../features/context.ts';

/** What a handler learns about the job besides its data. */
export interface JobInfo {
  id: string;
  /** 0 on the first attempt, then 1, 2, … */
  retryCount: number;
  /** Aborted when the job expires or the queue stops without waiting. */
  signal: AbortSignal;
}

/** Retry and timing policy of one queue (pg-boss queue options). */
export interface QueuePolicy {
  /** Attempts after the first before the job is marked failed (pg-boss default 2). */
  retryLimit?: number;
  /** Seconds before a retry (default 0). */
  retryDelay?: number;
  /** Doubles the delay on every retry, with jitter. */
  retryBackoff?: boolean;
  /** Upper bound of the backoff delay, seconds. */
  retryDelayMax?: number;
  /** Seconds a job may run before it counts as failed (default 15 minutes). */
  expireInSeconds?: number;
  /** Jobs this process runs at once from this queue (default 1). */
  localConcurrency?: number;
}

export interface JobHandler<T extends object = object> {
  /** Queue name, e.g. 'mail.send'. */
  name: string;
  /** Idempotent: a job may run again after a crash mid-way. Throwing schedules a retry. */
  handler(data: T, job: JobInfo): Promise<void>;
  options?: QueuePolicy;
  /**
   * Recurring run (pg-boss cron: one job per occurrence across all instances), with empty data.
   * Set on every start, so a changed expression takes effect on the next start.
   */
  schedule?: { cron: string; tz?: string };
}

export interface Jobs extends JobSender {
  /** Stops taking jobs, waits for running handlers (up to the timeout), releases connections. */
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  database: Database;
  config: Config;
  logger: Logger;
  // Handlers of different payload types live in one list; each handler checks its own data.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handlers: readonly JobHandler<any>[];
  /** Seconds between polls when no notification arrives (default 2; tests use 0.5). */
  pollingIntervalSeconds?: number;
  /** How long stop() waits for running handlers, ms (default 30 s). */
  stopTimeoutMs?: number;
}

/**
 * Starts pg-boss over `database` (installing or migrating its schema), creates the handlers'
 * queues and starts their workers. Call `stop()` before closing the database.
 */
export async function startJobs(options: StartJobsOptions): Promise<Jobs> {
  const { database, logger, handlers } = options;
  const log = logger.child({ component: 'jobs' });
  const boss = new PgBoss(bossOptions(options));
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning }, 'job queue warning'));
  await boss.start();
  const polling = options.pollingIntervalSeconds ?? 2;
  try {
    for (const h of handlers) {
      const { localConcurrency, ...policy } = h.options ?? {};
      // Queues must exist before jobs are sent (pg-boss 10+). createQueue ignores an existing
      // queue, so updateQueue brings its policy in line with the code on every start.
      await boss.createQueue(h.name, { ...policy, notify: true });
      await boss.updateQueue(h.name, { ...policy, notify: true });
      await boss.work<object>(
        h.name,
        {
          pollingIntervalSeconds: polling,
          // NOTIFY wakes workers for new jobs only; retries and delayed jobs wait for a poll, so
          // the backstop poll stays as frequent as the plain one.
          notifyPollingIntervalSeconds: polling,
          ...(localConcurrency ? { localConcurrency } : {}),
        },
        (batch) => runBatch(h, batch, log),
      );
      if (h.schedule) {
        await boss.schedule(h.name, h.schedule.cron, {}, { tz: h.schedule.tz ?? 'UTC' });
      }
    }
  } catch (e) {
    await boss.stop({ graceful: false, close: true }).catch(() => {});
    throw e;
  }
  log.info({ backend: database.kind, queues: handlers.map((h) => h.name) }, 'jobs started');

  let stopping: Promise<void> | undefined;
  return {
    async send(name, data, sendOptions) {
      return boss.send(name, data, toSendOptions(sendOptions));
    },
    stop() {
      stopping ??= boss.stop({
        graceful: true,
        close: true,
        timeout: options.stopTimeoutMs ?? 30_000,
      });
      return stopping;
    },
  };
}

function bossOptions(options: StartJobsOptions): ConstructorOptions {
  const { database, config } = options;
  const common = { useListenNotify: true, application_name: 'noko-jobs' } as const;
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite database without its client');
    // The adapter runs pg-boss's statements on the same single connection as Drizzle; PGlite
    // serialises them, and multi-statement blocks (BEGIN … COMMIT) run as one exec().
    return { ...common, db: fromPglite(database.pglite), backend: 'pglite' };
  }
  // A pool of pg-boss's own (small): its LISTEN connection and long polls do not take
  // connections from the request pool. The address is the one the database was opened with.
  const connectionString = database.pool?.options.connectionString ?? config.DATABASE_URL;
  if (!connectionString) throw new Error('PostgreSQL database without a connection string');
  return { ...common, connectionString, max: 3 };
}

async function runBatch(h: JobHandler, batch: Job<object>[], log: Logger): Promise<void> {
  for (const job of batch) {
    const started = Date.now();
    try {
      await h.handler(job.data, { id: job.id, retryCount: job.retryCount, signal: job.signal });
      log.debug({ queue: h.name, job: job.id, ms: Date.now() - started }, 'job done');
    } catch (e) {
      log.warn({ queue: h.name, job: job.id, retry: job.retryCount, err: e }, 'job failed');
      throw e;
    }
  }
}

function toSendOptions(o: SendJobOptions | undefined) {
  if (!o) return {};
  return {
    ...(o.startAfter !== undefined ? { startAfter: o.startAfter } : {}),
    ...(o.singletonKey !== undefined ? { singletonKey: o.singletonKey } : {}),
    ...(o.retryLimit !== undefined ? { retryLimit: o.retryLimit } : {}),
  };
}
