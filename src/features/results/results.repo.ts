// Queries of the results feature: campaigns and organizations to calculate, runs, their rows
// (bulk insert over unnest() arrays, in chunks) and the debounced recalculation requests.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { queryRows, type Executor } from '../../db/client.ts';
import { SURVEY_QUESTIONS, type SurveyCounts } from '../../domain/scoring/input.ts';
import { COUNTED_CONDITION, type OrganizationCounts } from '../survey/survey.repo.ts';
import {
  authorities,
  campaignOrganizations,
  campaigns,
  organizations,
  resultOrganizations,
  resultRecalculations,
  resultRuns,
  surveyResponses,
  territories,
  yesBit,
  type CampaignStatus,
  type NewResultRun,
  type ResultRunRow,
} from '../../db/schema/index.ts';

export async function campaignHeader(ex: Executor, id: number) {
  const [row] = await ex
    .select({
      id: campaigns.id,
      title: campaigns.title,
      year: campaigns.year,
      status: campaigns.status,
      methodology: campaigns.methodology,
      regionName: territories.name,
      councilDecisionNumber: campaigns.councilDecisionNumber,
      councilDecisionDate: campaigns.councilDecisionDate,
    })
    .from(campaigns)
    .innerJoin(territories, eq(territories.id, campaigns.territoryId))
    .where(eq(campaigns.id, id));
  return row ?? null;
}
export type CampaignHeader = NonNullable<Awaited<ReturnType<typeof campaignHeader>>>;

/** Serializes calculations and freezes of one campaign (inside a transaction). */
export async function lockCampaignRow(ex: Executor, id: number): Promise<void> {
  await ex.execute(sql`select id from campaigns where id = ${id} for update`);
}

/** The newest campaign whose results can be calculated, else the newest campaign. */
export async function latestCampaignId(ex: Executor): Promise<number | null> {
  const [row] = await ex
    .select({ id: campaigns.id })
    .from(campaigns)
    .orderBy(
      sql`(${campaigns.status} in ('collecting', 'calculating', 'reporting', 'discussion', 'published')) desc`,
      desc(campaigns.year),
      desc(campaigns.id),
    )
    .limit(1);
  return row?.id ?? null;
}

/** Included organizations with what the calculation needs. */
export function includedOrganizations(ex: Executor, campaignId: number) {
  return ex
    .select({
      organizationId: organizations.id,
      kind: organizations.kind,
      municipalityId: organizations.municipalityId,
      contingent: organizations.contingent,
      applicability: organizations.applicability,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
      ),
    )
    .orderBy(asc(organizations.id));
}

/**
 * The survey counts of every organization of the campaign, as countByOrganization
 * (src/features/survey/survey.repo.ts) defines them, in the one full scan over the campaign's
 * responses that dominates a region-sized calculation (2 000 000 rows). Measured there:
 * - the response's class (counted, flagged, excluded) is a grouping key, so the conditions are
 *   evaluated once per row instead of once per count (15 times);
 * - «Да» is `answers ->> q = 'true'`: yes/no answers are stored as JSON booleans
 *   (src/domain/survey/validate.ts), whose text is exactly 'true'; comparing text is ~40 % cheaper
 *   than building a jsonb value and comparing it with 'true'::jsonb;
 * - JIT is off for this statement: compiling the 14 filters took ~1 s, more than it saved.
 */
