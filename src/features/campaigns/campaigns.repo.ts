// Campaigns, their organization lists and stages: Drizzle queries only; executor passed in.
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { boolArray, intArray, textArray } from '../../db/bulk.ts';
import { queryRows, type Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  organizations,
  type Campaign,
  type CampaignOrganizationStatus,
  type CampaignStage,
  type CampaignStageKey,
  type CampaignStatus,
  type NewCampaign,
  type OrganizationKind,
  type StoredMethodology,
} from '../../db/schema/index.ts';

export async function createCampaign(ex: Executor, input: NewCampaign): Promise<Campaign> {
  const [row] = await ex.insert(campaigns).values(input).returning();
  return row!;
}

export async function getCampaign(ex: Executor, id: number): Promise<Campaign | null> {
  const [row] = await ex.select().from(campaigns).where(eq(campaigns.id, id));
  return row ?? null;
}

/** Campaigns, newest year first. */
export function listCampaigns(
  ex: Executor,
  filter: { territoryId?: number; year?: number; status?: CampaignStatus } = {},
): Promise<Campaign[]> {
  const conditions: SQL[] = [];
  if (filter.territoryId !== undefined)
    conditions.push(eq(campaigns.territoryId, filter.territoryId));
  if (filter.year !== undefined) conditions.push(eq(campaigns.year, filter.year));
  if (filter.status) conditions.push(eq(campaigns.status, filter.status));
  return ex
    .select()
    .from(campaigns)
    .where(and(...conditions))
    .orderBy(desc(campaigns.year), desc(campaigns.id));
}

/**
 * Replaces the methodology of a campaign whose methodology is not frozen yet. Returns null when
 * the campaign does not exist or is frozen (the service tells the two apart and explains).
 */
export async function setCampaignMethodology(
  ex: Executor,
  id: number,
  methodology: StoredMethodology,
): Promise<Campaign | null> {
  const [row] = await ex
    .update(campaigns)
    .set({ methodology })
    .where(and(eq(campaigns.id, id), isNull(campaigns.methodologyFrozenAt)))
    .returning();
  return row ?? null;
}

export async function updateCampaign(
  ex: Executor,
  id: number,
  patch: Partial<Omit<NewCampaign, 'id' | 'methodology' | 'createdAt' | 'updatedAt'>>,
): Promise<Campaign | null> {
  const [row] = await ex.update(campaigns).set(patch).where(eq(campaigns.id, id)).returning();
  return row ?? null;
}

export interface CampaignOrganizationInput {
  organizationId: number;
  status?: CampaignOrganizationStatus;
  mandatory?: boolean;
  reason?: string | null;
  surveyCode?: string | null;
  addedById?: number | null;
}

/**
 * Adds organizations to a campaign in one statement; organizations already in the list are left
 * as they are. Returns the ids actually added.
 */
export async function addCampaignOrganizations(
  ex: Executor,
  campaignId: number,
  rows: readonly CampaignOrganizationInput[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const added = await queryRows<{ organization_id: number }>(
    ex,
    sql`
      insert into campaign_organizations (campaign_id, organization_id, status, mandatory, reason, survey_code, added_by_id)
      select ${campaignId}::int4, u.organization_id, coalesce(u.status, 'proposed'), coalesce(u.mandatory, false),
        u.reason, u.survey_code, u.added_by_id
      from unnest(${intArray(rows.map((r) => r.organizationId))}, ${textArray(rows.map((r) => r.status ?? null))},
        ${boolArray(rows.map((r) => r.mandatory ?? null))}, ${textArray(rows.map((r) => r.reason ?? null))},
        ${textArray(rows.map((r) => r.surveyCode ?? null))}, ${intArray(rows.map((r) => r.addedById ?? null))})
        as u(organization_id, status, mandatory, reason, survey_code, added_by_id)
      on conflict (campaign_id, organization_id) do nothing
      returning organization_id`,
  );
  return added.map((r) => Number(r.organization_id));
}

export interface CampaignOrganizationRow {
  organizationId: number;
  status: CampaignOrganizationStatus;
  mandatory: boolean;
  reason: string | null;
  surveyCode: string | null;
  shortName: string;
  inn: string;
  kind: OrganizationKind;
  municipalityId: number;
  contingent: number;
}

/** The campaign's list with the organizations' names, ordered by name. */
export function listCampaignOrganizations(
  ex: Executor,
  campaignId: number,
  filter: { status?: CampaignOrganizationStatus } = {},
): Promise<CampaignOrganizationRow[]> {
  const conditions: SQL[] = [eq(campaignOrganizations.campaignId, campaignId)];
  if (filter.status) conditions.push(eq(campaignOrganizations.status, filter.status));
  return ex
    .select({
      organizationId: campaignOrganizations.organizationId,
      status: campaignOrganizations.status,
      mandatory: campaignOrganizations.mandatory,
      reason: campaignOrganizations.reason,
      surveyCode: campaignOrganizations.surveyCode,
      shortName: organizations.shortName,
      inn: organizations.inn,
      kind: organizations.kind,
      municipalityId: organizations.municipalityId,
      contingent: organizations.contingent,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${organizations.shortName})`), asc(organizations.id));
}

export async function setCampaignOrganizationStatus(
  ex: Executor,
  campaignId: number,
  organizationId: number,
  status: CampaignOrganizationStatus,
  reason: string | null,
): Promise<boolean> {
  const rows = await ex
    .update(campaignOrganizations)
    .set({ status, reason })
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.organizationId, organizationId),
      ),
    )
    .returning({ id: campaignOrganizations.organizationId });
  return rows.length > 0;
}

export interface StageInput {
  key: CampaignStageKey;
  title: string;
  plannedStart?: string | null;
  plannedEnd?: string | null;
}

/** Creates or updates the given stages of a campaign (one row per key). */
export async function upsertCampaignStages(
  ex: Executor,
  campaignId: number,
  stages: readonly StageInput[],
): Promise<CampaignStage[]> {
  if (stages.length === 0) return [];
  return ex
    .insert(campaignStages)
    .values(stages.map((s) => ({ campaignId, ...s })))
    .onConflictDoUpdate({
      target: [campaignStages.campaignId, campaignStages.key],
      set: {
        title: sql`excluded.title`,
        plannedStart: sql`excluded.planned_start`,
        plannedEnd: sql`excluded.planned_end`,
      },
    })
    .returning();
}

export function listCampaignStages(ex: Executor, campaignId: number): Promise<CampaignStage[]> {
  return ex
    .select()
    .from(campaignStages)
    .where(eq(campaignStages.campaignId, campaignId))
    .orderBy(
      asc(sql`coalesce(${campaignStages.plannedStart}, '9999-12-31')`),
      asc(campaignStages.id),
    );
}
