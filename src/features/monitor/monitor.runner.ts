// Running the monitor over organizations: a run fans out one check per organization; a check
// crawls the registry's website through the crawler (its fetcher wrapped to keep the pages as
// evidence) and stores the result, its pages and the run's progress in one transaction. A site
// that cannot be checked (no address, unreachable, garbage, too slow) becomes an `error` check —
// never a hung or endlessly retried job. The job handlers (monitor.jobs.ts) and the service's
// inline mode (no queue: CLI, tests) both call these functions.
import {
  APPLICABILITY_FLAGS,
  CATALOGUE,
  requiredItems,
  rulesetFor,
  type Applicability,
  type MonitorResult,
  type OrgKind,
} from '../../domain/site-requirements/index.ts';
import type { OrganizationApplicability, StoredItem } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_CALLER, type JobSender, type ServiceDeps } from '../context.ts';
import type { Db, Executor } from '../../db/client.ts';
import type { FetcherOptions } from './fetcher.ts';
import { createIsolatedMonitor, type IsolatedMonitor } from './isolated-monitor.ts';
import { withHistory } from './monitor.freshness.ts';
import { SiteUrlSchema } from './monitor.schema.ts';
import {
  checksOfRun,
  countCheck,
  findCheckOfRun,
  getRun,
  insertCheck,
  insertCheckPages,
  latestOkCheck,
  organizationInfo,
  runTargets,
  startRun,
  storeCheckSnapshots,
} from './monitor.repo.ts';
import { DEFAULT_CAPTURE, type CaptureLimits, type CapturedPage } from './monitor.snapshots.ts';

export const MONITOR_RUN_JOB = 'monitor.run';
export const MONITOR_CHECK_JOB = 'monitor.check-site';
export const MONITOR_NOTIFY_JOB = 'monitor.notify';
export const MONITOR_SCHEDULE_JOB = 'monitor.schedule';
/** Retries of a check job before its failure is stored as an error check. */
export const CHECK_RETRY_LIMIT = 3;

// Job handlers are created before the queue starts (src/cli/commands/serve.ts), so their deps carry
// no sender; the services, created after it, bind the queue to their database for the handlers.
const senders = new WeakMap<Db, JobSender>();

export function bindJobSender(db: Db, jobs: JobSender): void {
  senders.set(db, jobs);
}

// Checks running in this process, by database and run: stopping a run aborts them at once (the
// service and the job handlers have runners of their own). Checks in other processes notice the
// stop by reading the run's status (see createRunner).
const runningChecks = new WeakMap<Db, Map<number, Set<AbortController>>>();

/** Aborts the checks of a run running in this process; returns how many. */
export function stopRunningChecks(db: Db, runId: number, reason: string): number {
  const mine = [...(runningChecks.get(db)?.get(runId) ?? [])];
  for (const c of mine) c.abort(new Error(reason));
  return mine.length;
}

function trackCheck(db: Db, runId: number, controller: AbortController): () => void {
  const byRun = runningChecks.get(db) ?? new Map<number, Set<AbortController>>();
  runningChecks.set(db, byRun);
  const mine = byRun.get(runId) ?? new Set<AbortController>();
  byRun.set(runId, mine.add(controller));
  return () => {
    mine.delete(controller);
    if (mine.size === 0) byRun.delete(runId);
  };
}

/** The queue for this database: the deps' own, else the one the services bound. */
export function jobSenderOf(deps: ServiceDeps): JobSender | undefined {
  return deps.jobs ?? senders.get(deps.db);
}

/** How the monitor reaches sites: limits, and in tests and benches the fixture host names. */
export interface MonitorRuntime {
  fetcher?: Partial<Omit<FetcherOptions, 'userAgent' | 'resolve'>>;
  /** Name → address instead of DNS (`*.suffix` wildcards): the fixture sites of tests and benches. */
  hosts?: Readonly<Record<string, string>>;
  /** Heap limits of the crawler's worker thread, MB (isolated-monitor.ts). */
  heap?: { youngMb?: number; oldMb?: number };
  /** One site's crawl budget (the crawler stops fetching after it). */
  siteDeadlineMs?: number;
  /** Hard upper bound of one check, whatever the crawler does (default deadline + 60 s). */
  hardTimeoutMs?: number;
  capture?: CaptureLimits;
  /** Checks run at once in the inline mode (no queue). */
  inlineConcurrency?: number;
  /** How often a running check looks whether its run was stopped elsewhere, ms (default 5 s). */
  stopPollMs?: number;
  /** Check jobs run at once by this process (the queue's local concurrency). */
  checkConcurrency?: number;
}

/** Milliseconds → the reason of a check cut short by the hard bound. */
function hardTimeoutReason(ms: number): string {
  return `проверка сайта не завершилась за ${Math.round(ms / 1000)} с`;
}