export async function surveyCounts(
  ex: Executor,
  campaignId: number,
): Promise<OrganizationCounts[]> {
  const r = surveyResponses;
  // «Да» answers are bits of the stored generated column yes_mask (src/db/schema/survey.ts).
  const yes = SURVEY_QUESTIONS.map(
    (q) =>
      sql`count(*) filter (where ${r.yesMask} & ${sql.raw(String(yesBit(q)))} <> 0)::int as ${sql.raw(q)}`,
  );
  const query = sql`select ${r.organizationId} as org,
      (${COUNTED_CONDITION}) as counted,
      (${r.moderation} is null and cardinality(${r.flags}) > 0 and not ${r.isFeedback}) as flagged,
      (${r.moderation} = 'excluded' and not ${r.isFeedback}) as excluded,
      count(*)::int as n, ${sql.join(yes, sql`, `)}
    from ${r} where ${r.campaignId} = ${campaignId}
    group by 1, 2, 3, 4`;
  const rows = await ex.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return queryRows<Record<string, unknown>>(tx, query);
  });
  const byOrg = new Map<number, OrganizationCounts>();
  for (const row of rows) {
    const id = Number(row.org);
    let c = byOrg.get(id);
    if (!c) {
      c = { organizationId: id, flagged: 0, excluded: 0, survey: emptySurvey() };
      byOrg.set(id, c);
    }
    const n = Number(row.n);
    if (row.flagged === true) c.flagged += n;
    if (row.excluded === true) c.excluded += n;
    if (row.counted !== true) continue;
    c.survey.respondents += n;
    for (const q of SURVEY_QUESTIONS) c.survey[q] += Number(row[q]);
  }
  return [...byOrg.values()];
}

function emptySurvey(): SurveyCounts {
  const out = { respondents: 0 } as SurveyCounts;
  for (const q of SURVEY_QUESTIONS) out[q] = 0;
  return out;
}

export function listRuns(ex: Executor, campaignId: number): Promise<ResultRunRow[]> {
  return ex
    .select()
    .from(resultRuns)
    .where(eq(resultRuns.campaignId, campaignId))
    .orderBy(desc(resultRuns.version));
}

export async function insertRun(ex: Executor, values: NewResultRun): Promise<ResultRunRow> {
  const [row] = await ex.insert(resultRuns).values(values).returning();
  return row!;
}

export async function updateRun(
  ex: Executor,
  id: number,
  patch: Partial<NewResultRun>,
): Promise<ResultRunRow> {
  const [row] = await ex.update(resultRuns).set(patch).where(eq(resultRuns.id, id)).returning();
  return row!;
}

/** One stored row as it goes to the database (provenance and shortcomings already packed). */
export interface StoredOrganization {
  organizationId: number;
  kind: string;
  municipalityId: number;
  indicators: Record<string, number | null>;
  criteria: Record<string, number | null>;
  total: number | null;
  band: string | null;
  counts: Record<string, unknown>;
  provenance: Record<string, unknown>;
  shortcomings: readonly object[];
  respondents: number;
  requiredSample: number;
  flaggedResponses: number;
  excludedResponses: number;
  flags: readonly string[];
  ranked: boolean;
  ranks: { kind: number | null; municipality: number | null; region: number | null };
  councilProposals: string | null;
}

/** Rows per statement (a few MB of JSON each). */
const CHUNK = 1000;
/** Rows made between two turns of the event loop while the previous statement runs. */
const SLICE = 250;

const storedJson = (r: StoredOrganization) => ({
  organization_id: r.organizationId,
  kind: r.kind,
  municipality_id: r.municipalityId,
  indicators: r.indicators,
  criteria: r.criteria,
  total: r.total,
  band: r.band,
  counts: r.counts,
  provenance: r.provenance,
  shortcomings: r.shortcomings,
  respondents: r.respondents,
  required_sample: r.requiredSample,
  flagged_responses: r.flaggedResponses,
  excluded_responses: r.excludedResponses,
  flags: r.flags,
  ranked: r.ranked,
  rank_kind: r.ranks.kind,
  rank_municipality: r.ranks.municipality,
  rank_region: r.ranks.region,
  council_proposals: r.councilProposals,
});

/**
 * The JSON document of one chunk, made in slices that yield to the event loop: the previous
 * chunk's statement is being sent and stored meanwhile, so the database works while this process
 * packs (two cores busy instead of one taking turns).
 */
