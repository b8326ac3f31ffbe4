// Checklists: Drizzle queries only; the executor (database or transaction) is passed in.
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  checklistChannelTests,
  checklistItems,
  checklists,
  organizations,
  territories,
  users,
  type Checklist,
  type ChecklistChannelTestRow,
  type ChecklistItemRow,
  type NewChecklist,
  type NewChecklistItemRow,
  type OrganizationApplicability,
  type OrganizationKind,
} from '../../db/schema/index.ts';
import type { ChecklistListFilter } from './checklists.schema.ts';

export interface CampaignOrganizationRow {
  id: number;
  shortName: string;
  fullName: string;
  kind: OrganizationKind;
  municipalityId: number;
  municipalityName: string;
  website: string | null;
  applicability: OrganizationApplicability;
  listStatus: string;
}

const orgColumns = {
  id: organizations.id,
  shortName: organizations.shortName,
  fullName: organizations.fullName,
  kind: organizations.kind,
  municipalityId: organizations.municipalityId,
  municipalityName: territories.name,
  website: organizations.website,
  applicability: organizations.applicability,
  listStatus: campaignOrganizations.status,
};

/** The organization as listed in the campaign (any list status), or null when not on the list. */
export async function campaignOrganization(
  ex: Executor,
  campaignId: number,
  organizationId: number,
): Promise<CampaignOrganizationRow | null> {
  const [row] = await ex
    .select(orgColumns)
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.organizationId, organizationId),
      ),
    );
  return row ?? null;
}

/** Organizations included in the campaign (all of them: the scoring pipeline's population). */
export function includedOrganizations(
  ex: Executor,
  campaignId: number,
): Promise<CampaignOrganizationRow[]> {
  return ex
    .select(orgColumns)
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
      ),
    )
    .orderBy(asc(organizations.id));
}

const answered = (column: SQL) =>
  sql<number>`(select count(*)::int from ${checklistItems} i where i.checklist_id = ${checklists.id} and ${column} is not null)`;

