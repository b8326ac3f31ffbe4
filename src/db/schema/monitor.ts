// Site monitoring (site-monitoring.md): runs over many organizations, one stored check per
// organization and run (item statuses, channels of indicator 1.2, the 1.1 counts) and the pages the
// crawler read as evidence. Page bodies are compressed and stored once per sha-256, so monthly runs
// over unchanged sites add only references, not copies.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, oneOf } from './columns.ts';
import { organizations } from './organizations.ts';
import { territories } from './territories.ts';
import { users } from './users.ts';

export const MONITOR_RUN_SCOPES = ['all', 'organization'] as const;
export type MonitorRunScope = (typeof MONITOR_RUN_SCOPES)[number];
export const MONITOR_RUN_TRIGGERS = ['schedule', 'manual'] as const;
export type MonitorRunTrigger = (typeof MONITOR_RUN_TRIGGERS)[number];
export const MONITOR_RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type MonitorRunStatus = (typeof MONITOR_RUN_STATUSES)[number];
export const MONITOR_CHECK_STATUSES = ['ok', 'error'] as const;
export type MonitorCheckStatus = (typeof MONITOR_CHECK_STATUSES)[number];
export const SNAPSHOT_ENCODINGS = ['br', 'gzip'] as const;
export type SnapshotEncoding = (typeof SNAPSHOT_ENCODINGS)[number];

/**
 * One stored item result. A structural copy of the crawler's ItemResult (the schema must not
 * import the domain): statuses are kept as text, so statuses added by later crawler versions
 * («legacy», …) are stored as they come.
 */
export interface StoredItem {
  /** Catalogue id, e.g. `common.fullName`. */
  key: string;
  section: string;
  itemprop: string | null;
  status: string;
  /** required | not_applicable | informational | optional, at crawl time. */
  requirement: string;
  value?: string | null;
  note?: string;
}

/** One subsection as the crawler found it. */
export interface StoredSection {
  key: string;
  path: string;
  status: string;
  url: string | null;
  httpStatus: number | null;
  reason?: string;
  note?: string;
  legacy831?: boolean;
}

/** One general rule of the site (site-monitoring.md «General rules a crawler checks»). */
export interface StoredSiteCheck {
  key: string;
  /** pass | fail | warning | not_checked */
  status: string;
  /** A requirement in force on the crawl date; false for informational checks. */
  required: boolean;
  basis: string;
  title: string;
  details: string | null;
  evidence: string[];
}

/** One remote channel of indicator 1.2 (channel code, listed on the site, evidence). */
export interface StoredChannel {
  channel: string;
  detected: boolean;
  evidence: string | null;
}

export const monitorRuns = pgTable(
  'monitor_runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    scope: text({ enum: MONITOR_RUN_SCOPES }).notNull(),
    /** The organization of a one-organization run. */
    organizationId: integer().references(() => organizations.id),
    /** Limits an `all` run to one municipality (a municipal authority's run). */
    municipalityId: integer().references(() => territories.id),
    trigger: text({ enum: MONITOR_RUN_TRIGGERS }).notNull(),
    /** The schedule slot of a scheduled run: unique, so a slot is run once however many instances. */
    scheduleSlot: timestamp({ withTimezone: true }).unique('monitor_runs_schedule_slot_unique'),
    status: text({ enum: MONITOR_RUN_STATUSES }).notNull().default('queued'),
    /** Organizations to check, checks stored, of them with an error (unreachable site, …). */
    total: integer().notNull().default(0),
    done: integer().notNull().default(0),
    errors: integer().notNull().default(0),
    requestedById: integer().references(() => users.id),
    requestedBy: text().notNull(),
    failureReason: text(),
    createdAt: createdAt(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    /** Set once the after-run letters were queued (scheduled runs only). */
    notifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('monitor_runs_scope_check', oneOf(t.scope, MONITOR_RUN_SCOPES)),
    check('monitor_runs_trigger_check', oneOf(t.trigger, MONITOR_RUN_TRIGGERS)),
    check('monitor_runs_status_check', oneOf(t.status, MONITOR_RUN_STATUSES)),
    check(
      'monitor_runs_organization_check',
      sql`(${t.scope} = 'organization') = (${t.organizationId} is not null)`,
    ),
    check(
      'monitor_runs_counts_check',
      sql`${t.done} >= 0 and ${t.errors} >= 0 and ${t.errors} <= ${t.done}`,
    ),
    index('monitor_runs_created_at_idx').on(t.createdAt),
  ],
);