// Registry facts (OrganizationApplicability) → the catalogue's applicability flags. The registry
// form names a few facts in its own words; the catalogue's flag names are accepted as they are.
const REGISTRY_FACTS: Record<string, keyof Applicability> = {
  hasBranches: 'branches',
  hasDormitory: 'dormitory',
};

export function applicabilityOf(
  facts: OrganizationApplicability | null | undefined,
): Applicability {
  const out: Applicability = {};
  for (const [fact, value] of Object.entries(facts ?? {})) {
    if (value !== true) continue;
    const flag =
      REGISTRY_FACTS[fact] ??
      ((APPLICABILITY_FLAGS as readonly string[]).includes(fact)
        ? (fact as keyof Applicability)
        : null);
    if (flag) out[flag] = true;
  }
  return out;
}

/** The compact item list kept per check (the `--json` contract minus section wrappers). */
export function storedItems(result: MonitorResult): StoredItem[] {
  return result.sections.flatMap((s) =>
    s.items.map((i) => {
      const item: StoredItem = {
        key: i.key,
        section: s.key,
        itemprop: i.itemprop,
        status: i.status,
        requirement: i.requirement,
      };
      if (i.value) item.value = i.value;
      if (i.note) item.note = i.note;
      return item;
    }),
  );
}

interface Outcome {
  url: string;
  kind: OrgKind;
  /** «Инорм.сайт» when there is no crawler result (the check failed before the crawl). */
  required: number;
  result: MonitorResult | null;
  error: string | null;
  pages: CapturedPage[];
  ms: number;
}

