// Feedback between campaigns: Drizzle queries only; executor passed in.
import { and, desc, eq, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../db/client.ts';
import {
  feedbackResponses,
  feedbackSalts,
  organizations,
  type NewFeedbackResponse,
} from '../../db/schema/index.ts';
import { SURVEY_QUESTIONS } from '../../domain/scoring/input.ts';

export async function feedbackIdByKey(
  ex: Executor,
  campaignId: number,
  key: string,
): Promise<number | null> {
  const [row] = await ex
    .select({ id: feedbackResponses.id })
    .from(feedbackResponses)
    .where(
      and(eq(feedbackResponses.campaignId, campaignId), eq(feedbackResponses.idempotencyKey, key)),
    );
  return row?.id ?? null;
}

/**
 * The quarter's salt, created on first use; creating it destroys the salts of earlier quarters
 * (their hashes can never be recomputed afterwards). Null when destroyed.
 */
export async function quarterSalt(
  ex: Executor,
  quarter: string,
  fresh: () => Uint8Array,
  now: Date,
): Promise<Uint8Array | null> {
  const read = async () => {
    const [row] = await ex
      .select({ salt: feedbackSalts.salt })
      .from(feedbackSalts)
      .where(eq(feedbackSalts.quarter, quarter));
    return row;
  };
  const existing = await read();
  if (existing) return existing.salt ?? null;
  await ex.insert(feedbackSalts).values({ quarter, salt: fresh() }).onConflictDoNothing();
  await ex
    .update(feedbackSalts)
    .set({ salt: null, destroyedAt: now })
    .where(and(lt(feedbackSalts.quarter, quarter), isNotNull(feedbackSalts.salt)));
  return (await read())?.salt ?? null;
}

export interface FeedbackChecks {
  lastHour: number;
  recent: number;
  browserSeen: boolean;
}

/** Rate-limit, burst and repeat-browser counts of one feedback submission in one statement. */
export async function feedbackChecks(
  ex: Executor,
  p: {
    organizationId: number;
    quarter: string;
    clientHash: string | null;
    browserHash: string | null;
    hourSince: Date;
    burstSince: Date;
  },
): Promise<FeedbackChecks> {
  const [row] = await queryRows<{ last_hour: number; recent: number; browser_seen: boolean }>(
    ex,
    sql`select c.last_hour, c.recent,
      exists (select 1 from feedback_responses
        where organization_id = ${p.organizationId} and quarter = ${p.quarter}
          and browser_hash = ${p.browserHash}) as browser_seen
    from (select count(*)::int as last_hour,
            count(*) filter (where received_at >= ${p.burstSince.toISOString()}::timestamptz)::int
              as recent
          from feedback_responses
          where client_hash = ${p.clientHash}
            and received_at >= ${p.hourSince.toISOString()}::timestamptz) c`,
  );
  return {
    lastHour: Number(row?.last_hour ?? 0),
    recent: Number(row?.recent ?? 0),
    browserSeen: row?.browser_seen === true,
  };
}

/** Stores one feedback; null when its idempotency key was stored first (the caller reads it). */
export async function insertFeedback(
  ex: Executor,
  row: NewFeedbackResponse,
): Promise<number | null> {
  const [inserted] = await ex
    .insert(feedbackResponses)
    .values(row)
    .onConflictDoNothing({
      target: [feedbackResponses.campaignId, feedbackResponses.idempotencyKey],
    })
    .returning({ id: feedbackResponses.id });
  return inserted?.id ?? null;
}

/** Which feedback the caller may see: everything, one municipality or one organization. */
export type FeedbackScope =
  | { kind: 'all' }
  | { kind: 'municipality'; municipalityId: number }
  | { kind: 'organization'; organizationId: number };

function scopeCondition(scope: FeedbackScope): SQL {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'municipality':
      return eq(organizations.municipalityId, scope.municipalityId);
    case 'organization':
      return eq(feedbackResponses.organizationId, scope.organizationId);
  }
}

/** Quarters with feedback in the scope, newest first. */
export async function feedbackQuarters(ex: Executor, scope: FeedbackScope): Promise<string[]> {
  const rows = await ex
    .selectDistinct({ quarter: feedbackResponses.quarter })
    .from(feedbackResponses)
    .innerJoin(organizations, eq(organizations.id, feedbackResponses.organizationId))
    .where(scopeCondition(scope))
    .orderBy(desc(feedbackResponses.quarter));
  return rows.map((r) => r.quarter);
}

export interface OrganizationFeedbackRow {
  organizationId: number;
  name: string;
  municipalityId: number;
  municipality: string;
  responses: number;
  flagged: number;
  /** Per question id (q1–q14): answered and «Да» among unflagged feedback. */
  answered: Record<string, number>;
  yes: Record<string, number>;
}

/** Per organization of the scope: one GROUP BY over the quarter's rows with FILTER clauses. */
export async function feedbackByOrganization(
  ex: Executor,
  quarter: string,
  scope: FeedbackScope,
): Promise<OrganizationFeedbackRow[]> {
  const counted = sql`cardinality(${feedbackResponses.flags}) = 0`;
  const columns: Record<string, SQL<number>> = {};
  for (const q of SURVEY_QUESTIONS) {
    columns[`a_${q}`] = sql<number>`count(*) filter (where ${counted}
      and ${feedbackResponses.answers} -> ${q} is not null)::int`;
    columns[`y_${q}`] = sql<number>`count(*) filter (where ${counted}
      and ${feedbackResponses.answers} -> ${q} = 'true'::jsonb)::int`;
  }
  const rows = await ex
    .select({
      organizationId: feedbackResponses.organizationId,
      name: organizations.shortName,
      municipalityId: organizations.municipalityId,
      municipality: sql<string>`(select name from territories where id = ${organizations.municipalityId})`,
      responses: sql<number>`count(*)::int`,
      flagged: sql<number>`count(*) filter (where not ${counted})::int`,
      ...columns,
    })
    .from(feedbackResponses)
    .innerJoin(organizations, eq(organizations.id, feedbackResponses.organizationId))
    .where(and(eq(feedbackResponses.quarter, quarter), scopeCondition(scope)))
    .groupBy(feedbackResponses.organizationId, organizations.id)
    .orderBy(organizations.shortName, organizations.id);
  return rows.map((r) => {
    const row = r as unknown as Record<string, number | string>;
    return {
      organizationId: Number(row.organizationId),
      name: String(row.name),
      municipalityId: Number(row.municipalityId),
      municipality: String(row.municipality),
      responses: Number(row.responses),
      flagged: Number(row.flagged),
      answered: Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, Number(row[`a_${q}`])])),
      yes: Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, Number(row[`y_${q}`])])),
    };
  });
}

/** How many feedback rows the table holds (tests: feedback never lands in survey_responses). */
export async function countFeedback(ex: Executor): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(feedbackResponses);
  return Number(row?.n ?? 0);
}
