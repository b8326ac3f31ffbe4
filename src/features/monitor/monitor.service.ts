// Site monitoring use cases: start a run (one organization, a municipality or everything in the
// caller's reach; permission monitor.run), follow its progress, read an organization's history with
// the diff between consecutive checks, the report of one check with advice, the stored pages as
// evidence, summaries with a ranking, and XLSX exports. Reading needs results.view in the scope of
// the organization (organizations see their own site). Runs go to the queue (monitor.jobs.ts);
// without a queue (CLI one-offs, tests) they are checked before the call returns.
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { authorize, can, scopeOf } from '../../domain/permissions/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { catalogueEntry, checkIssues } from './monitor.advice.ts';
import { historyDiffs, type CheckDiff, type ItemChange } from './monitor.diff.ts';
import { itemsWorkbook, summaryWorkbook, XLSX_MIME } from './monitor.export.ts';
import { executeRun, nextScheduledRun } from './monitor.jobs.ts';
import * as repo from './monitor.repo.ts';
import {
  bindJobSender,
  createRunner,
  MONITOR_RUN_JOB,
  stopRunningChecks,
  type MonitorRuntime,
} from './monitor.runner.ts';
import { decompressText } from './monitor.snapshots.ts';
import { summarize } from './monitor.summary.ts';
import { ORGANIZATION_KINDS, type MonitorCheck, type MonitorRun } from '../../db/schema/index.ts';

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === '' || v == null ? undefined : v), id.optional());

export const StartRunInput = z.object({
  organizationId: optionalId,
  municipalityId: optionalId,
});
export const SummaryFilter = z.object({
  municipalityId: optionalId,
  kind: z.preprocess((v) => (v === '' ? undefined : v), z.enum(ORGANIZATION_KINDS).optional()),
});

