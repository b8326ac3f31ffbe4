// Queries of the moderation of flagged responses: Drizzle only, executor passed in.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  organizations,
  surveyResponses,
  users,
  type ModerationDecision,
} from '../../db/schema/index.ts';
import type { FlaggedFilter } from './moderation.schema.ts';

const r = surveyResponses;

/** Flagged responses of the campaign (continuous feedback is never moderated). */
function flaggedWhere(campaignId: number, f: Omit<FlaggedFilter, 'limit' | 'offset'>): SQL {
  const parts: (SQL | undefined)[] = [
    eq(r.campaignId, campaignId),
    sql`cardinality(${r.flags}) > 0`,
    sql`not ${r.isFeedback}`,
  ];
  if (f.organizationId !== undefined) parts.push(eq(r.organizationId, f.organizationId));
  if (f.flag !== undefined) parts.push(sql`${f.flag} = any(${r.flags})`);
  if (f.status === 'undecided') parts.push(isNull(r.moderation));
  if (f.status === 'included' || f.status === 'excluded') parts.push(eq(r.moderation, f.status));
  return and(...parts)!;
}

export async function listFlagged(ex: Executor, campaignId: number, f: FlaggedFilter) {
  const where = flaggedWhere(campaignId, f);
  const [rows, [total]] = await Promise.all([
    ex
      .select({
        id: r.id,
        organizationId: r.organizationId,
        organization: organizations.shortName,
        channel: r.channel,
        submittedAt: r.submittedAt,
        valid: r.valid,
        flags: r.flags,
        flagReasons: r.flagReasons,
        moderation: r.moderation,
        moderationReason: r.moderationReason,
        decidedBy: users.fullName,
        decidedAt: r.decidedAt,
        comment: sql<string | null>`${r.answers} ->> 'q15'`,
      })
      .from(r)
      .innerJoin(organizations, eq(organizations.id, r.organizationId))
      .leftJoin(users, eq(users.id, r.decidedById))
      .where(where)
      .orderBy(desc(r.submittedAt), desc(r.id))
      .limit(f.limit)
      .offset(f.offset),
    ex.select({ n: count() }).from(r).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Each flag present among the campaign's flagged responses, with how many carry it. */
export async function flagCounts(
  ex: Executor,
  campaignId: number,
): Promise<Array<{ flag: string; count: number }>> {
  const flag = sql<string>`unnest(${r.flags})`;
  const rows = await ex
    .select({ flag, count: sql<number>`count(*)::int` })
    .from(r)
    .where(and(eq(r.campaignId, campaignId), sql`not ${r.isFeedback}`))
    .groupBy(sql`1`)
    .orderBy(asc(sql`1`));
  return rows.map((x) => ({ flag: x.flag, count: Number(x.count) }));
}

export interface ModerationState {
  id: number;
  moderation: ModerationDecision | null;
  moderationReason: string | null;
}

/** The flagged responses among `ids` in the campaign, locked until the transaction ends. */
export function lockFlagged(
  ex: Executor,
  campaignId: number,
  ids: readonly number[],
): Promise<ModerationState[]> {
  return ex
    .select({ id: r.id, moderation: r.moderation, moderationReason: r.moderationReason })
    .from(r)
    .where(
      and(
        eq(r.campaignId, campaignId),
        inArray(r.id, [...ids]),
        sql`cardinality(${r.flags}) > 0`,
        sql`not ${r.isFeedback}`,
      ),
    )
    .orderBy(asc(r.id))
    .for('update');
}

export async function setModeration(
  ex: Executor,
  ids: readonly number[],
  decision: { moderation: ModerationDecision; reason: string; userId: number | null; at: Date },
): Promise<void> {
  await ex
    .update(r)
    .set({
      moderation: decision.moderation,
      moderationReason: decision.reason,
      decidedById: decision.userId,
      decidedAt: decision.at,
    })
    .where(inArray(r.id, [...ids]));
}