export function createRunner(deps: ServiceDeps, runtime: MonitorRuntime = {}) {
  const { db, config } = deps;
  const deadline = runtime.siteDeadlineMs ?? 180_000;
  const hardTimeout = runtime.hardTimeoutMs ?? deadline + 60_000;
  // Every check of this runner goes through one worker thread (isolated-monitor.ts): its heap is
  // bounded and its parsing never stalls the web server; its one fetcher keeps the per-host and
  // global limits across all checks running at once. Started on the first check.
  let monitor: IsolatedMonitor | null = null;
  const isolated = () =>
    (monitor ??= createIsolatedMonitor({
      ...runtime.fetcher,
      publicUrl: config.publicUrl,
      allowPrivate: runtime.fetcher?.allowPrivate ?? config.NOKO_MONITOR_ALLOW_PRIVATE,
      siteDeadlineMs: deadline,
      ...(runtime.hosts ? { hosts: runtime.hosts } : {}),
      ...(runtime.heap ? { heap: runtime.heap } : {}),
    }));
  const stopPoll = runtime.stopPollMs ?? 5_000;

  async function crawl(
    runId: number,
    website: string | null,
    kind: OrgKind,
    facts: OrganizationApplicability,
    signal?: AbortSignal,
  ): Promise<Outcome> {
    const started = Date.now();
    const flags = applicabilityOf(facts);
    const required = requiredItems(kind, rulesetFor(deps.now()), flags).length;
    const base = { kind, required, pages: [] as CapturedPage[], result: null };
    const parsed = SiteUrlSchema.safeParse(website ?? '');
    if (!website?.trim()) {
      return { ...base, url: '', error: 'адрес сайта не указан в реестре', ms: 0 };
    }
    if (!parsed.success) {
      return { ...base, url: website, error: `неверный адрес сайта в реестре: ${website}`, ms: 0 };
    }
    // The hard bound holds whatever the crawler does; the job's signal (queue stopping, job
    // expired) and a cancelled run stop the check too.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new Error(hardTimeoutReason(hardTimeout))),
      hardTimeout,
    );
    const stop = () =>
      controller.abort(
        signal?.reason instanceof Error ? signal.reason : new Error('проверка остановлена'),
      );
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
    const untrack = trackCheck(db, runId, controller);
    // A run stopped from another process (PostgreSQL with several instances) is seen here.
    const poll = setInterval(() => {
      getRun(db, runId).then(
        (r) => {
          if (r?.status === 'failed')
            controller.abort(new Error(r.failureReason ?? 'запуск остановлен'));
        },
        () => {},
      );
    }, stopPoll);
    try {
      const { result, pages } = await isolated().checkWithPages(parsed.data, {
        kind,
        now: deps.now(),
        applicability: flags,
        surveyUrlPrefixes: [`${config.publicUrl}/s/`],
        capture: runtime.capture ?? DEFAULT_CAPTURE,
        signal: controller.signal,
      });
      const error = result.reachable ? null : (result.reason ?? 'сайт недоступен');
      return { ...base, url: parsed.data, result, error, pages, ms: Date.now() - started };
    } finally {
      clearTimeout(timer);
      clearInterval(poll);
      signal?.removeEventListener('abort', stop);
      untrack();
    }
  }

  /**
   * The general rules of a check as stored: the crawl's, then the update heuristic (273-ФЗ art.29
   * ч.3) with what changed since the organization's previous successful check (read before this
   * one is inserted). A failed check keeps the crawl's rules only.
   */
  async function generalRules(
    tx: Executor,
    organizationId: number,
    o: Outcome,
    items: StoredItem[],
    checkedAt: Date,
  ) {
    const r = o.result;
    if (!r?.freshness || o.error) return r?.checks ?? [];
    const previous = await latestOkCheck(tx, organizationId);
    return [...(r.checks ?? []), withHistory(r.freshness, previous, { checkedAt, items })];
  }

  /** Stores a check with its pages and counts it in the run; null when it was already stored. */
  async function store(runId: number, organizationId: number, o: Outcome) {
    const checkedAt = o.result ? new Date(o.result.checkedAt) : deps.now();
    return db.transaction(async (tx) => {
      const r = o.result;
      const items = r ? storedItems(r) : [];
      const check = await insertCheck(tx, {
        runId,
        organizationId,
        url: o.url,
        kind: o.kind,
        checkedAt,
        rulesetVersion: r?.rulesetVersion ?? rulesetFor(checkedAt).version,
        catalogueVersion: r?.catalogueVersion ?? CATALOGUE.version,
        status: o.error ? 'error' : 'ok',
        errorReason: o.error,
        sectionLink: r?.sectionLink ?? false,
        sectionLinkInNav: r?.sectionLinkInNav ?? false,
        items,
        sections: r ? r.sections.map(({ items: _items, title: _title, ...s }) => s) : [],
        channels: r?.channels ?? [],
        siteChecks: await generalRules(tx, organizationId, o, items, checkedAt),
        present: r?.score.present ?? 0,
        required: r?.score.required ?? o.required,
        durationMs: o.ms,
      });
      if (!check) return null;
      const snapshotIds = await storeCheckSnapshots(tx, o.pages);
      const rows = o.pages.map((p, i) => ({
        checkId: check.id,
        seq: i + 1,
        url: p.url,
        httpStatus: p.httpStatus,
        contentType: p.contentType,
        snapshotId: snapshotIds[i]!,
      }));
      await insertCheckPages(tx, rows);
      const run = await countCheck(tx, runId, check.status === 'error', deps.now());
      await recordAudit(tx, SYSTEM_CALLER, {
        action: 'monitor_check',
        entityType: 'monitor_check',
        entityId: check.id,
        after: {
          runId,
          organizationId,
          status: check.status,
          present: check.present,
          required: check.required,
          errorReason: check.errorReason,
        },
      });
      return { check, run };
    });
  }

  return {
    /** Checks one organization for a run (idempotent: a stored check is not repeated). */
    async checkOrganization(runId: number, organizationId: number, signal?: AbortSignal) {
      const run = await getRun(db, runId);
      if (!run || run.status === 'failed' || (await findCheckOfRun(db, runId, organizationId)))
        return null;
      const [info] = await organizationInfo(db, [organizationId]);
      if (!info) return null;
      const o = info.organization;
      const outcome = await crawl(runId, o.website, o.kind, o.applicability, signal);
      return store(runId, organizationId, outcome);
    },

    /** Heap of the crawler's worker (null when none runs): for the benchmark. */
    heap: () => monitor?.heap() ?? Promise.resolve(null),

    /** Stops the crawler's worker thread (checks still running end as `error`). */
    async close(): Promise<void> {
      const m = monitor;
      monitor = null;
      await m?.close();
    },

    /** The last attempt of a check job failed: the failure is stored as the check's result. */
    async storeFailure(runId: number, organizationId: number, reason: string) {
      const [info] = await organizationInfo(db, [organizationId]);
      if (!info || (await findCheckOfRun(db, runId, organizationId))) return null;
      const o = info.organization;
      return store(runId, organizationId, {
        url: o.website ?? '',
        kind: o.kind,
        required: requiredItems(o.kind, rulesetFor(deps.now()), applicabilityOf(o.applicability))
          .length,
        result: null,
        error: `внутренняя ошибка проверки: ${reason}`,
        pages: [],
        ms: 0,
      });
    },

    /**
     * Starts a queued run: counts its organizations and returns those still to check (all of them,
     * or after a retried fan-out the ones without a stored check).
     */
    async begin(runId: number): Promise<number[]> {
      const run = await getRun(db, runId);
      if (!run || run.status === 'failed') return [];
      const targets = await runTargets(db, run);
      if (run.status === 'queued') {
        await db.transaction(async (tx) => {
          const started = await startRun(tx, runId, targets.length, deps.now());
          if (started) {
            await recordAudit(tx, SYSTEM_CALLER, {
              action: 'monitor_run_start',
              entityType: 'monitor_run',
              entityId: runId,
              after: { total: targets.length, trigger: run.trigger, scope: run.scope },
            });
          }
        });
      }
      const stored = new Set((await checksOfRun(db, runId)).map((c) => c.organizationId));
      return targets.filter((id) => !stored.has(id));
    },

    inlineConcurrency: runtime.inlineConcurrency ?? 4,
  };
}

export type Runner = ReturnType<typeof createRunner>;