export const monitorChecks = pgTable(
  'monitor_checks',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => monitorRuns.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    /** The address checked (the registry's website at the time). */
    url: text().notNull(),
    /** The organization's kind at the time: decides which items were listed. */
    kind: text().notNull(),
    checkedAt: timestamp({ withTimezone: true }).notNull(),
    /** 831 | 1493 | 1493+1353: the ruleset in force on the crawl date. */
    rulesetVersion: text().notNull(),
    catalogueVersion: text().notNull(),
    status: text({ enum: MONITOR_CHECK_STATUSES }).notNull(),
    errorReason: text(),
    /** 1493 p.3: the main page links to the section. */
    sectionLink: boolean().notNull().default(false),
    sectionLinkInNav: boolean().notNull().default(false),
    items: jsonb().$type<StoredItem[]>().notNull().default([]),
    sections: jsonb().$type<StoredSection[]>().notNull().default([]),
    channels: jsonb().$type<StoredChannel[]>().notNull().default([]),
    /** The general rules (navigation, registration, PDFs, accessibility, …) at crawl time. */
    siteChecks: jsonb().$type<StoredSiteCheck[]>().notNull().default([]),
    /** «Исайт» and «Инорм.сайт» at crawl time (the indicator feed recounts under its rules). */
    present: integer().notNull().default(0),
    required: integer().notNull().default(0),
    durationMs: integer().notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check('monitor_checks_status_check', oneOf(t.status, MONITOR_CHECK_STATUSES)),
    check('monitor_checks_counts_check', sql`${t.present} between 0 and ${t.required}`),
    // A retried or duplicated job finds its check already stored.
    unique('monitor_checks_run_organization_unique').on(t.runId, t.organizationId),
    index('monitor_checks_organization_checked_idx').on(t.organizationId, t.checkedAt),
  ],
);

export const monitorSnapshots = pgTable(
  'monitor_snapshots',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Lower-case hex sha-256 of the page text as UTF-8: identical pages are stored once. */
    sha256: text().notNull().unique('monitor_snapshots_sha256_unique'),
    encoding: text({ enum: SNAPSHOT_ENCODINGS }).notNull(),
    /** Bytes of the page text as UTF-8 before compression. */
    size: integer().notNull(),
    data: bytea().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check('monitor_snapshots_encoding_check', oneOf(t.encoding, SNAPSHOT_ENCODINGS)),
    check('monitor_snapshots_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/** The pages one check read, each pointing at its (shared) snapshot. */
export const monitorCheckPages = pgTable(
  'monitor_check_pages',
  {
    checkId: integer()
      .notNull()
      .references(() => monitorChecks.id),
    /** Order of fetching within the check (1, 2, …): stable links to a page. */
    seq: integer().notNull(),
    url: text().notNull(),
    httpStatus: integer().notNull(),
    contentType: text(),
    snapshotId: bigint({ mode: 'number' })
      .notNull()
      .references(() => monitorSnapshots.id),
  },
  (t) => [
    primaryKey({ columns: [t.checkId, t.seq] }),
    index('monitor_check_pages_snapshot_idx').on(t.snapshotId),
  ],
);

export type MonitorRun = typeof monitorRuns.$inferSelect;
export type NewMonitorRun = typeof monitorRuns.$inferInsert;
export type MonitorCheck = typeof monitorChecks.$inferSelect;
export type NewMonitorCheck = typeof monitorChecks.$inferInsert;
export type MonitorSnapshot = typeof monitorSnapshots.$inferSelect;
export type MonitorCheckPage = typeof monitorCheckPages.$inferSelect;
