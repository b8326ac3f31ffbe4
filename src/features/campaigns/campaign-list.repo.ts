// The campaign's list of organizations, assessment history, survey codes, stage completion and
// stored protocol files: Drizzle queries only; the executor is passed in.
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { intArray, textArray } from '../../db/bulk.ts';
import { queryRows, type Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  files,
  organizations,
  territories,
  type Campaign,
  type CampaignOrganizationStatus,
  type CampaignStage,
  type CampaignStageKey,
  type NewStoredFile,
  type Organization,
  type OrganizationKind,
  type StoredFile,
} from '../../db/schema/index.ts';

export interface AssessmentHistory {
  organizationId: number;
  active: boolean;
  /** Imported year of the last assessment before noko. */
  lastAssessedYear: number | null;
  /** Years of other campaigns that included the organization in an approved list. */
  campaignYears: number[];
}

/**
 * Organizations of the region's municipalities with their assessment years. A campaign counts
 * once its list was approved (status past `draft`) and the organization was `included` in it; the
 * campaign being planned is left out so its own rows never block it.
 */
export async function assessmentHistory(
  ex: Executor,
  opts: { regionId: number; exceptCampaignId: number; organizationIds?: readonly number[] },
): Promise<AssessmentHistory[]> {
  const ids = opts.organizationIds;
  if (ids && ids.length === 0) return [];
  const rows = await queryRows<{
    id: number;
    active: boolean;
    last_assessed_year: number | null;
    years: number[] | string | null;
  }>(
    ex,
    sql`
      select o.id, o.active, o.last_assessed_year,
        array_remove(array_agg(distinct c.year), null) as years
      from organizations o
      join territories m on m.id = o.municipality_id
      left join campaign_organizations co on co.organization_id = o.id and co.status = 'included'
        and co.campaign_id <> ${opts.exceptCampaignId}
      left join campaigns c on c.id = co.campaign_id and c.status <> 'draft'
      where (m.parent_id = ${opts.regionId} or m.id = ${opts.regionId})
        ${ids ? sql`and o.id = any(${intArray([...ids])})` : sql``}
      group by o.id
      order by o.id`,
  );
  return rows.map((r) => ({
    organizationId: Number(r.id),
    active: r.active,
    lastAssessedYear: r.last_assessed_year === null ? null : Number(r.last_assessed_year),
    campaignYears: parseIntArray(r.years),
  }));
}

/** node-postgres and PGlite both parse int4[]; a text literal "{2024,2025}" is handled too. */
function parseIntArray(v: number[] | string | null): number[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v.map(Number);
  return v
    .replace(/[{}]/g, '')
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
}

/** Removes `proposed` rows except those whose reason starts with `keepReasonPrefix`. */
export async function deleteProposedRows(
  ex: Executor,
  campaignId: number,
  keepReasonPrefix: string,
): Promise<number[]> {
  const rows = await ex
    .delete(campaignOrganizations)
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'proposed'),
        sql`coalesce(${campaignOrganizations.reason}, '') not like ${`${keepReasonPrefix}%`}`,
      ),
    )
    .returning({ id: campaignOrganizations.organizationId });
  return rows.map((r) => r.id);
}

/** Moves every row of one status to another (approval: proposed → included; reopening: back). */
export async function moveRows(
  ex: Executor,
  campaignId: number,
  from: CampaignOrganizationStatus,
  to: CampaignOrganizationStatus,
): Promise<number> {
  const rows = await ex
    .update(campaignOrganizations)
    .set({ status: to })
    .where(
      and(eq(campaignOrganizations.campaignId, campaignId), eq(campaignOrganizations.status, from)),
    )
    .returning({ id: campaignOrganizations.organizationId });
  return rows.length;
}

export interface ListCounts {
  proposed: number;
  included: number;
  excluded: number;
  mandatory: number;
  mandatoryExcluded: number;
}

const ZERO: ListCounts = {
  proposed: 0,
  included: 0,
  excluded: 0,
  mandatory: 0,
  mandatoryExcluded: 0,
};

export async function listCounts(
  ex: Executor,
  campaignIds: readonly number[],
): Promise<Map<number, ListCounts>> {
  const out = new Map<number, ListCounts>(campaignIds.map((id) => [id, { ...ZERO }]));
  if (campaignIds.length === 0) return out;
  const rows = await ex
    .select({
      campaignId: campaignOrganizations.campaignId,
      status: campaignOrganizations.status,
      mandatory: campaignOrganizations.mandatory,
      n: sql<number>`count(*)::int`,
    })
    .from(campaignOrganizations)
    .where(inArray(campaignOrganizations.campaignId, [...campaignIds]))
    .groupBy(
      campaignOrganizations.campaignId,
      campaignOrganizations.status,
      campaignOrganizations.mandatory,
    );
  for (const r of rows) {
    const c = out.get(r.campaignId);
    if (!c) continue;
    const n = Number(r.n);
    c[r.status] += n;
    if (r.mandatory) c.mandatory += n;
    if (r.mandatory && r.status === 'excluded') c.mandatoryExcluded += n;
  }
  return out;
}

export interface ListRow {
  organizationId: number;
  status: CampaignOrganizationStatus;
  mandatory: boolean;
  reason: string | null;
  surveyCode: string | null;
  shortName: string;
  inn: string;
  code: string;
  kind: OrganizationKind;
  municipalityId: number;
  municipalityName: string;
  contingent: number;
}