async function chunkDocument<T>(
  items: readonly T[],
  toStored: (item: T) => StoredOrganization,
): Promise<string> {
  const parts: string[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    const slice = items
      .slice(start, start + SLICE)
      .map((i) => JSON.stringify(storedJson(toStored(i))));
    parts.push(slice.join(','));
  }
  return `[${parts.join(',')}]`;
}

/**
 * Stores the organizations of a run: per chunk ONE `INSERT … SELECT … FROM jsonb_to_recordset($1)`
 * over a single JSON document. Measured against unnest() over jsonb[]/text[] arrays of the same
 * rows, PostgreSQL parses one JSON document about twice as fast as an array literal of JSON texts
 * (escaping every quote), and the parameter count stays constant either way. `toStored` turns an
 * item into its row when its chunk is made (packing provenance overlaps the previous statement);
 * one statement runs at a time on the transaction's connection.
 */
export async function insertRunOrganizations<T>(
  ex: Executor,
  runId: number,
  items: readonly T[],
  toStored: (item: T) => StoredOrganization,
): Promise<void> {
  let pending: Promise<void> | null = null;
  for (let start = 0; start < items.length; start += CHUNK) {
    const chunk = items.slice(start, start + CHUNK);
    const doc = await chunkDocument(chunk, toStored);
    if (pending) await pending;
    pending = insertChunk(ex, runId, doc, chunk.length);
    // A failing statement must not become an unhandled rejection while the next chunk is made.
    pending.catch(() => undefined);
  }
  if (pending) await pending;
}

async function insertChunk(ex: Executor, runId: number, doc: string, part: number): Promise<void> {
  const [done] = await queryRows<{ n: number }>(
    ex,
    sql`
      with stored as (
      insert into result_organizations (run_id, organization_id, kind, municipality_id, indicators,
        criteria, total, band, counts, provenance, shortcomings, respondents,
        required_sample, flagged_responses, excluded_responses, flags, ranked, rank_kind,
        rank_municipality, rank_region, council_proposals)
      select ${runId}::int4, u.organization_id, u.kind, u.municipality_id, u.indicators, u.criteria,
        u.total, u.band, u.counts, u.provenance, u.shortcomings, u.respondents,
        u.required_sample, u.flagged_responses, u.excluded_responses, u.flags, u.ranked,
        u.rank_kind, u.rank_municipality, u.rank_region, u.council_proposals
      from jsonb_to_recordset(${doc}::jsonb) as u(organization_id int4, kind text,
        municipality_id int4, indicators jsonb, criteria jsonb, total numeric(5, 2), band text,
        counts jsonb, provenance jsonb, shortcomings jsonb, respondents int4,
        required_sample int4, flagged_responses int4, excluded_responses int4, flags jsonb,
        ranked boolean, rank_kind int4, rank_municipality int4, rank_region int4,
        council_proposals text)
      join organizations o on o.id = u.organization_id
      join territories m on m.id = u.municipality_id
      returning 1)
      select count(*)::int as n from stored`,
  );
  // The joins stand in for foreign keys (see src/db/schema/results.ts): nothing may go missing.
  if (Number(done?.n) !== part)
    throw new Error(`result_organizations: сохранено ${done?.n} строк из ${part}`);
}

const municipality = alias(territories, 'municipality');

