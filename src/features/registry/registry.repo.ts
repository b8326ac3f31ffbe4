// Registry queries beyond the single-table repositories: an organization's campaign history, the
// lookups of an import (existing organizations by INN and code) and the uploaded import files.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  files,
  organizations,
  type NewStoredFile,
  type Organization,
  type StoredFile,
} from '../../db/schema/index.ts';

export interface CampaignHistoryRow {
  campaignId: number;
  title: string;
  year: number;
  campaignStatus: string;
  /** The organization's status in the campaign list. */
  status: string;
}

/** Campaigns whose list mentions the organization, newest first. */
export function campaignHistory(
  ex: Executor,
  organizationId: number,
): Promise<CampaignHistoryRow[]> {
  return ex
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      year: campaigns.year,
      campaignStatus: campaigns.status,
      status: campaignOrganizations.status,
    })
    .from(campaignOrganizations)
    .innerJoin(campaigns, eq(campaigns.id, campaignOrganizations.campaignId))
    .where(eq(campaignOrganizations.organizationId, organizationId))
    .orderBy(desc(campaigns.year), desc(campaigns.id));
}

/** Organizations whose INN or code is among the given ones (an import's existing rows). */
export async function organizationsByInnOrCode(
  ex: Executor,
  inns: readonly string[],
  codes: readonly string[],
): Promise<Organization[]> {
  const out = new Map<number, Organization>();
  const CHUNK = 1000;
  for (let i = 0; i < inns.length; i += CHUNK) {
    const part = inns.slice(i, i + CHUNK);
    for (const o of await ex.select().from(organizations).where(inArray(organizations.inn, part)))
      out.set(o.id, o);
  }
  for (let i = 0; i < codes.length; i += CHUNK) {
    const part = codes.slice(i, i + CHUNK);
    for (const o of await ex.select().from(organizations).where(inArray(organizations.code, part)))
      out.set(o.id, o);
  }
  return [...out.values()];
}

export async function organizationsByIds(
  ex: Executor,
  ids: readonly number[],
): Promise<Organization[]> {
  if (ids.length === 0) return [];
  return ex
    .select()
    .from(organizations)
    .where(inArray(organizations.id, [...ids]));
}

export async function insertFile(ex: Executor, row: NewStoredFile): Promise<StoredFile> {
  const [f] = await ex.insert(files).values(row).returning();
  return f!;
}

export async function getFile(ex: Executor, id: number): Promise<StoredFile | null> {
  const [f] = await ex.select().from(files).where(eq(files.id, id));
  return f ?? null;
}

/** Drops an uploaded import the user chose not to load (nothing refers to it). */
export async function deleteFile(ex: Executor, id: number, mime: string): Promise<void> {
  await ex.delete(files).where(and(eq(files.id, id), eq(files.mime, mime)));
}