function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'input',
    message: i.message === 'Invalid input' ? 'неверное значение' : i.message,
  }));
  throw AppError.validation(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

const titled = (c: ItemChange) => ({ ...c, title: catalogueEntry(c.key)?.item.title ?? c.key });
function titledDiff(d: CheckDiff) {
  return {
    ...d,
    appeared: d.appeared.map(titled),
    disappeared: d.disappeared.map(titled),
    changed: d.changed.map(titled),
  };
}
export type TitledDiff = ReturnType<typeof titledDiff>;

export function createMonitorService(deps: ServiceDeps, runtime: MonitorRuntime = {}) {
  const { db } = deps;
  const runner = createRunner(deps, runtime);
  // The job handlers were created before the queue; they find it through this binding.
  if (deps.jobs) bindJobSender(db, deps.jobs);

  async function organization(caller: Caller, organizationId: number) {
    const [info] = await repo.organizationInfo(db, [organizationId]);
    if (!info) throw AppError.notFound('Организация не найдена');
    const o = info.organization;
    authorize(caller, 'results.view', { municipalityId: o.municipalityId, organizationId: o.id });
    return info;
  }

  async function checkFor(caller: Caller, checkId: number) {
    const check = await repo.getCheck(db, checkId);
    if (!check) throw AppError.notFound('Проверка не найдена');
    return { check, info: await organization(caller, check.organizationId) };
  }

  /** The scope filter of results.view: municipal users their municipality, organizations theirs. */
  function viewFilter(
    caller: Caller,
    f: { municipalityId?: number | undefined; kind?: string | undefined },
  ) {
    authorize(caller, 'results.view');
    const scope = scopeOf(caller.role, 'results.view');
    const out: { municipalityId?: number; organizationId?: number; kind?: string } = {};
    if (f.kind) out.kind = f.kind;
    if (scope === 'organization') out.organizationId = caller.organizationId ?? -1;
    if (scope === 'municipality') out.municipalityId = caller.territoryId ?? -1;
    else if (f.municipalityId !== undefined) out.municipalityId = f.municipalityId;
    return out;
  }

  async function runView(run: MonitorRun) {
    const [org] = run.organizationId ? await repo.organizationInfo(db, [run.organizationId]) : [];
    const mun = run.municipalityId ? await repo.territoryById(db, run.municipalityId) : undefined;
    const what = org
      ? org.organization.shortName
      : mun
        ? `все организации: ${mun.name}`
        : 'все организации региона';
    return { ...run, what, municipalityOfOrganization: org?.organization.municipalityId ?? null };
  }

  async function runTarget(runId: number) {
    const run = await repo.getRun(db, runId);
    if (!run) throw AppError.notFound('Запуск мониторинга не найден');
    const view = await runView(run);
    const target = view.organizationId
      ? { municipalityId: view.municipalityOfOrganization, organizationId: view.organizationId }
      : view.municipalityId
        ? { municipalityId: view.municipalityId }
        : undefined;
    return { run, view, target };
  }

  async function summaryData(caller: Caller, raw: unknown) {
    const f = viewFilter(caller, parse(SummaryFilter, raw));
    const orgs = await repo.scopeOrganizations(db, f);
    const whole = Object.keys(f).length === 0;
    const latest = await repo.latestChecks(db, whole ? undefined : orgs.map((o) => o.id));
    return summarize(await repo.regionName(db), orgs, latest);
  }

  return {
    /** Starts a run (or returns the one of the same coverage still going). */
    async startRun(caller: Caller, raw: unknown): Promise<{ run: MonitorRun; existing: boolean }> {
      const input = parse(StartRunInput, raw);
      let organizationId: number | null = null;
      let municipalityId: number | null = null;
      if (input.organizationId !== undefined) {
        const [info] = await repo.organizationInfo(db, [input.organizationId]);
        if (!info) throw AppError.notFound('Организация не найдена');
        const o = info.organization;
        authorize(caller, 'monitor.run', {
          municipalityId: o.municipalityId,
          organizationId: o.id,
        });
        organizationId = o.id;
      } else {
        authorize(caller, 'monitor.run');
        const scope = scopeOf(caller.role, 'monitor.run');
        municipalityId =
          scope === 'municipality' ? (caller.territoryId ?? null) : (input.municipalityId ?? null);
        if (
          scope === 'municipality' &&
          input.municipalityId !== undefined &&
          input.municipalityId !== municipalityId
        )
          throw AppError.forbidden();
        if (municipalityId !== null) {
          const t = await repo.territoryById(db, municipalityId);
          if (!t || t.kind !== 'municipality') throw AppError.notFound('Муниципалитет не найден');
        }
      }
      const existing = await repo.activeRun(db, { organizationId, municipalityId });
      if (existing) return { run: existing, existing: true };
      const run = await db.transaction(async (tx) => {
        const created = await repo.insertRun(tx, {
          scope: organizationId ? 'organization' : 'all',
          organizationId,
          municipalityId,
          trigger: 'manual',
          requestedById: caller.userId ?? null,
          requestedBy: caller.label,
        });
        await recordAudit(tx, caller, {
          action: 'monitor_run_create',
          entityType: 'monitor_run',
          entityId: created.id,
          after: { scope: created.scope, organizationId, municipalityId, trigger: 'manual' },
        });
        return created;
      });
      if (deps.jobs) await deps.jobs.send(MONITOR_RUN_JOB, { runId: run.id });
      else await executeRun(deps, runner, run.id);
      return { run: (await repo.getRun(db, run.id)) ?? run, existing: false };
    },

    /** Recent runs the caller may follow. */
    async listRuns(caller: Caller, limit = 20) {
      authorize(caller, 'monitor.run');
      const mine =
        scopeOf(caller.role, 'monitor.run') === 'municipality' ? caller.territoryId : null;
      const views = await Promise.all((await repo.listRuns(db, { limit: limit * 3 })).map(runView));
      return views
        .filter(
          (r) =>
            mine == null ||
            (r.organizationId === null
              ? r.municipalityId === null || r.municipalityId === mine
              : r.municipalityOfOrganization === mine),
        )
        .slice(0, limit);
    },

    /** One run with its progress and the checks stored so far. */
    async getRun(caller: Caller, runId: number) {
      const { view, target } = await runTarget(runId);
      if (
        !can(caller, 'monitor.run', target) &&
        !(target?.organizationId && can(caller, 'results.view', target))
      )
        throw AppError.forbidden();
      return {
        run: view,
        checks: await repo.runCheckSummaries(db, runId),
        canStop: can(caller, 'monitor.run', target),
      };
    },

    /**
     * Stops a queued or running run (permission monitor.run over its coverage): checks not yet
     * started are skipped, running ones stop fetching and are stored as `error` checks with the
     * reason; the run ends `failed` with it. Stopping a finished run changes nothing.
     */
    async stopRun(caller: Caller, runId: number): Promise<MonitorRun> {
      const { run, target } = await runTarget(runId);
      authorize(caller, 'monitor.run', target);
      const reason = `проверка остановлена: ${caller.label}`;
      const stopped = await db.transaction(async (tx) => {
        const r = await repo.stopRun(tx, runId, reason, deps.now());
        if (r) {
          await recordAudit(tx, caller, {
            action: 'monitor_run_stop',
            entityType: 'monitor_run',
            entityId: runId,
            before: { status: run.status, done: run.done, total: run.total },
            after: { status: r.status, failureReason: reason },
          });
        }
        return r;
      });
      if (!stopped) return run;
      stopRunningChecks(db, runId, reason);
      return stopped;
    },

    /** An organization's checks, newest first, each with the diff from the previous good one. */
    async history(caller: Caller, organizationId: number) {
      const info = await organization(caller, organizationId);
      const o = info.organization;
      const checks = await repo.checksOfOrganization(db, organizationId);
      const rows = historyDiffs(checks).map(({ check, previous, diff }) => ({
        ...summaryOf(check),
        previousId: previous?.id ?? null,
        diff: diff ? titledDiff(diff) : null,
      }));
      const target = { municipalityId: o.municipalityId, organizationId: o.id };
      return {
        organization: {
          id: o.id,
          shortName: o.shortName,
          fullName: o.fullName,
          kind: o.kind,
          website: o.website,
          municipalityName: info.municipalityName,
          founderName: info.founderName,
        },
        checks: rows.reverse(),
        // The update heuristic of the latest successful check (273-ФЗ art.29 ч.3), if stored.
        freshness:
          checks
            .findLast((c) => c.status === 'ok')
            ?.siteChecks.find((r) => r.key === 'update_10_days') ?? null,
        canRun: can(caller, 'monitor.run', target),
        activeRun: (await repo.activeRun(db, { organizationId, municipalityId: null })) ?? null,
      };
    },

    /** The report of one check: what to fix and how, sections, channels, pages, changes. */
    async report(caller: Caller, checkId: number) {
      const { check, info } = await checkFor(caller, checkId);
      const history = await repo.checksOfOrganization(db, check.organizationId);
      const pair = historyDiffs(history).find((h) => h.check.id === check.id);
      const sections = check.sections.map((s) => {
        const items = check.items.filter(
          (i) => i.section === s.key && i.requirement === 'required',
        );
        const present = items.filter((i) => i.status === 'found' || i.status === 'placeholder');
        return {
          ...s,
          title:
            catalogueEntry(check.items.find((i) => i.section === s.key)?.key ?? '')?.section
              .title ?? s.key,
          present: present.length,
          required: items.length,
        };
      });
      return {
        organization: {
          id: info.organization.id,
          shortName: info.organization.shortName,
          municipalityName: info.municipalityName,
        },
        check: summaryOf(check),
        sectionLink: check.sectionLink,
        sectionLinkInNav: check.sectionLinkInNav,
        issues: check.status === 'ok' ? checkIssues(check) : [],
        sections,
        channels: check.channels,
        siteChecks: check.siteChecks,
        pages: await repo.pagesOfCheck(db, check.id),
        previousId: pair?.previous?.id ?? null,
        diff: pair?.diff ? titledDiff(pair.diff) : null,
      };
    },

    /** A stored page of a check as text (never run: the caller serves it as text/plain or sandboxed). */
    async snapshot(caller: Caller, checkId: number, seq: number) {
      await checkFor(caller, checkId);
      const page = await repo.snapshotOfPage(db, checkId, seq);
      if (!page) throw AppError.notFound('Сохранённая страница не найдена');
      return {
        url: page.url,
        httpStatus: page.httpStatus,
        contentType: page.contentType,
        sha256: page.sha256,
        text: await decompressText(page.encoding, page.data),
      };
    },

    summary: summaryData,

    /** What the summary filter offers: the municipalities the caller may look at, and rights. */
    async filterOptions(caller: Caller) {
      authorize(caller, 'results.view');
      const scope = scopeOf(caller.role, 'results.view');
      const municipalities =
        scope === 'organization'
          ? []
          : await repo.municipalityOptions(
              db,
              scope === 'municipality' ? (caller.territoryId ?? -1) : undefined,
            );
      const runScope = scopeOf(caller.role, 'monitor.run');
      return {
        municipalities,
        runScope: runScope ?? null,
        organizationOnly: scope === 'organization',
      };
    },

    async exportSummary(caller: Caller, raw: unknown) {
      const s = await summaryData(caller, raw);
      const bytes = await summaryWorkbook(s.ranking, s.municipalities, s.region);
      return { name: 'мониторинг-сайтов-свод.xlsx', mime: XLSX_MIME, bytes };
    },

    async exportItems(caller: Caller, raw: unknown) {
      const f = viewFilter(caller, parse(SummaryFilter, raw));
      const orgs = await repo.scopeOrganizations(db, f);
      const byId = new Map(orgs.map((o) => [o.id, o]));
      const checks = await repo.latestFullChecks(
        db,
        orgs.map((o) => o.id),
      );
      const rows = checks.map((c) => {
        const o = byId.get(c.organizationId)!;
        return {
          inn: o.inn,
          shortName: o.shortName,
          municipalityName: o.municipalityName,
          checkId: c.id,
          checkedAt: c.checkedAt,
          status: c.status,
          items: c.items,
          channels: c.channels,
          freshness: c.siteChecks.find((r) => r.key === 'update_10_days') ?? null,
        };
      });
      rows.sort((a, b) => a.shortName.localeCompare(b.shortName, 'ru'));
      return {
        name: 'мониторинг-сайтов-сведения.xlsx',
        mime: XLSX_MIME,
        bytes: await itemsWorkbook(rows),
      };
    },

    /** When the next scheduled run is due (null: the schedule is off). */
    nextScheduledRun: () => nextScheduledRun(deps, deps.now()),
  };
}

export function summaryOf(c: MonitorCheck) {
  return {
    id: c.id,
    runId: c.runId,
    url: c.url,
    checkedAt: c.checkedAt,
    status: c.status,
    errorReason: c.errorReason,
    rulesetVersion: c.rulesetVersion,
    present: c.present,
    required: c.required,
    channelsListed: c.channels.filter((ch) => ch.detected).map((ch) => ch.channel),
  };
}

export type MonitorService = ReturnType<typeof createMonitorService>;
