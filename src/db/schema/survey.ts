// Survey of service recipients (questionnaire.md): anonymous responses and per-campaign salts.
//
// Anonymity: no names or contacts; the client's IP address, user agent and browser cookie are kept
// only as hashes salted per campaign, and the salt is destroyed after the campaign, so the hashes
// can no longer be linked to anybody (issue 4 "Anti-fraud without personal data").
//
// Counting for scoring is one GROUP BY organization_id with FILTER clauses over the campaign's rows
// (survey_responses_campaign_org_idx); a response counts when it is valid, not continuous
// feedback, and either included by the operator or never flagged (see COUNTED_CONDITION in
// src/features/survey/survey.repo.ts).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { SURVEY_QUESTIONS, type SurveyQuestion } from '../../domain/scoring/input.ts';
import { campaigns } from './campaigns.ts';
import { bytea, createdAt, oneOf } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

export const SURVEY_CHANNELS = ['online', 'paper', 'import', 'api'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const MODERATION_DECISIONS = ['included', 'excluded'] as const;
export type ModerationDecision = (typeof MODERATION_DECISIONS)[number];

/** The stored answers (q1–q14 booleans, q15 text, q16/q18 codes, q17 years); see src/domain/survey. */
export type StoredAnswers = Partial<Record<string, boolean | string | number>>;

/** SQL of `yes_mask`: the sum of 2^(i−1) over the questions qi answered with JSON `true`. */
const YES_MASK_EXPRESSION = SURVEY_QUESTIONS.map(
  (q, i) => `(case when (answers -> '${q}') = 'true'::jsonb then ${1 << i} else 0 end)`,
).join(' + ');

/** The bit of question `q` (q1…q14) in `yes_mask`. */
export function yesBit(q: SurveyQuestion): number {
  return 1 << SURVEY_QUESTIONS.indexOf(q);
}

export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    channel: text({ enum: SURVEY_CHANNELS }).notNull(),
    answers: jsonb().$type<StoredAnswers>().notNull(),
    /** Every shown yes/no question answered (paper entry may store incomplete questionnaires). */
    valid: boolean().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** sha256(campaign salt, IP address), hex; null for paper and import. */
    clientHash: text(),
    /** sha256(campaign salt, User-Agent), hex. */
    uaHash: text(),
    /** sha256(campaign salt, browser cookie token): one response per browser per organization. */
    browserHash: text(),
    /** Client-chosen key: a repeated request with it never stores a second row. */
    idempotencyKey: text(),
    /** Paper questionnaires: packet number and the operator who entered them. */
    batchNumber: text(),
    /** Paper: position of the questionnaire in its packet (1, 2, …); a double entry names it. */
    sequenceNumber: integer(),
    operatorId: integer().references(() => users.id),
    /** Suspicion flags (e.g. repeat_browser, burst, outside_window); reasons in flagReasons. */
    flags: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    flagReasons: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Operator decision on a flagged response; null = no decision. */
    moderation: text({ enum: MODERATION_DECISIONS }),
    moderationReason: text(),
    decidedById: integer().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    /** Continuous feedback between campaigns: stored, never counted in a campaign's scores. */
    isFeedback: boolean().notNull().default(false),
    /**
     * Bit i−1 set when question qi (q1…q14) was answered «Да»: the calculation counts «Да» answers
     * per organization with integer bit tests instead of 14 jsonb look-ups per row (about 3× faster
     * over 2 million responses, bench/score.bench.ts). Computed by the database, never written.
     */
    yesMask: smallint().notNull().generatedAlwaysAs(sql.raw(YES_MASK_EXPRESSION)),
    createdAt: createdAt(),
  },
  (t) => [
    check('survey_responses_channel_check', oneOf(t.channel, SURVEY_CHANNELS)),
    check('survey_responses_moderation_check', oneOf(t.moderation, MODERATION_DECISIONS)),
    check('survey_responses_answers_object_check', sql`jsonb_typeof(${t.answers}) = 'object'`),
    // Nulls are distinct: responses without a key never conflict.
    unique('survey_responses_idempotency_unique').on(t.campaignId, t.idempotencyKey),
    index('survey_responses_campaign_org_idx').on(t.campaignId, t.organizationId),
    index('survey_responses_browser_idx').on(t.campaignId, t.organizationId, t.browserHash),
    index('survey_responses_client_time_idx').on(t.campaignId, t.clientHash, t.submittedAt),
    // One paper questionnaire per packet position (nulls distinct: other channels never conflict).
    unique('survey_responses_paper_slot_unique').on(
      t.campaignId,
      t.organizationId,
      t.batchNumber,
      t.sequenceNumber,
    ),
  ],
);

/**
 * Double entry of paper questionnaires: the second, independent keying of an already entered one.
 * Kept apart from survey_responses on purpose, so a second entry can never be counted by any query
 * over responses; it only feeds the mismatch report (first vs second entry, question by question).
 */
export const surveyDoubleEntries = pgTable('survey_double_entries', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  responseId: bigint({ mode: 'number' })
    .notNull()
    .unique()
    .references(() => surveyResponses.id),
  answers: jsonb().$type<StoredAnswers>().notNull(),
  operatorId: integer().references(() => users.id),
  createdAt: createdAt(),
});

/**
 * One salt per campaign for the hashes above. `salt` is set to null and `destroyedAt` stamped when
 * the campaign's collection ends; afterwards the stored hashes cannot be recomputed from an address.
 */
export const surveySalts = pgTable('survey_salts', {
  campaignId: integer()
    .primaryKey()
    .references(() => campaigns.id),
  salt: bytea(),
  createdAt: createdAt(),
  destroyedAt: timestamp({ withTimezone: true }),
});

export type SurveyResponse = typeof surveyResponses.$inferSelect;
export type NewSurveyResponse = typeof surveyResponses.$inferInsert;
export type SurveySalt = typeof surveySalts.$inferSelect;
export type SurveyDoubleEntry = typeof surveyDoubleEntries.$inferSelect;
