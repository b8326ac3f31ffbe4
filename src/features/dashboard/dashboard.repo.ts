// Read-only queries behind the dashboards: campaigns with their stages and list sizes, gaps in the
// registry, assessment history for the three-year rule, an organization's participation. Drizzle
// and SQL only; the executor is passed in. Only active organizations count: a closed one needs no
// action.
import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import {
  auditLog,
  campaignOrganizations,
  campaigns,
  campaignStages,
  territories,
  type AuditEntry,
  type CampaignStage,
  type CampaignStatus,
} from '../../db/schema/index.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

/** Where an organization-level query looks: everything, a municipality, or one organization. */
export interface OrgScope {
  municipalityId?: number;
  organizationId?: number;
}

function orgScopeSql(scope: OrgScope): SQL {
  const parts: SQL[] = [sql`o.active`];
  if (scope.municipalityId !== undefined)
    parts.push(sql`o.municipality_id = ${scope.municipalityId}`);
  if (scope.organizationId !== undefined) parts.push(sql`o.id = ${scope.organizationId}`);
  return sql.join(parts, sql` and `);
}

/** The region's time zone (the first region; noko serves one). */
export async function regionTimeZone(ex: Executor, regionId?: number): Promise<string> {
  const [row] = await ex
    .select({ tz: territories.timezone })
    .from(territories)
    .where(regionId ? eq(territories.id, regionId) : eq(territories.kind, 'region'))
    .orderBy(asc(territories.id))
    .limit(1);
  return row?.tz ?? DEFAULT_TIME_ZONE;
}

/** The region a municipality belongs to (itself when it is the region). */
export async function regionOf(ex: Executor, territoryId: number): Promise<number | null> {
  const [row] = await ex
    .select({ id: territories.id, parentId: territories.parentId })
    .from(territories)
    .where(eq(territories.id, territoryId));
  return row ? (row.parentId ?? row.id) : null;
}

export interface CampaignOverview {
  id: number;
  title: string;
  year: number;
  status: CampaignStatus;
  territoryId: number;
  included: number;
  proposed: number;
}

/** Campaigns that are not closed, newest first, with the sizes of their lists. */
export async function openCampaigns(ex: Executor, regionId?: number): Promise<CampaignOverview[]> {
  const conditions = [ne(campaigns.status, 'closed')];
  if (regionId !== undefined) conditions.push(eq(campaigns.territoryId, regionId));
  const rows = await ex
    .select({
      id: campaigns.id,
      title: campaigns.title,
      year: campaigns.year,
      status: campaigns.status,
      territoryId: campaigns.territoryId,
      included: sql<number>`count(*) filter (where ${campaignOrganizations.status} = 'included')`,
      proposed: sql<number>`count(*) filter (where ${campaignOrganizations.status} = 'proposed')`,
    })
    .from(campaigns)
    .leftJoin(campaignOrganizations, eq(campaignOrganizations.campaignId, campaigns.id))
    .where(and(...conditions))
    .groupBy(campaigns.id)
    .orderBy(desc(campaigns.year), desc(campaigns.id));
  return rows.map((r) => ({ ...r, included: Number(r.included), proposed: Number(r.proposed) }));
}

export function stagesOf(ex: Executor, campaignIds: readonly number[]): Promise<CampaignStage[]> {
  if (campaignIds.length === 0) return Promise.resolve([]);
  return ex
    .select()
    .from(campaignStages)
    .where(inArray(campaignStages.campaignId, [...campaignIds]))
    .orderBy(
      asc(campaignStages.campaignId),
      asc(campaignStages.plannedStart),
      asc(campaignStages.id),
    );
}

export interface MissingCounts {
  /** Active organizations in scope. */
  total: number;
  noWebsite: number;
  noEmail: number;
  zeroContingent: number;
  noHead: number;
  /** Organizations with at least one gap. */
  any: number;
}

const blank = (column: string) => sql.raw(`coalesce(btrim(o.${column}), '') = ''`);

