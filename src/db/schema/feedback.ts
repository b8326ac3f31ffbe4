// Feedback between campaigns (issue 4 item 8): after a campaign's data collection, the same survey
// address (/s/{code}) stays open as continuous public feedback about the organization. Feedback is
// kept in its own table on purpose: no query over survey_responses (counts, scores, progress,
// moderation) can ever count it in a campaign. It feeds quarterly summaries per organization and
// municipality, handed to the organization and considered at the next assessment.
//
// Anonymity as in survey_responses: no names or contacts; address, user agent and browser cookie
// only as salted hashes. The salt is per quarter (feedback_salts) and is destroyed once the next
// quarter's salt is made, so hashes older than a quarter can never be linked to anybody again.
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { bytea, createdAt, oneOf } from './columns.ts';
import { organizations } from './organizations.ts';
import type { StoredAnswers } from './survey.ts';

export const FEEDBACK_CHANNELS = ['online', 'api'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    /** The campaign whose survey code the feedback came through (never counted in it). */
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    surveyCode: text().notNull(),
    channel: text({ enum: FEEDBACK_CHANNELS }).notNull(),
    /** Validated like a questionnaire (q1–q14 booleans, q15 text, q16–q18); see src/domain/survey. */
    answers: jsonb().$type<StoredAnswers>().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    /** `YYYY-Qn` of receivedAt in the region's time zone: the summaries' period. */
    quarter: text().notNull(),
    /** HMAC(quarter salt, …), hex. */
    clientHash: text(),
    uaHash: text(),
    browserHash: text(),
    /** A repeated request with the same key never stores a second row. */
    idempotencyKey: text(),
    /** Suspicion flags (burst, repeat_browser); reasons in flagReasons. Kept, shown apart. */
    flags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    flagReasons: jsonb().$type<Record<string, string>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    check('feedback_responses_channel_check', oneOf(t.channel, FEEDBACK_CHANNELS)),
    check('feedback_responses_answers_object_check', sql`jsonb_typeof(${t.answers}) = 'object'`),
    check('feedback_responses_quarter_check', sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`),
    // Nulls are distinct: feedback without a key never conflicts.
    unique('feedback_responses_idempotency_unique').on(t.campaignId, t.idempotencyKey),
    index('feedback_responses_quarter_org_idx').on(t.quarter, t.organizationId),
    index('feedback_responses_browser_idx').on(t.organizationId, t.quarter, t.browserHash),
    index('feedback_responses_client_time_idx').on(t.clientHash, t.receivedAt),
  ],
);

/** One salt per quarter for the hashes above; the salts of earlier quarters are set to null. */
export const feedbackSalts = pgTable(
  'feedback_salts',
  {
    quarter: text().primaryKey(),
    salt: bytea(),
    createdAt: createdAt(),
    destroyedAt: timestamp({ withTimezone: true }),
  },
  (t) => [check('feedback_salts_quarter_check', sql`${t.quarter} ~ '^[0-9]{4}-Q[1-4]$'`)],
);

export type FeedbackResponse = typeof feedbackResponses.$inferSelect;
export type NewFeedbackResponse = typeof feedbackResponses.$inferInsert;