export function listRows(
  ex: Executor,
  campaignId: number,
  filter: {
    municipalityId?: number;
    kind?: OrganizationKind;
    status?: CampaignOrganizationStatus;
    organizationId?: number;
  },
): Promise<ListRow[]> {
  const where: SQL[] = [eq(campaignOrganizations.campaignId, campaignId)];
  if (filter.organizationId)
    where.push(eq(campaignOrganizations.organizationId, filter.organizationId));
  if (filter.status) where.push(eq(campaignOrganizations.status, filter.status));
  if (filter.kind) where.push(eq(organizations.kind, filter.kind));
  if (filter.municipalityId) where.push(eq(organizations.municipalityId, filter.municipalityId));
  return ex
    .select({
      organizationId: campaignOrganizations.organizationId,
      status: campaignOrganizations.status,
      mandatory: campaignOrganizations.mandatory,
      reason: campaignOrganizations.reason,
      surveyCode: campaignOrganizations.surveyCode,
      shortName: organizations.shortName,
      inn: organizations.inn,
      code: organizations.code,
      kind: organizations.kind,
      municipalityId: organizations.municipalityId,
      municipalityName: territories.name,
      contingent: organizations.contingent,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .where(and(...where))
    .orderBy(asc(sql`lower(${organizations.shortName})`), asc(organizations.id));
}

export async function getListRow(
  ex: Executor,
  campaignId: number,
  organizationId: number,
): Promise<ListRow | null> {
  const [row] = await listRows(ex, campaignId, { organizationId });
  return row ?? null;
}

/** An organization by id, INN (10 digits) or registry code. */
export async function findOrganization(
  ex: Executor,
  by: { id?: number; query?: string },
): Promise<Organization | null> {
  const q = by.query?.trim() ?? '';
  const cond =
    by.id !== undefined
      ? eq(organizations.id, by.id)
      : /^\d{10}$/.test(q)
        ? eq(organizations.inn, q)
        : sql`lower(${organizations.code}) = lower(${q})`;
  const [row] = await ex.select().from(organizations).where(cond);
  return row ?? null;
}

export async function regionOfMunicipality(
  ex: Executor,
  municipalityId: number,
): Promise<number | null> {
  const [row] = await ex
    .select({ id: territories.id, parentId: territories.parentId })
    .from(territories)
    .where(eq(territories.id, municipalityId));
  return row ? (row.parentId ?? row.id) : null;
}

export async function territoryTimezone(ex: Executor, id: number): Promise<string> {
  const [row] = await ex
    .select({ tz: territories.timezone })
    .from(territories)
    .where(eq(territories.id, id));
  return row?.tz ?? 'Europe/Moscow';
}

/** Region ids (the default territory of a new campaign). */
export async function regionIds(ex: Executor): Promise<number[]> {
  const rows = await ex
    .select({ id: territories.id })
    .from(territories)
    .where(eq(territories.kind, 'region'))
    .orderBy(asc(territories.id));
  return rows.map((r) => r.id);
}

/** Included rows still without a survey code. */
export async function rowsWithoutCode(ex: Executor, campaignId: number): Promise<number[]> {
  const rows = await ex
    .select({ id: campaignOrganizations.organizationId })
    .from(campaignOrganizations)
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
        isNull(campaignOrganizations.surveyCode),
      ),
    )
    .orderBy(asc(campaignOrganizations.organizationId));
  return rows.map((r) => r.id);
}

/** Which of `codes` are already taken by any campaign. */
export async function takenCodes(ex: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await queryRows<{ survey_code: string }>(
    ex,
    sql`select survey_code from campaign_organizations where survey_code = any(${textArray([...codes])})`,
  );
  return new Set(rows.map((r) => r.survey_code));
}

export async function setSurveyCodes(
  ex: Executor,
  campaignId: number,
  codes: readonly { organizationId: number; code: string }[],
): Promise<void> {
  if (codes.length === 0) return;
  await queryRows(
    ex,
    sql`
      update campaign_organizations co set survey_code = u.code, updated_at = now()
      from unnest(${intArray(codes.map((c) => c.organizationId))}, ${textArray(codes.map((c) => c.code))})
        as u(organization_id, code)
      where co.campaign_id = ${campaignId} and co.organization_id = u.organization_id`,
  );
}

export async function setStageCompleted(
  ex: Executor,
  campaignId: number,
  key: CampaignStageKey,
  completedAt: Date | null,
): Promise<CampaignStage | null> {
  const [row] = await ex
    .update(campaignStages)
    .set({ completedAt })
    .where(and(eq(campaignStages.campaignId, campaignId), eq(campaignStages.key, key)))
    .returning();
  return row ?? null;
}

export async function insertFile(ex: Executor, file: NewStoredFile): Promise<StoredFile> {
  const [row] = await ex.insert(files).values(file).returning();
  return row!;
}

export async function getFile(ex: Executor, id: number): Promise<StoredFile | null> {
  const [row] = await ex.select().from(files).where(eq(files.id, id));
  return row ?? null;
}

/** The campaign row locked for the rest of the transaction (concurrent edits queue up). */
export async function selectCampaignForUpdate(ex: Executor, id: number): Promise<Campaign | null> {
  const [row] = await ex.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  return row ?? null;
}
