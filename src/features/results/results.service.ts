// Results use cases: calculate (a new version when inputs changed), request a debounced
// recalculation (survey and checklist services call it), freeze the current run by the council's
// decision, and read runs, campaign results, one organization's result and aggregates.
//
// Who sees what: people who may calculate or approve (operators, the council) see every run (the
// current one by default); everybody else with `results.view` sees only runs the council approved
// — the newest frozen one by default.
// Whose organizations follow the permission table's scope of `results.view`: a municipal authority
// sees its municipality's organizations (with their places in the region, kind and municipality
// ratings) and the region-wide and its own municipality's aggregates; organization staff see their
// own organization; everybody else the whole region. Approved results are public anyway
// (273-ФЗ art. 95.2: /results/:campaignId), so nothing is hidden from the public — the staff pages
// and the API simply do not go beyond the caller's scope.
import { AppError } from '../../domain/errors.ts';
import { authorize, can, scopeOf } from '../../domain/permissions/index.ts';
import type { ResultRunRow } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { parse } from '../campaigns/campaigns.shared.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import type { Progress } from './calculate.ts';
import { defaultInputsSource, type CalculationInputsSource } from './inputs.ts';
import { toAggregate, toOrganizationResult, toResultRun } from './read-model.ts';
import { municipalityOrganizationIds } from './scope.repo.ts';
import {
  campaignHeader,
  claimRecalculation,
  listRuns,
  lockCampaignRow,
  releaseRecalculation,
  runOrganizations,
  setProposals,
  territoryNames,
  updateRun,
} from './results.repo.ts';
import type { AGGREGATE_LEVELS } from './results.schema.ts';
import {
  CalculateInput,
  CouncilProposalsInput,
  FreezeInput,
  RECALCULATE_JOB,
  type AggregateResult,
  type CalculationOutcome,
  type CampaignResults,
  type OrganizationResult,
  type ResultRun,
} from './results.schema.ts';
import { CALCULABLE_STATUSES, runCalculation } from './run-calculation.ts';

/** Changes within this many seconds share one recalculation. */
export const RECALCULATION_DELAY_SECONDS = 60;
/** A request whose job has not started after this long is considered lost and renewed. */
const STALE_REQUEST_MS = 30 * 60 * 1000;

export interface ResultsServiceOptions {
  /** Checklist and site providers (default: the application's). */
  inputs?: CalculationInputsSource;
}

/**
 * Operators (who calculate) and the council (who discusses and approves) see runs not yet
 * approved; everybody else only approved ones.
 */
export function seesDrafts(caller: Caller): boolean {
  return can(caller, 'results.calculate') || can(caller, 'results.approve');
}

const ruDate = (iso: string) => iso.split('-').reverse().join('.');

