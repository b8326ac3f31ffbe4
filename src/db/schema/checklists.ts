// Expert checklists (checklists.md): one per organization of a campaign, with the organization's
// self-report (declared) and the expert's verdict (confirmed) per catalogue item, the test log of
// remote channels, and evidence (photos and documents in `files`, or links).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { campaignOrganizations, campaigns } from './campaigns.ts';
import { createdAt, oneOf, updatedAt } from './columns.ts';
import { files } from './files.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';
import { CHECKLIST_STATUSES, type ChecklistStatus } from '../../domain/checklists/workflow.ts';

export { CHECKLIST_STATUSES, type ChecklistStatus };

// The domain's lists, repeated as literals so the schema stays loadable on its own; a test of the
// checklists feature compares them.
export const CHECKLIST_SECTION_KEYS = [
  'stand',
  'remoteChannels',
  'comfort',
  'premises',
  'services',
] as const;
export const CHECKLIST_ANSWER_VALUES = ['yes', 'no', 'na'] as const;
export const EVIDENCE_SIDES = ['declared', 'confirmed'] as const;

export const checklists = pgTable(
  'checklists',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    status: text({ enum: CHECKLIST_STATUSES }).notNull().default('draft'),
    /**
     * The expert's correction of the site half of 1.1 (Исайт / Инорм.сайт) when the site monitor
     * got it wrong; the reason is mandatory and the change is in the audit log.
     */
    sitePresent: integer(),
    siteRequired: integer(),
    siteReason: text(),
    siteOverrideById: integer().references(() => users.id),
    siteOverrideAt: timestamp({ withTimezone: true }),
    selfReportedAt: timestamp({ withTimezone: true }),
    selfReportedById: integer().references(() => users.id),
    reviewStartedAt: timestamp({ withTimezone: true }),
    confirmedAt: timestamp({ withTimezone: true }),
    confirmedById: integer().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('checklists_campaign_organization_unique').on(t.campaignId, t.organizationId),
    // Only organizations on the campaign's list have checklists.
    foreignKey({
      name: 'checklists_campaign_organization_fk',
      columns: [t.campaignId, t.organizationId],
      foreignColumns: [campaignOrganizations.campaignId, campaignOrganizations.organizationId],
    }),
    check('checklists_status_check', oneOf(t.status, CHECKLIST_STATUSES)),
    check(
      'checklists_site_override_check',
      sql`(${t.sitePresent} is null) = (${t.siteRequired} is null)
        and (${t.sitePresent} is null) = (${t.siteReason} is null)
        and (${t.siteRequired} is null or (${t.siteRequired} >= 1 and ${t.sitePresent} between 0 and ${t.siteRequired}))`,
    ),
    check(
      'checklists_confirmed_check',
      sql`(${t.status} = 'confirmed') = (${t.confirmedAt} is not null)`,
    ),
    index('checklists_organization_id_idx').on(t.organizationId),
  ],
);

export const checklistItems = pgTable(
  'checklist_items',
  {
    checklistId: integer()
      .notNull()
      .references(() => checklists.id),
    section: text({ enum: CHECKLIST_SECTION_KEYS }).notNull(),
    itemKey: text().notNull(),
    declaredAnswer: text({ enum: CHECKLIST_ANSWER_VALUES }),
    declaredComment: text(),
    declaredReason: text(),
    declaredById: integer().references(() => users.id),
    declaredAt: timestamp({ withTimezone: true }),
    confirmedAnswer: text({ enum: CHECKLIST_ANSWER_VALUES }),
    confirmedComment: text(),
    confirmedReason: text(),
    confirmedById: integer().references(() => users.id),
    confirmedAt: timestamp({ withTimezone: true }),
    /** Remote channels: listed on the official site (what counts for 1.2). */
    listed: boolean(),
    /** What the site monitor said when the expert decided (null: no check existed). */
    listedMonitor: boolean(),
    /** Why the expert's `listed` differs from the monitor's finding. */
    listedReason: text(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.checklistId, t.section, t.itemKey] }),
    check('checklist_items_section_check', oneOf(t.section, CHECKLIST_SECTION_KEYS)),
    check('checklist_items_declared_check', oneOf(t.declaredAnswer, CHECKLIST_ANSWER_VALUES)),
    check('checklist_items_confirmed_check', oneOf(t.confirmedAnswer, CHECKLIST_ANSWER_VALUES)),
    // «Не применимо» needs a reason (checklists.md).
    check(
      'checklist_items_declared_reason_check',
      sql`${t.declaredAnswer} <> 'na' or ${t.declaredReason} is not null`,
    ),
    check(
      'checklist_items_confirmed_reason_check',
      sql`${t.confirmedAnswer} <> 'na' or ${t.confirmedReason} is not null`,
    ),
    check(
      'checklist_items_listed_reason_check',
      sql`${t.listed} is null or ${t.listedMonitor} is null or ${t.listed} = ${t.listedMonitor} or ${t.listedReason} is not null`,
    ),
  ],
);

/** The expert's test of a remote channel: a test call or a test letter (checklists.md, 1.2). */
export const checklistChannelTests = pgTable(
  'checklist_channel_tests',
  {
    checklistId: integer()
      .notNull()
      .references(() => checklists.id),
    channel: text().notNull(),
    callDate: date({ mode: 'string' }),
    callTime: text(),
    callAnswered: boolean(),
    letterSentOn: date({ mode: 'string' }),
    letterAnsweredOn: date({ mode: 'string' }),
    note: text(),
    recordedById: integer().references(() => users.id),
    recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.checklistId, t.channel] }),
    check(
      'checklist_channel_tests_time_check',
      sql`${t.callTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`,
    ),
    check('checklist_channel_tests_letter_check', sql`${t.letterAnsweredOn} >= ${t.letterSentOn}`),
  ],
);

/** A photo or document (in `files`) or a link supporting one side's answer to one item. */
export const checklistEvidence = pgTable(
  'checklist_evidence',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    checklistId: integer()
      .notNull()
      .references(() => checklists.id),
    section: text({ enum: CHECKLIST_SECTION_KEYS }).notNull(),
    itemKey: text().notNull(),
    side: text({ enum: EVIDENCE_SIDES }).notNull(),
    fileId: integer().references(() => files.id),
    url: text(),
    createdById: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('checklist_evidence_section_check', oneOf(t.section, CHECKLIST_SECTION_KEYS)),
    check('checklist_evidence_side_check', oneOf(t.side, EVIDENCE_SIDES)),
    check('checklist_evidence_source_check', sql`(${t.fileId} is null) <> (${t.url} is null)`),
    index('checklist_evidence_checklist_idx').on(t.checklistId, t.section, t.itemKey),
  ],
);

export type Checklist = typeof checklists.$inferSelect;
export type NewChecklist = typeof checklists.$inferInsert;
export type ChecklistItemRow = typeof checklistItems.$inferSelect;
export type NewChecklistItemRow = typeof checklistItems.$inferInsert;
export type ChecklistChannelTestRow = typeof checklistChannelTests.$inferSelect;
export type ChecklistEvidenceRow = typeof checklistEvidence.$inferSelect;
