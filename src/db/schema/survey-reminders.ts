// E-mail reminders to organizations lagging behind their survey sample (issue 4 item 6). One row
// per organization and sending: the `survey.remind-lagging` job reads the latest row of each
// organization so that none is reminded twice within SURVEY_REMINDER_INTERVAL_DAYS, however often
// the job runs (weekly schedule, the operator's button, retries after a crash).
import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.ts';
import { createdAt, oneOf } from './columns.ts';
import { organizations } from './organizations.ts';
import { users } from './users.ts';

/** `scheduled`: the weekly run during collection; `manual`: the operator's button. */
export const SURVEY_REMINDER_TRIGGERS = ['scheduled', 'manual'] as const;
export type SurveyReminderTrigger = (typeof SURVEY_REMINDER_TRIGGERS)[number];

export const surveyReminders = pgTable(
  'survey_reminders',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    campaignId: integer()
      .notNull()
      .references(() => campaigns.id),
    organizationId: integer()
      .notNull()
      .references(() => organizations.id),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    trigger: text({ enum: SURVEY_REMINDER_TRIGGERS }).notNull(),
    /** The numbers the letter stated. */
    counted: integer().notNull(),
    required: integer().notNull(),
    /** Addresses written to: the organization's and its founder's (registry e-mails). */
    recipients: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Outbox rows of the letters (mail_outbox.id), for the reminders page. */
    mailIds: bigint({ mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'::bigint[]`),
    /** The operator who pressed the button (manual runs). */
    requestedById: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('survey_reminders_trigger_check', oneOf(t.trigger, SURVEY_REMINDER_TRIGGERS)),
    index('survey_reminders_campaign_org_idx').on(t.campaignId, t.organizationId, t.sentAt),
  ],
);

export type SurveyReminder = typeof surveyReminders.$inferSelect;
export type NewSurveyReminder = typeof surveyReminders.$inferInsert;
