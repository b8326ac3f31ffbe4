// Queries of survey sample control: Drizzle only, executor passed in.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  organizations,
  surveyResponses,
  territories,
  type CampaignStatus,
  type StoredMethodology,
} from '../../db/schema/index.ts';
import { COUNTED_CONDITION } from './survey.repo.ts';

export interface ProgressCampaign {
  id: number;
  title: string;
  status: CampaignStatus;
  methodology: StoredMethodology;
  timezone: string;
  collectionStart: string | null;
  collectionEnd: string | null;
}

export async function progressCampaign(
  ex: Executor,
  campaignId: number,
): Promise<ProgressCampaign | null> {
  const [row] = await ex
    .select({
      id: campaigns.id,
      title: campaigns.title,
      status: campaigns.status,
      methodology: campaigns.methodology,
      timezone: territories.timezone,
      collectionStart: campaignStages.plannedStart,
      collectionEnd: campaignStages.plannedEnd,
    })
    .from(campaigns)
    .innerJoin(territories, eq(territories.id, campaigns.territoryId))
    .leftJoin(
      campaignStages,
      and(eq(campaignStages.campaignId, campaigns.id), eq(campaignStages.key, 'data_collection')),
    )
    .where(eq(campaigns.id, campaignId));
  return row ?? null;
}

export interface OrganizationProgressRow {
  organizationId: number;
  name: string;
  code: string | null;
  contingent: number;
  municipalityId: number;
  municipality: string;
  counted: number;
  flagged: number;
  excluded: number;
}

/**
 * Included organizations of the campaign with their counts: one GROUP BY over the campaign's
 * responses (survey_responses_campaign_org_idx) with a FILTER per count, joined to the list.
 * Continuous feedback is never counted, flagged or excluded here.
 */
export async function organizationProgressRows(
  ex: Executor,
  campaignId: number,
): Promise<OrganizationProgressRow[]> {
  const r = surveyResponses;
  const counts = ex
    .select({
      organizationId: r.organizationId,
      counted: sql<number>`count(*) filter (where ${COUNTED_CONDITION})::int`.as('counted'),
      flagged:
        sql<number>`count(*) filter (where ${r.moderation} is null and cardinality(${r.flags}) > 0 and not ${r.isFeedback})::int`.as(
          'flagged',
        ),
      excluded:
        sql<number>`count(*) filter (where ${r.moderation} = 'excluded' and not ${r.isFeedback})::int`.as(
          'excluded',
        ),
    })
    .from(r)
    .where(eq(r.campaignId, campaignId))
    .groupBy(r.organizationId)
    .as('counts');
  const rows = await ex
    .select({
      organizationId: organizations.id,
      name: organizations.shortName,
      code: campaignOrganizations.surveyCode,
      contingent: organizations.contingent,
      municipalityId: territories.id,
      municipality: territories.name,
      counted: sql<number>`coalesce(${counts.counted}, 0)`,
      flagged: sql<number>`coalesce(${counts.flagged}, 0)`,
      excluded: sql<number>`coalesce(${counts.excluded}, 0)`,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .leftJoin(counts, eq(counts.organizationId, organizations.id))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
      ),
    )
    .orderBy(asc(territories.name), asc(organizations.shortName), asc(organizations.id));
  return rows.map((row) => ({
    ...row,
    counted: Number(row.counted),
    flagged: Number(row.flagged),
    excluded: Number(row.excluded),
  }));
}
