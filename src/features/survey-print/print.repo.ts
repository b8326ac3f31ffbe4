// Queries of the printed invitations: Drizzle only, executor passed in.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  campaignStages,
  organizations,
  territories,
} from '../../db/schema/index.ts';
import type { PrintCampaign } from './print.schema.ts';

export async function printCampaign(
  ex: Executor,
  campaignId: number,
): Promise<PrintCampaign | null> {
  const [row] = await ex
    .select({
      id: campaigns.id,
      title: campaigns.title,
      year: campaigns.year,
      status: campaigns.status,
      collectionStart: campaignStages.plannedStart,
      collectionEnd: campaignStages.plannedEnd,
    })
    .from(campaigns)
    .leftJoin(
      campaignStages,
      and(eq(campaignStages.campaignId, campaigns.id), eq(campaignStages.key, 'data_collection')),
    )
    .where(eq(campaigns.id, campaignId));
  return row ?? null;
}

export interface PrintOrganizationRow {
  organizationId: number;
  shortName: string;
  fullName: string;
  municipalityId: number;
  municipality: string;
  code: string;
}

/**
 * Included organizations of the campaign that have a survey code (codes are issued when data
 * collection starts), by municipality and name; narrowed to one organization or municipality.
 */
export async function printOrganizations(
  ex: Executor,
  campaignId: number,
  only: { organizationId?: number; municipalityId?: number } = {},
): Promise<PrintOrganizationRow[]> {
  const rows = await ex
    .select({
      organizationId: organizations.id,
      shortName: organizations.shortName,
      fullName: organizations.fullName,
      municipalityId: territories.id,
      municipality: territories.name,
      code: campaignOrganizations.surveyCode,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
        isNotNull(campaignOrganizations.surveyCode),
        only.organizationId !== undefined ? eq(organizations.id, only.organizationId) : undefined,
        only.municipalityId !== undefined
          ? eq(organizations.municipalityId, only.municipalityId)
          : undefined,
      ),
    )
    .orderBy(asc(territories.name), asc(organizations.shortName), asc(organizations.id));
  return rows.map((r) => ({ ...r, code: r.code! }));
}

export async function territoryName(ex: Executor, id: number): Promise<string | null> {
  const [row] = await ex
    .select({ name: territories.name })
    .from(territories)
    .where(eq(territories.id, id));
  return row?.name ?? null;
}
