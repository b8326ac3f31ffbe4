// Paper entry and double entry: Drizzle queries only; executor passed in.
import { and, asc, count, eq, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import {
  campaignOrganizations,
  campaigns,
  organizations,
  surveyDoubleEntries,
  surveyResponses,
  users,
  type CampaignStatus,
  type NewSurveyResponse,
  type StoredAnswers,
} from '../../db/schema/index.ts';

export interface PaperTarget {
  campaignId: number;
  campaignTitle: string;
  campaignStatus: CampaignStatus;
  organizationId: number;
  organizationName: string;
  organizationStatus: 'proposed' | 'included' | 'excluded';
  code: string | null;
}

export async function paperTarget(
  ex: Executor,
  by: { code: string } | { campaignId: number; organizationId: number },
): Promise<PaperTarget | null> {
  const where =
    'code' in by
      ? eq(campaignOrganizations.surveyCode, by.code)
      : and(
          eq(campaignOrganizations.campaignId, by.campaignId),
          eq(campaignOrganizations.organizationId, by.organizationId),
        );
  const [row] = await ex
    .select({
      campaignId: campaigns.id,
      campaignTitle: campaigns.title,
      campaignStatus: campaigns.status,
      organizationId: organizations.id,
      organizationName: organizations.shortName,
      organizationStatus: campaignOrganizations.status,
      code: campaignOrganizations.surveyCode,
    })
    .from(campaignOrganizations)
    .innerJoin(campaigns, eq(campaigns.id, campaignOrganizations.campaignId))
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(where);
  return row ?? null;
}

/** Included organizations of the campaign for the operator's select. */
export function paperOrganizations(ex: Executor, campaignId: number) {
  return ex
    .select({
      organizationId: organizations.id,
      name: organizations.shortName,
      code: campaignOrganizations.surveyCode,
    })
    .from(campaignOrganizations)
    .innerJoin(organizations, eq(organizations.id, campaignOrganizations.organizationId))
    .where(
      and(
        eq(campaignOrganizations.campaignId, campaignId),
        eq(campaignOrganizations.status, 'included'),
      ),
    )
    .orderBy(asc(organizations.shortName), asc(organizations.id));
}

const slot = (campaignId: number, organizationId: number, batchNumber: string) =>
  and(
    eq(surveyResponses.campaignId, campaignId),
    eq(surveyResponses.organizationId, organizationId),
    eq(surveyResponses.batchNumber, batchNumber),
  );

export async function nextSequence(
  ex: Executor,
  campaignId: number,
  organizationId: number,
  batchNumber: string,
): Promise<number> {
  const [row] = await ex
    .select({ n: max(surveyResponses.sequenceNumber) })
    .from(surveyResponses)
    .where(slot(campaignId, organizationId, batchNumber));
  return (row?.n ?? 0) + 1;
}

/** Inserts unless the packet position (or idempotency key) is taken; null when taken. */
export async function insertIfFree(ex: Executor, row: NewSurveyResponse): Promise<number | null> {
  const [inserted] = await ex
    .insert(surveyResponses)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: surveyResponses.id });
  return inserted?.id ?? null;
}

export async function paperResponseAt(
  ex: Executor,
  campaignId: number,
  organizationId: number,
  batchNumber: string,
  sequenceNumber: number,
): Promise<{ id: number; answers: StoredAnswers } | null> {
  const [row] = await ex
    .select({ id: surveyResponses.id, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(
      and(
        slot(campaignId, organizationId, batchNumber),
        eq(surveyResponses.sequenceNumber, sequenceNumber),
        eq(surveyResponses.channel, 'paper'),
      ),
    );
  return row ?? null;
}

export async function insertDoubleEntry(
  ex: Executor,
  row: { responseId: number; answers: StoredAnswers; operatorId: number | null },
): Promise<number | null> {
  const [inserted] = await ex
    .insert(surveyDoubleEntries)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: surveyDoubleEntries.id });
  return inserted?.id ?? null;
}

/** Paper first entries per organization, packet and operator (second entries are another table). */
export async function batchTotals(
  ex: Executor,
  campaignId: number,
  filter: { organizationId?: number; batchNumber?: string } = {},
) {
  return ex
    .select({
      organizationId: surveyResponses.organizationId,
      organizationName: organizations.shortName,
      batchNumber: sql<string>`${surveyResponses.batchNumber}`,
      operatorId: surveyResponses.operatorId,
      operatorName: users.fullName,
      entered: count(),
      doubleEntered: count(surveyDoubleEntries.id),
    })
    .from(surveyResponses)
    .innerJoin(organizations, eq(organizations.id, surveyResponses.organizationId))
    .leftJoin(users, eq(users.id, surveyResponses.operatorId))
    .leftJoin(surveyDoubleEntries, eq(surveyDoubleEntries.responseId, surveyResponses.id))
    .where(
      and(
        eq(surveyResponses.campaignId, campaignId),
        eq(surveyResponses.channel, 'paper'),
        filter.organizationId !== undefined
          ? eq(surveyResponses.organizationId, filter.organizationId)
          : undefined,
        filter.batchNumber !== undefined
          ? eq(surveyResponses.batchNumber, filter.batchNumber)
          : undefined,
      ),
    )
    .groupBy(
      surveyResponses.organizationId,
      organizations.shortName,
      surveyResponses.batchNumber,
      surveyResponses.operatorId,
      users.fullName,
    )
    .orderBy(asc(organizations.shortName), asc(surveyResponses.batchNumber), asc(users.fullName));
}

/** First and second entries side by side, by organization, packet and position. */
export function doubleEntryPairs(ex: Executor, campaignId: number) {
  const second = alias(users, 'second_operator');
  return ex
    .select({
      responseId: surveyResponses.id,
      organizationId: surveyResponses.organizationId,
      organizationName: organizations.shortName,
      batchNumber: sql<string>`${surveyResponses.batchNumber}`,
      sequenceNumber: sql<number>`${surveyResponses.sequenceNumber}`,
      first: surveyResponses.answers,
      second: surveyDoubleEntries.answers,
      firstOperator: users.fullName,
      secondOperator: second.fullName,
    })
    .from(surveyDoubleEntries)
    .innerJoin(surveyResponses, eq(surveyResponses.id, surveyDoubleEntries.responseId))
    .innerJoin(organizations, eq(organizations.id, surveyResponses.organizationId))
    .leftJoin(users, eq(users.id, surveyResponses.operatorId))
    .leftJoin(second, eq(second.id, surveyDoubleEntries.operatorId))
    .where(eq(surveyResponses.campaignId, campaignId))
    .orderBy(
      asc(organizations.shortName),
      asc(surveyResponses.batchNumber),
      asc(surveyResponses.sequenceNumber),
    );
}
