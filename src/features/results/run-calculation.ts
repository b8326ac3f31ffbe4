// The calculation use case: read every input of a campaign, skip if nothing changed since the
// latest run (same inputs digest), otherwise score and store a new version in one transaction with
// its audit entry. The previous current run becomes superseded; a frozen run is never touched.
import type { ResultRunSettings } from '../../db/schema/index.ts';
import { readAll, type Executor } from '../../db/client.ts';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import { methodologyVersion, type MethodologyOverrides } from '../../domain/scoring/index.ts';
import { emptyCounts } from '../../domain/survey/counts.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { campaignCutoff } from '../monitor/monitor.feed.ts';
import { calculateCampaign, DEFAULT_SETTINGS, type Progress } from './calculate.ts';
import type { CalculationInputsSource } from './inputs.ts';
import { FragmentTable, packProvenance, packShortcomings } from './pack.ts';
import { inputsDigest, prepareOrganization, type CalculationOrganization } from './prepare.ts';
import { toResultRun } from './read-model.ts';
import {
  campaignHeader,
  includedOrganizations,
  insertRun,
  insertRunOrganizations,
  listRuns,
  lockCampaignRow,
  proposalsOf,
  surveyCounts,
  updateRun,
  type CampaignHeader,
} from './results.repo.ts';
import type { CalculateInput, CalculationOutcome } from './results.schema.ts';

/** Results exist from data collection on (a preview while answers arrive) until the campaign closes. */
export const CALCULABLE_STATUSES = [
  'collecting',
  'calculating',
  'reporting',
  'discussion',
  'published',
] as const;

export async function loadCalculableCampaign(ex: Executor, id: number): Promise<CampaignHeader> {
  const header = await campaignHeader(ex, id);
  if (!header) throw AppError.notFound(`Кампания ${id} не найдена`);
  if (!(CALCULABLE_STATUSES as readonly string[]).includes(header.status))
    throw AppError.invalidState(
      header.status === 'closed'
        ? 'Кампания завершена: результаты больше не пересчитываются'
        : 'Результаты рассчитываются после начала сбора данных',
    );
  return header;
}

/**
 * Site checks count up to the end of data collection — the monitor's cut-off (the stage's
 * completion, else the end of its planned last day in the region's time zone) — and never after
 * the calculation itself.
 */
async function dataCutoff(ex: Executor, campaignId: number, now: Date): Promise<Date> {
  const end = await campaignCutoff(ex, campaignId, now);
  return end && end < now ? end : now;
}

async function readInputs(
  ex: Executor,
  campaignId: number,
  source: CalculationInputsSource,
  cutoff: Date,
): Promise<CalculationOrganization[]> {
  const [orgs, counts, checklists, sites] = await readAll(ex, [
    () => includedOrganizations(ex, campaignId),
    () => surveyCounts(ex, campaignId),
    () => source.checklists(ex, campaignId),
    () => source.sites(ex, campaignId, cutoff),
  ] as const);
  const byOrg = new Map(counts.map((c) => [c.organizationId, c]));
  return orgs.map((o) => {
    const c = byOrg.get(o.organizationId);
    return {
      ...o,
      applicability: o.applicability as Record<string, unknown>,
      survey: c?.survey ?? emptyCounts(),
      flagged: c?.flagged ?? 0,
      excluded: c?.excluded ?? 0,
      checklist: checklists.get(o.organizationId) ?? null,
      site: sites.get(o.organizationId) ?? null,
    };
  });
}

export async function runCalculation(
  deps: ServiceDeps,
  source: CalculationInputsSource,
  caller: Caller,
  campaignId: number,
  input: CalculateInput = {},
  onProgress?: Progress,
): Promise<CalculationOutcome> {
  authorize(caller, 'results.calculate');
  const started = performance.now();
  const { db } = deps;
  const header = await loadCalculableCampaign(db, campaignId);
  const methodology = methodologyVersion(header.methodology as MethodologyOverrides);
  const [latest] = await listRuns(db, campaignId);
  const settings: ResultRunSettings = {
    ...DEFAULT_SETTINGS,
    ...latest?.settings,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
  };
  await onProgress?.({ stage: 'read' });
  const now = deps.now();
  const cutoff = await dataCutoff(db, campaignId, now);
  const orgs = await readInputs(db, campaignId, source, cutoff);
  const prepared = orgs.map((o) => prepareOrganization(o, methodology, cutoff));
  const digest = inputsDigest(prepared, header.methodology, settings);
  const unchanged = (run: typeof latest) => run !== undefined && run.inputsDigest === digest;
  const skip = (run: NonNullable<typeof latest>): CalculationOutcome => ({
    run: toResultRun(run),
    stored: false,
    organizations: run.organizations,
    ms: Math.round(performance.now() - started),
  });
  if (latest && unchanged(latest)) return skip(latest);
  const calc = calculateCampaign(prepared, methodology, settings, onProgress);
  await onProgress?.({ stage: 'store', total: calc.organizations.length });
  return db.transaction(async (tx) => {
    await lockCampaignRow(tx, campaignId);
    const runs = await listRuns(tx, campaignId);
    const newest = runs[0];
    // Another calculation stored the same inputs while this one was scoring.
    if (newest && unchanged(newest)) return skip(newest);
    const current = runs.find((r) => r.status === 'current');
    if (current) await updateRun(tx, current.id, { status: 'superseded' });
    // The council's proposals made on the previous version stay with the organizations.
    const proposals = newest ? await proposalsOf(tx, newest.id) : new Map<number, string>();
    const table = new FragmentTable();
    const run = await insertRun(tx, {
      campaignId,
      version: (newest?.version ?? 0) + 1,
      status: 'current',
      methodology: header.methodology as unknown as Record<string, unknown>,
      settings,
      inputsDigest: digest,
      computedAt: now,
      computedBy: caller.label,
      organizations: calc.organizations.length,
      aggregates: calc.aggregates,
      fragments: {},
    });
    // Rows are packed chunk by chunk while the previous chunk is being stored; the fragments they
    // share are complete only after the last one.
    await insertRunOrganizations(tx, run.id, calc.organizations, (o) => ({
      ...o,
      provenance: packProvenance(o.provenance, table),
      shortcomings: packShortcomings(o.shortcomings, table),
      councilProposals: proposals.get(o.organizationId) ?? null,
    }));
    const finished = await updateRun(tx, run.id, { fragments: table.entries });
    await recordAudit(tx, caller, {
      action: 'results.calculate',
      entityType: 'campaign',
      entityId: campaignId,
      before: current ? { runId: current.id, version: current.version } : null,
      after: {
        runId: run.id,
        version: run.version,
        inputsDigest: digest,
        organizations: run.organizations,
        settings,
      },
    });
    return {
      run: toResultRun(finished),
      stored: true,
      organizations: run.organizations,
      ms: Math.round(performance.now() - started),
    };
  });
}