/** Stored rows of a run with the organizations' names (optionally some organizations only). */
export function runOrganizations(
  ex: Executor,
  runId: number,
  opts: { organizationIds?: readonly number[]; withProvenance?: boolean } = {},
) {
  const r = resultOrganizations;
  const filter = opts.organizationIds
    ? and(eq(r.runId, runId), inArray(r.organizationId, [...opts.organizationIds]))
    : eq(r.runId, runId);
  return ex
    .select({
      organizationId: r.organizationId,
      kind: r.kind,
      municipalityId: r.municipalityId,
      indicators: r.indicators,
      criteria: r.criteria,
      total: r.total,
      band: r.band,
      counts: r.counts,
      // Provenance is the big part: lists that do not show it leave it out.
      provenance:
        (opts.withProvenance ?? true) ? r.provenance : sql<Record<string, unknown> | null>`null`,
      shortcomings: r.shortcomings,
      respondents: r.respondents,
      requiredSample: r.requiredSample,
      flaggedResponses: r.flaggedResponses,
      excludedResponses: r.excludedResponses,
      flags: r.flags,
      ranked: r.ranked,
      rankKind: r.rankKind,
      rankMunicipality: r.rankMunicipality,
      rankRegion: r.rankRegion,
      councilProposals: r.councilProposals,
      inn: organizations.inn,
      shortName: organizations.shortName,
      fullName: organizations.fullName,
      municipalityName: municipality.name,
      founderName: authorities.name,
    })
    .from(r)
    .innerJoin(organizations, eq(organizations.id, r.organizationId))
    .innerJoin(municipality, eq(municipality.id, r.municipalityId))
    .leftJoin(authorities, eq(authorities.id, organizations.founderId))
    .where(filter)
    .orderBy(sql`${r.total} desc nulls last`, asc(organizations.shortName), asc(organizations.id));
}
export type RunOrganizationRow = Awaited<ReturnType<typeof runOrganizations>>[number];

/** Council proposals of a run by organization (carried over to the next version). */
export async function proposalsOf(ex: Executor, runId: number): Promise<Map<number, string>> {
  const rows = await ex
    .select({ id: resultOrganizations.organizationId, text: resultOrganizations.councilProposals })
    .from(resultOrganizations)
    .where(
      and(
        eq(resultOrganizations.runId, runId),
        sql`${resultOrganizations.councilProposals} is not null`,
      ),
    );
  return new Map(rows.map((r) => [r.id, r.text!]));
}

export async function setProposals(
  ex: Executor,
  runId: number,
  organizationId: number,
  text: string | null,
): Promise<string | null | undefined> {
  const [row] = await ex
    .update(resultOrganizations)
    .set({ councilProposals: text })
    .where(
      and(
        eq(resultOrganizations.runId, runId),
        eq(resultOrganizations.organizationId, organizationId),
      ),
    )
    .returning({ text: resultOrganizations.councilProposals });
  return row === undefined ? undefined : row.text;
}

export async function territoryNames(
  ex: Executor,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(inArray(territories.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Records a recalculation request unless one is pending; true when the caller should enqueue the
 * job. A request older than `staleBefore` counts as lost (its job never ran) and is renewed.
 */
export async function claimRecalculation(
  ex: Executor,
  campaignId: number,
  now: Date,
  staleBefore: Date,
): Promise<boolean> {
  const rows = await queryRows<{ campaign_id: number }>(
    ex,
    sql`insert into result_recalculations (campaign_id, requested_at)
      values (${campaignId}, ${now.toISOString()}::timestamptz)
      on conflict (campaign_id) do update set requested_at = excluded.requested_at
        where result_recalculations.requested_at < ${staleBefore.toISOString()}::timestamptz
      returning campaign_id`,
  );
  return rows.length > 0;
}

/** The job started: later changes need a new request. */
export async function releaseRecalculation(ex: Executor, campaignId: number): Promise<void> {
  await ex.delete(resultRecalculations).where(eq(resultRecalculations.campaignId, campaignId));
}

export async function pendingRecalculation(ex: Executor, campaignId: number): Promise<boolean> {
  const rows = await ex
    .select({ id: resultRecalculations.campaignId })
    .from(resultRecalculations)
    .where(eq(resultRecalculations.campaignId, campaignId));
  return rows.length > 0;
}

/** Campaigns in the given statuses (the demo seed calculates them). */
export function campaignsIn(ex: Executor, statuses: readonly CampaignStatus[]) {
  return ex
    .select({ id: campaigns.id, status: campaigns.status })
    .from(campaigns)
    .where(inArray(campaigns.status, [...statuses]))
    .orderBy(asc(campaigns.id));
}