/** Gaps in registry cards that block the assessment (site check, invitations, sample size). */
export async function missingData(ex: Executor, scope: OrgScope): Promise<MissingCounts> {
  const [row] = await queryRows<Record<keyof MissingCounts, number | string>>(
    ex,
    sql`
      select count(*) as "total",
        count(*) filter (where ${blank('website')}) as "noWebsite",
        count(*) filter (where ${blank('email')}) as "noEmail",
        count(*) filter (where o.contingent = 0) as "zeroContingent",
        count(*) filter (where ${blank('head_name')}) as "noHead",
        count(*) filter (where ${blank('website')} or ${blank('email')} or o.contingent = 0
          or ${blank('head_name')}) as "any"
      from organizations o
      where ${orgScopeSql(scope)}`,
  );
  const n = (k: keyof MissingCounts) => Number(row?.[k] ?? 0);
  return {
    total: n('total'),
    noWebsite: n('noWebsite'),
    noEmail: n('noEmail'),
    zeroContingent: n('zeroContingent'),
    noHead: n('noHead'),
    any: n('any'),
  };
}

export interface AssessmentRow {
  organizationId: number;
  municipalityId: number;
  municipalityName: string;
  lastAssessedYear: number | null;
  /** Years of campaigns whose approved list included the organization. */
  campaignYears: number[];
}

/**
 * Assessment years of active organizations in scope: the imported last year plus campaigns past
 * `draft` that included them (the same reading as the campaign list proposal).
 */
export async function assessmentRows(ex: Executor, scope: OrgScope): Promise<AssessmentRow[]> {
  const rows = await queryRows<{
    id: number;
    municipality_id: number;
    municipality_name: string;
    last_assessed_year: number | null;
    years: number[] | string | null;
  }>(
    ex,
    sql`
      select o.id, o.municipality_id, m.name as municipality_name, o.last_assessed_year,
        array_remove(array_agg(distinct c.year), null) as years
      from organizations o
      join territories m on m.id = o.municipality_id
      left join campaign_organizations co on co.organization_id = o.id and co.status = 'included'
      left join campaigns c on c.id = co.campaign_id and c.status <> 'draft'
      where ${orgScopeSql(scope)}
      group by o.id, m.name
      order by m.name, o.id`,
  );
  return rows.map((r) => ({
    organizationId: Number(r.id),
    municipalityId: Number(r.municipality_id),
    municipalityName: r.municipality_name,
    lastAssessedYear: r.last_assessed_year === null ? null : Number(r.last_assessed_year),
    campaignYears: intArrayOf(r.years),
  }));
}

/** node-postgres and PGlite both parse int4[]; a text literal "{2024,2025}" is handled too. */
function intArrayOf(v: number[] | string | null): number[] {
  if (v === null) return [];
  if (Array.isArray(v)) return v.map(Number);
  return v
    .replace(/[{}]/g, '')
    .split(',')
    .filter((s) => s !== '')
    .map(Number);
}

export interface ParticipationRow {
  campaignId: number;
  title: string;
  year: number;
  status: CampaignStatus;
  rowStatus: 'proposed' | 'included' | 'excluded';
  surveyCode: string | null;
}

/** The organization's rows in campaign lists, newest campaign first. */
export function participation(ex: Executor, organizationId: number): Promise<ParticipationRow[]> {
  return ex
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      year: campaigns.year,
      status: campaigns.status,
      rowStatus: campaignOrganizations.status,
      surveyCode: campaignOrganizations.surveyCode,
    })
    .from(campaignOrganizations)
    .innerJoin(campaigns, eq(campaigns.id, campaignOrganizations.campaignId))
    .where(eq(campaignOrganizations.organizationId, organizationId))
    .orderBy(desc(campaigns.year), desc(campaigns.id));
}

export async function getAuditEntry(ex: Executor, id: number): Promise<AuditEntry | null> {
  const [row] = await ex.select().from(auditLog).where(eq(auditLog.id, id));
  return row ?? null;
}

export interface AuditFacets {
  entityTypes: string[];
  actions: string[];
  actors: { userId: number; label: string }[];
}

/** Values the audit filters offer: entity types, actions, and users who acted (latest label). */
export async function auditFacets(ex: Executor): Promise<AuditFacets> {
  const [types, actions, actors] = await Promise.all([
    queryRows<{ v: string }>(ex, sql`select distinct entity_type as v from audit_log order by 1`),
    queryRows<{ v: string }>(ex, sql`select distinct action as v from audit_log order by 1`),
    queryRows<{ id: number; label: string }>(
      ex,
      sql`select distinct on (actor_user_id) actor_user_id as id, actor_label as label
          from audit_log where actor_user_id is not null
          order by actor_user_id, at desc, id desc`,
    ),
  ]);
  return {
    entityTypes: types.map((r) => r.v),
    actions: actions.map((r) => r.v),
    actors: actors
      .map((r) => ({ userId: Number(r.id), label: r.label }))
      .sort((a, b) => a.label.localeCompare(b.label, 'ru')),
  };
}