export function createResultsService(deps: ServiceDeps, options: ResultsServiceOptions = {}) {
  const { db } = deps;
  const source = options.inputs ?? defaultInputsSource;

  async function header(campaignId: number) {
    const h = await campaignHeader(db, campaignId);
    if (!h) throw AppError.notFound(`Кампания ${campaignId} не найдена`);
    return h;
  }

  /** The run a caller asked for (or the default one) among the runs the caller may see. */
  async function pickRun(caller: Caller, campaignId: number, version?: number) {
    authorize(caller, 'results.view');
    const h = await header(campaignId);
    const all = await listRuns(db, campaignId);
    const operator = seesDrafts(caller);
    const visible = operator ? all : all.filter((r) => r.frozenAt !== null);
    let run: ResultRunRow | undefined;
    if (version !== undefined) {
      run = visible.find((r) => r.version === version);
      if (!run) throw AppError.notFound(`Версия ${version} результатов кампании не найдена`);
    } else {
      const pick = (s: ResultRunRow['status']) => visible.find((r) => r.status === s);
      run = operator
        ? (pick('current') ?? pick('frozen') ?? visible[0])
        : (pick('frozen') ?? visible[0]);
    }
    if (!run)
      throw AppError.notFound(
        operator
          ? 'Результаты кампании ещё не рассчитаны'
          : 'Результаты кампании ещё не утверждены общественным советом',
      );
    return { h, run };
  }

  /** The organizations of a run the caller may see; undefined: all of them. */
  async function visibleIds(caller: Caller, runId: number): Promise<number[] | undefined> {
    const scope = scopeOf(caller.role, 'results.view');
    if (scope === 'organization')
      return caller.organizationId != null ? [caller.organizationId] : [];
    if (scope === 'municipality')
      return caller.territoryId != null
        ? municipalityOrganizationIds(db, runId, caller.territoryId)
        : [];
    return undefined;
  }

  /** May the caller see this organization's row (its stored municipality)? */
  function mayView(caller: Caller, row: { organizationId: number; municipalityId: number }) {
    return can(caller, 'results.view', {
      organizationId: row.organizationId,
      municipalityId: row.municipalityId,
    });
  }

  async function aggregatesOf(
    caller: Caller,
    run: ResultRunRow,
    regionName: string,
  ): Promise<AggregateResult[]> {
    // A municipal authority: the region-wide means and its own municipality's, not the others'.
    const own = scopeOf(caller.role, 'results.view') === 'municipality';
    const shown = run.aggregates.filter(
      (a) => !own || a.level !== 'municipality' || a.key === String(caller.territoryId),
    );
    const ids = shown.filter((a) => a.level === 'municipality').map((a) => Number(a.key));
    const municipalities = await territoryNames(db, ids);
    return shown.map((a) => toAggregate(a, { region: regionName, municipalities }));
  }

  return {
    /** Calculates the campaign now; stores a new version unless the inputs are unchanged. */
    calculate(
      caller: Caller,
      campaignId: number,
      raw: unknown = {},
      onProgress?: Progress,
    ): Promise<CalculationOutcome> {
      const input = parse(CalculateInput, raw);
      return runCalculation(deps, source, caller, campaignId, input, onProgress);
    },

    /**
     * Asks for a recalculation soon (inputs changed). Debounced: one queued job per campaign, run
     * RECALCULATION_DELAY_SECONDS after the first request. False when nothing was enqueued (a job
     * is already waiting, or no job queue runs in this process).
     */
    async requestRecalculation(campaignId: number): Promise<boolean> {
      if (!deps.jobs) return false;
      const now = deps.now();
      const claimed = await claimRecalculation(
        db,
        campaignId,
        now,
        new Date(now.getTime() - STALE_REQUEST_MS),
      );
      if (!claimed) return false;
      try {
        await deps.jobs.send(
          RECALCULATE_JOB,
          { campaignId },
          {
            singletonKey: `results:${campaignId}`,
            startAfter: new Date(now.getTime() + RECALCULATION_DELAY_SECONDS * 1000),
          },
        );
      } catch (e) {
        await releaseRecalculation(db, campaignId);
        throw e;
      }
      return true;
    },

    /** The job's work: forget the request (later changes ask again), then calculate if allowed. */
    async recalculateQueued(
      caller: Caller,
      campaignId: number,
    ): Promise<CalculationOutcome | null> {
      await releaseRecalculation(db, campaignId);
      const h = await campaignHeader(db, campaignId);
      if (!h || !(CALCULABLE_STATUSES as readonly string[]).includes(h.status)) return null;
      return runCalculation(deps, source, caller, campaignId);
    },

    /** The council approved the results: the current run becomes frozen with its decision. */
    async freeze(caller: Caller, campaignId: number, raw: unknown): Promise<ResultRun> {
      authorize(caller, 'results.approve');
      const input = parse(FreezeInput, raw);
      const today = deps.now().toISOString().slice(0, 10);
      if (input.decisionDate > today)
        throw AppError.validation('Дата решения не может быть позже сегодняшней', [
          { path: 'decisionDate', message: 'Дата решения не может быть позже сегодняшней' },
        ]);
      return db.transaction(async (tx) => {
        await lockCampaignRow(tx, campaignId);
        const h = await campaignHeader(tx, campaignId);
        if (!h) throw AppError.notFound(`Кампания ${campaignId} не найдена`);
        if (h.status !== 'discussion' && h.status !== 'published')
          throw AppError.invalidState(
            'Результаты утверждаются на стадии обсуждения в общественном совете',
          );
        const runs = await listRuns(tx, campaignId);
        const current = runs.find((r) => r.status === 'current');
        if (!current)
          throw AppError.invalidState(
            runs.length === 0
              ? 'Результаты ещё не рассчитаны: утверждать нечего'
              : 'Последний расчёт уже утверждён; нового расчёта нет',
          );
        const previous = runs.find((r) => r.status === 'frozen');
        if (previous) await updateRun(tx, previous.id, { status: 'superseded' });
        const frozen = await updateRun(tx, current.id, {
          status: 'frozen',
          frozenAt: deps.now(),
          frozenBasis: `Решение общественного совета № ${input.decisionNumber} от ${ruDate(input.decisionDate)}`,
          decisionNumber: input.decisionNumber,
          decisionDate: input.decisionDate,
          frozenBy: caller.userId ?? null,
          frozenByLabel: caller.label,
        });
        await recordAudit(tx, caller, {
          action: 'results.freeze',
          entityType: 'campaign',
          entityId: campaignId,
          before: {
            runId: current.id,
            version: current.version,
            replaces: previous?.version ?? null,
          },
          after: {
            runId: frozen.id,
            version: frozen.version,
            basis: frozen.frozenBasis,
            inputsDigest: frozen.inputsDigest,
          },
        });
        return toResultRun(frozen);
      });
    },

    /** Runs the caller may see, newest first. */
    async listRuns(caller: Caller, campaignId: number): Promise<ResultRun[]> {
      authorize(caller, 'results.view');
      await header(campaignId);
      const runs = await listRuns(db, campaignId);
      const operator = seesDrafts(caller);
      return runs.filter((r) => operator || r.frozenAt !== null).map(toResultRun);
    },

    /**
     * A campaign's results (a run's organizations, ranks and aggregates). `withProvenance: false`
     * (lists, ratings tables) leaves each organization's counts, provenance and survey shares empty.
     */
    async getCampaignResults(
      caller: Caller,
      input: { campaignId: number; version?: number; withProvenance?: boolean },
    ): Promise<CampaignResults> {
      const { h, run } = await pickRun(caller, input.campaignId, input.version);
      const ids = await visibleIds(caller, run.id);
      const rows = await runOrganizations(db, run.id, {
        ...(ids ? { organizationIds: ids } : {}),
        withProvenance: input.withProvenance ?? true,
      });
      return {
        campaign: {
          id: h.id,
          title: h.title,
          year: h.year,
          regionName: h.regionName,
          status: h.status,
        },
        run: toResultRun(run),
        bands: [...((run.methodology as { bands?: CampaignResults['bands'] }).bands ?? [])],
        organizations: rows.map((r) => toOrganizationResult(r, run)),
        aggregates: await aggregatesOf(caller, run, h.regionName),
      };
    },

    /** One organization's result with provenance, shortcomings and survey shares. */
    async getOrganizationResult(
      caller: Caller,
      input: { campaignId: number; organizationId: number; version?: number },
    ): Promise<
      Omit<CampaignResults, 'organizations' | 'aggregates'> & { organization: OrganizationResult }
    > {
      // Organization staff: only their own, refused before anything is read.
      if (
        scopeOf(caller.role, 'results.view') === 'organization' &&
        !can(caller, 'results.view', { organizationId: input.organizationId })
      )
        throw AppError.forbidden();
      const { h, run } = await pickRun(caller, input.campaignId, input.version);
      const [row] = await runOrganizations(db, run.id, { organizationIds: [input.organizationId] });
      if (!row) throw AppError.notFound('Организации нет в результатах этой кампании');
      if (!mayView(caller, row)) throw AppError.forbidden();
      return {
        campaign: {
          id: h.id,
          title: h.title,
          year: h.year,
          regionName: h.regionName,
          status: h.status,
        },
        run: toResultRun(run),
        bands: [...((run.methodology as { bands?: CampaignResults['bands'] }).bands ?? [])],
        organization: toOrganizationResult(row, run),
      };
    },

    /** Plain-mean aggregates of a run (region, municipalities, kinds), optionally one level. */
    async getAggregates(
      caller: Caller,
      input: { campaignId: number; version?: number; level?: (typeof AGGREGATE_LEVELS)[number] },
    ): Promise<AggregateResult[]> {
      const { h, run } = await pickRun(caller, input.campaignId, input.version);
      const all = await aggregatesOf(caller, run, h.regionName);
      return input.level ? all.filter((a) => a.level === input.level) : all;
    },

    /** The council's proposals for one organization, on the current (not yet approved) run. */
    async setCouncilProposals(
      caller: Caller,
      input: { campaignId: number; organizationId: number },
      raw: unknown,
    ): Promise<void> {
      authorize(caller, 'results.approve');
      const { text } = parse(CouncilProposalsInput, raw);
      await db.transaction(async (tx) => {
        await lockCampaignRow(tx, input.campaignId);
        const current = (await listRuns(tx, input.campaignId)).find((r) => r.status === 'current');
        if (!current)
          throw AppError.invalidState(
            'Предложения совета вносятся в текущий (ещё не утверждённый) расчёт',
          );
        const updated = await setProposals(tx, current.id, input.organizationId, text || null);
        if (updated === undefined)
          throw AppError.notFound('Организации нет в результатах этой кампании');
        await recordAudit(tx, caller, {
          action: 'results.council_proposals',
          entityType: 'organization',
          entityId: input.organizationId,
          after: { campaignId: input.campaignId, runId: current.id, text: text || null },
        });
      });
    },
  };
}

export type ResultsService = ReturnType<typeof createResultsService>;
