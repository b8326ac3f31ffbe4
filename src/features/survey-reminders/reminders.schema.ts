// Survey reminders to lagging organizations (issue 4 item 6): the job, its payload, its weekly
// schedule and what a run reports. Pure: the reminders page imports the types.
import { z } from 'zod';
import type { SurveyReminderTrigger } from '../../db/schema/survey-reminders.ts';

export const REMIND_LAGGING_JOB = 'survey.remind-lagging';

/**
 * Weekly during data collection: Mondays 10:00 Moscow time, when schools read their mail. The
 * handler itself skips campaigns outside their collection window, so the schedule can stay on.
 */
export const REMIND_LAGGING_SCHEDULE = { cron: '0 10 * * 1', tz: 'Europe/Moscow' } as const;

export const RemindLaggingData = z.object({
  /** One campaign (the operator's button); absent: every campaign collecting data. */
  campaignId: z.number().int().positive().optional(),
  trigger: z.enum(['scheduled', 'manual']).default('scheduled'),
  requestedById: z.number().int().positive().optional(),
});
export type RemindLaggingData = z.input<typeof RemindLaggingData>;

export interface ReminderSent {
  campaignId: number;
  organizationId: number;
  name: string;
  counted: number;
  required: number;
  recipients: string[];
}

export interface ReminderSkipped {
  campaignId: number;
  organizationId: number;
  name: string;
  /** Why no letter went out this time. */
  reason: 'recent' | 'no_address';
}

export interface ReminderRun {
  campaigns: number[];
  sent: ReminderSent[];
  skipped: ReminderSkipped[];
  /** Founder digests sent (one letter per founder address). */
  founderLetters: number;
}

export const SKIP_REASON_TITLES: Record<ReminderSkipped['reason'], string> = {
  recent: 'уже напоминали недавно',
  no_address: 'нет адреса электронной почты в реестре',
};

export interface ReminderHistoryRow {
  id: number;
  organizationId: number;
  organization: string;
  sentAt: Date;
  trigger: SurveyReminderTrigger;
  counted: number;
  required: number;
  recipients: string[];
  mailIds: number[];
}

export interface ReminderRequestResult {
  /** True when handed to the job queue (the letters follow in a moment). */
  queued: boolean;
  /** Without a queue (CLI, tests) the run happens at once. */
  run?: ReminderRun;
}
