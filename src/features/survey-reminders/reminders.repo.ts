// Queries of the survey reminders: Drizzle only, executor passed in.
import { and, desc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  authorities,
  campaigns,
  organizations,
  surveyReminders,
  type NewSurveyReminder,
} from '../../db/schema/index.ts';
import type { ReminderHistoryRow } from './reminders.schema.ts';

/** Arbitrary constant: the advisory-lock namespace of reminder runs (second key: campaign id). */
const LOCK_NAMESPACE = 4_060_001;

/**
 * Serialises reminder runs of one campaign until the transaction ends, so two runs at once (the
 * weekly job and the operator's button, two instances) never both decide to write to the same
 * organization. Works on PostgreSQL and PGlite.
 */
export async function lockCampaignReminders(ex: Executor, campaignId: number): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${campaignId})`);
}

export async function collectingCampaignIds(ex: Executor): Promise<number[]> {
  const rows = await ex
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(eq(campaigns.status, 'collecting'))
    .orderBy(campaigns.id);
  return rows.map((r) => r.id);
}

/** The latest reminder of each organization in the campaign. */
export async function lastReminders(
  ex: Executor,
  campaignId: number,
  organizationIds: readonly number[],
): Promise<Map<number, Date>> {
  if (organizationIds.length === 0) return new Map();
  const rows = await ex
    .select({ organizationId: surveyReminders.organizationId, at: max(surveyReminders.sentAt) })
    .from(surveyReminders)
    .where(
      and(
        eq(surveyReminders.campaignId, campaignId),
        inArray(surveyReminders.organizationId, [...organizationIds]),
      ),
    )
    .groupBy(surveyReminders.organizationId);
  return new Map(rows.filter((r) => r.at).map((r) => [r.organizationId, r.at!]));
}

export interface OrganizationContact {
  organizationId: number;
  fullName: string;
  email: string | null;
  founderId: number | null;
  founderName: string | null;
  founderEmail: string | null;
}

/** Registry e-mails of the organizations and of their founders. */
export async function organizationContacts(
  ex: Executor,
  organizationIds: readonly number[],
): Promise<OrganizationContact[]> {
  if (organizationIds.length === 0) return [];
  return ex
    .select({
      organizationId: organizations.id,
      fullName: organizations.fullName,
      email: organizations.email,
      founderId: authorities.id,
      founderName: authorities.shortName,
      founderEmail: authorities.email,
    })
    .from(organizations)
    .leftJoin(authorities, eq(authorities.id, organizations.founderId))
    .where(inArray(organizations.id, [...organizationIds]));
}

export async function insertReminders(
  ex: Executor,
  rows: NewSurveyReminder[],
): Promise<Array<{ id: number; organizationId: number }>> {
  if (rows.length === 0) return [];
  return ex
    .insert(surveyReminders)
    .values(rows)
    .returning({ id: surveyReminders.id, organizationId: surveyReminders.organizationId });
}

export async function setReminderMails(ex: Executor, id: number, mailIds: number[]): Promise<void> {
  await ex.update(surveyReminders).set({ mailIds }).where(eq(surveyReminders.id, id));
}

export async function deleteReminders(ex: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await ex.delete(surveyReminders).where(inArray(surveyReminders.id, [...ids]));
}

/** Reminders of a campaign, newest first. */
export async function reminderHistory(
  ex: Executor,
  campaignId: number,
  limit: number,
): Promise<ReminderHistoryRow[]> {
  return ex
    .select({
      id: surveyReminders.id,
      organizationId: surveyReminders.organizationId,
      organization: organizations.shortName,
      sentAt: surveyReminders.sentAt,
      trigger: surveyReminders.trigger,
      counted: surveyReminders.counted,
      required: surveyReminders.required,
      recipients: surveyReminders.recipients,
      mailIds: surveyReminders.mailIds,
    })
    .from(surveyReminders)
    .innerJoin(organizations, eq(organizations.id, surveyReminders.organizationId))
    .where(eq(surveyReminders.campaignId, campaignId))
    .orderBy(desc(surveyReminders.sentAt), desc(surveyReminders.id))
    .limit(limit);
}
