// Results of a campaign (issue 6): every calculation is a *run* with a version number; a run the
// public council approved is frozen and never changed (ADR 0005: a result keeps the methodology
// version it was computed with). A later recalculation is a new version beside the frozen one.
//
// result_organizations holds one row per organization and run: rounded values for reading and
// the exact provenance (unrounded decimals, formulas, variants) for explaining them.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { createdAt, oneOf } from './columns.ts';
import { users } from './users.ts';

export const RESULT_RUN_STATUSES = ['current', 'frozen', 'superseded'] as const;
export type ResultRunStatus = (typeof RESULT_RUN_STATUSES)[number];

/** Calculation settings that are not part of the methodology version (stored with the run). */
export interface ResultRunSettings {
  /** Organizations below their required sample are ranked too (default false). */
  rankBelowSample: boolean;
  /** Survey shares below this (percent) become shortcomings (default 100). */
  surveyThreshold: number;
}

/** A plain-mean aggregate as stored (names are joined when read). */
export interface StoredAggregate {
  level: 'region' | 'municipality' | 'kind';
  key: string;
  organizations: number;
  indicators: Record<string, number | null>;
  criteria: Record<string, number | null>;
  total: number | null;
}

export const resultRuns = pgTable(
  'result_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    /** 1, 2, … per campaign. */
    version: integer().notNull(),
    status: text({ enum: RESULT_RUN_STATUSES }).notNull(),
    /** The campaign's methodology version used (StoredMethodology). */
    methodology: jsonb().$type<Record<string, unknown>>().notNull(),
    settings: jsonb().$type<ResultRunSettings>().notNull(),
    /** sha-256 (hex) of everything the calculation read: equal digests give equal results. */
    inputsDigest: text().notNull(),
    computedAt: timestamp({ withTimezone: true }).notNull(),
    /** Who started the calculation (audit label: a user's name, «система», «командная строка»). */
    computedBy: text().notNull(),
    organizations: integer().notNull(),
    aggregates: jsonb().$type<StoredAggregate[]>().notNull().default([]),
    /**
     * The parts of provenance and shortcomings shared by many organizations (formulas, weights,
     * recommendation texts), stored once; rows refer to them (src/features/results/pack.ts).
     */
    fragments: jsonb().$type<Record<string, Record<string, unknown>>>().notNull().default({}),
    frozenAt: timestamp({ withTimezone: true }),
    /** The council decision in words, e.g. «Решение общественного совета № 4 от 12.11.2026». */
    frozenBasis: text(),
    decisionNumber: text(),
    decisionDate: date({ mode: 'string' }),
    frozenBy: integer().references(() => users.id),
    frozenByLabel: text(),
    createdAt: createdAt(),
  },
  (t) => [
    check('result_runs_status_check', oneOf(t.status, RESULT_RUN_STATUSES)),
    check('result_runs_version_check', sql`${t.version} >= 1`),
    // A frozen run names its decision; a current one has none; a superseded one keeps its own.
    check(
      'result_runs_frozen_check',
      sql`(${t.status} <> 'frozen' or ${t.frozenAt} is not null)
        and (${t.status} <> 'current' or ${t.frozenAt} is null)
        and ((${t.frozenAt} is null) = (${t.frozenBasis} is null))`,
    ),
    uniqueIndex('result_runs_campaign_version_unique').on(t.campaignId, t.version),
    // At most one current and one frozen run per campaign.
    uniqueIndex('result_runs_one_current')
      .on(t.campaignId)
      .where(sql`${t.status} = 'current'`),
    uniqueIndex('result_runs_one_frozen')
      .on(t.campaignId)
      .where(sql`${t.status} = 'frozen'`),
  ],
);

export const resultOrganizations = pgTable(
  'result_organizations',
  {
    runId: integer()
      .notNull()
      .references(() => resultRuns.id, { onDelete: 'cascade' }),
    // No foreign keys to organizations and territories: they were ~40 % of the time to store a
    // 10 000-organization run (one referential check per row and key). The insert checks every
    // organization in one join instead (results.repo.ts), and neither table ever deletes rows.
    organizationId: integer().notNull(),
    /** Kind and municipality at calculation time: ranks were computed within them. */
    kind: text().notNull(),
    municipalityId: integer().notNull(),
    /** Rounded values: { "1.1": 85, … } and { K1: 89.3, … }; null = not applicable. */
    indicators: jsonb().$type<Record<string, number | null>>().notNull(),
    criteria: jsonb().$type<Record<string, number | null>>().notNull(),
    total: numeric({ precision: 5, scale: 2, mode: 'number' }),
    band: text(),
    /**
     * The engine input: exactly one `organizations[]` item of `noko score`. Survey shares and their
     * Wilson intervals are a pure function of it and the run's methodology: computed when read.
     */
    counts: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Exact values, formulas, variants and data sources of every number (packed, see fragments). */
    provenance: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Shortcomings (packed: catalogue texts in the run's fragments). */
    shortcomings: jsonb().$type<Record<string, unknown>[]>().notNull(),
    respondents: integer().notNull(),
    requiredSample: integer().notNull(),
    flaggedResponses: integer().notNull(),
    excludedResponses: integer().notNull(),
    /** below_sample, insufficient_data, no_checklist, checklist_incomplete, no_site_data, … */
    flags: jsonb().$type<string[]>().notNull(),
    ranked: boolean().notNull(),
    rankKind: integer(),
    rankMunicipality: integer(),
    rankRegion: integer(),
    /** The council's proposals for the organization (bus.gov.ru column). */
    councilProposals: text(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.organizationId] }),
    index('result_organizations_organization_id_idx').on(t.organizationId),
  ],
);

/**
 * Debounced recalculation requests: one row per campaign while a `results.recalculate` job is
 * queued, so a burst of survey submissions enqueues one job (pg-boss standard queues do not
 * de-duplicate by key).
 */
export const resultRecalculations = pgTable('result_recalculations', {
  campaignId: integer()
    .primaryKey()
    .references(() => campaigns.id),
  requestedAt: timestamp({ withTimezone: true }).notNull(),
});

export type ResultRunRow = typeof resultRuns.$inferSelect;
export type NewResultRun = typeof resultRuns.$inferInsert;
export type ResultOrganizationRow = typeof resultOrganizations.$inferSelect;