/** One row per included organization with its checklist's status (none: not started). */
export function listCampaignChecklists(
  ex: Executor,
  campaignId: number,
  filter: ChecklistListFilter & { organizationId?: number },
) {
  const conditions: (SQL | undefined)[] = [
    eq(campaignOrganizations.campaignId, campaignId),
    eq(campaignOrganizations.status, 'included'),
  ];
  if (filter.organizationId !== undefined)
    conditions.push(eq(organizations.id, filter.organizationId));
  if (filter.kind) conditions.push(eq(organizations.kind, filter.kind));
  if (filter.municipalityId !== undefined)
    conditions.push(eq(organizations.municipalityId, filter.municipalityId));
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(organizations.shortName, like), ilike(organizations.inn, like)));
  }
  if (filter.status === 'not_started') conditions.push(sql`${checklists.id} is null`);
  else if (filter.status) conditions.push(eq(checklists.status, filter.status));
  return ex
    .select({
      organizationId: organizations.id,
      shortName: organizations.shortName,
      kind: organizations.kind,
      municipalityId: organizations.municipalityId,
      municipalityName: territories.name,
      status: checklists.status,
      updatedAt: checklists.updatedAt,
      confirmedAnswered: answered(sql`i.confirmed_answer`),
      declaredAnswered: answered(sql`i.declared_answer`),
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .innerJoin(territories, eq(territories.id, organizations.municipalityId))
    .leftJoin(
      checklists,
      and(
        eq(checklists.campaignId, campaignOrganizations.campaignId),
        eq(checklists.organizationId, campaignOrganizations.organizationId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(territories.name), asc(organizations.shortName), asc(organizations.id));
}

export async function getChecklist(
  ex: Executor,
  campaignId: number,
  organizationId: number,
): Promise<Checklist | null> {
  const [row] = await ex
    .select()
    .from(checklists)
    .where(
      and(eq(checklists.campaignId, campaignId), eq(checklists.organizationId, organizationId)),
    );
  return row ?? null;
}

/** The checklist row locked for the transaction, created (as a draft) when missing. */
export async function lockOrCreateChecklist(
  ex: Executor,
  campaignId: number,
  organizationId: number,
): Promise<{ row: Checklist; created: boolean }> {
  const inserted = await ex
    .insert(checklists)
    .values({ campaignId, organizationId })
    .onConflictDoNothing()
    .returning();
  const [row] = await ex
    .select()
    .from(checklists)
    .where(
      and(eq(checklists.campaignId, campaignId), eq(checklists.organizationId, organizationId)),
    )
    .for('update');
  return { row: row!, created: inserted.length > 0 };
}

export async function updateChecklist(
  ex: Executor,
  id: number,
  patch: Partial<NewChecklist>,
): Promise<Checklist> {
  const [row] = await ex.update(checklists).set(patch).where(eq(checklists.id, id)).returning();
  return row!;
}

export function checklistItemRows(ex: Executor, checklistId: number): Promise<ChecklistItemRow[]> {
  return ex.select().from(checklistItems).where(eq(checklistItems.checklistId, checklistId));
}

const declaredBy = alias(users, 'declared_by');
const confirmedBy = alias(users, 'confirmed_by');

/** Item rows with the names of who answered. */
export function checklistItemsWithNames(ex: Executor, checklistId: number) {
  return ex
    .select({
      item: checklistItems,
      declaredByName: declaredBy.fullName,
      confirmedByName: confirmedBy.fullName,
    })
    .from(checklistItems)
    .leftJoin(declaredBy, eq(declaredBy.id, checklistItems.declaredById))
    .leftJoin(confirmedBy, eq(confirmedBy.id, checklistItems.confirmedById))
    .where(eq(checklistItems.checklistId, checklistId));
}

/** Writes whole item rows (insert or replace); the service merges partial saves beforehand. */
export async function upsertItems(ex: Executor, rows: NewChecklistItemRow[]): Promise<void> {
  if (rows.length === 0) return;
  await ex
    .insert(checklistItems)
    .values(rows)
    .onConflictDoUpdate({
      target: [checklistItems.checklistId, checklistItems.section, checklistItems.itemKey],
      set: {
        declaredAnswer: sql`excluded.declared_answer`,
        declaredComment: sql`excluded.declared_comment`,
        declaredReason: sql`excluded.declared_reason`,
        declaredById: sql`excluded.declared_by_id`,
        declaredAt: sql`excluded.declared_at`,
        confirmedAnswer: sql`excluded.confirmed_answer`,
        confirmedComment: sql`excluded.confirmed_comment`,
        confirmedReason: sql`excluded.confirmed_reason`,
        confirmedById: sql`excluded.confirmed_by_id`,
        confirmedAt: sql`excluded.confirmed_at`,
        listed: sql`excluded.listed`,
        listedMonitor: sql`excluded.listed_monitor`,
        listedReason: sql`excluded.listed_reason`,
        updatedAt: sql`now()`,
      },
    });
}

export function channelTests(
  ex: Executor,
  checklistId: number,
): Promise<ChecklistChannelTestRow[]> {
  return ex
    .select()
    .from(checklistChannelTests)
    .where(eq(checklistChannelTests.checklistId, checklistId));
}

export async function upsertChannelTests(
  ex: Executor,
  rows: (typeof checklistChannelTests.$inferInsert)[],
): Promise<void> {
  if (rows.length === 0) return;
  await ex
    .insert(checklistChannelTests)
    .values(rows)
    .onConflictDoUpdate({
      target: [checklistChannelTests.checklistId, checklistChannelTests.channel],
      set: {
        callDate: sql`excluded.call_date`,
        callTime: sql`excluded.call_time`,
        callAnswered: sql`excluded.call_answered`,
        letterSentOn: sql`excluded.letter_sent_on`,
        letterAnsweredOn: sql`excluded.letter_answered_on`,
        note: sql`excluded.note`,
        recordedById: sql`excluded.recorded_by_id`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}

/** Every checklist of a campaign with its items (the scoring pipeline reads them at once). */
export async function campaignChecklistRows(ex: Executor, campaignId: number) {
  const heads = await ex.select().from(checklists).where(eq(checklists.campaignId, campaignId));
  const ids = heads.map((h) => h.id);
  const items =
    ids.length === 0
      ? []
      : await ex.select().from(checklistItems).where(inArray(checklistItems.checklistId, ids));
  return { heads, items };
}

export async function userName(ex: Executor, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const [row] = await ex.select({ name: users.fullName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

/** The existing checklist row locked for the transaction, or null. */
export async function lockChecklist(
  ex: Executor,
  campaignId: number,
  organizationId: number,
): Promise<Checklist | null> {
  const [row] = await ex
    .select()
    .from(checklists)
    .where(
      and(eq(checklists.campaignId, campaignId), eq(checklists.organizationId, organizationId)),
    )
    .for('update');
  return row ?? null;
}
