// E-mail reminders to organizations lagging behind their survey sample (issue 4 item 6). The
// lagging rule is the sample control's (progress.schema.ts); letters go through the mail service
// (SMTP, or the outbox page without SMTP_URL). An organization is written to at most once within
// SURVEY_REMINDER_INTERVAL_DAYS (calendar days in the region's time zone, so the weekly run on a
// Monday never misses the next Monday by a few seconds); survey_reminders remembers every letter.
//
// A run claims the due organizations in one transaction (advisory lock per campaign, reminder rows,
// audit entry), sends after the commit as the mail service asks, then records the outbox ids; a
// claim whose letters were never recorded is withdrawn, so a crash does not silence anybody for a
// week.
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { authorize } from '../../domain/permissions/index.ts';
import type { SurveyReminderTrigger } from '../../db/schema/index.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { SYSTEM_CALLER, type Caller, type ServiceDeps } from '../context.ts';
import { createMailService } from '../mail/mail.service.ts';
import { progressCampaign } from '../survey/progress.repo.ts';
import type { OrganizationProgress, SurveyProgress } from '../survey/progress.schema.ts';
import { createProgressService } from '../survey/progress.service.ts';
import { surveyUrl } from '../survey-print/print.schema.ts';
import {
  collectingCampaignIds,
  deleteReminders,
  insertReminders,
  lastReminders,
  lockCampaignReminders,
  organizationContacts,
  reminderHistory,
  setReminderMails,
  type OrganizationContact,
} from './reminders.repo.ts';
import {
  REMIND_LAGGING_JOB,
  RemindLaggingData,
  type ReminderHistoryRow,
  type ReminderRequestResult,
  type ReminderRun,
} from './reminders.schema.ts';
import {
  founderLetter,
  organizationLetter,
  type LetterCampaign,
  type LetterOrganization,
} from './reminders.text.ts';

const isEmail = (v: string | null): v is string => v !== null && z.email().safeParse(v).success;

/** Whole calendar days from `from` to `to` in `timeZone`. */
export function calendarDays(from: Date, to: Date, timeZone: string): number {
  const day = (d: Date) =>
    Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone }).format(d) + 'T00:00:00Z');
  return Math.round((day(to) - day(from)) / 86_400_000);
}

interface Claim {
  id: number;
  org: LetterOrganization;
  contact: OrganizationContact;
  mailIds: number[];
}

export function createSurveyRemindersService(deps: ServiceDeps) {
  const { db } = deps;
  const { progress } = createProgressService(deps);
  const mail = createMailService(deps);
  const interval = deps.config.SURVEY_REMINDER_INTERVAL_DAYS;
  const base = deps.config.publicUrl;

  /** Decides and records who is written to now; the letters are sent after the commit. */
  async function claim(
    p: SurveyProgress,
    trigger: SurveyReminderTrigger,
    requestedById: number | undefined,
    out: ReminderRun,
  ): Promise<Claim[]> {
    const lagging = p.organizations.filter((o) => o.code);
    const contacts = new Map(
      (
        await organizationContacts(
          db,
          lagging.map((o) => o.organizationId),
        )
      ).map((c) => [c.organizationId, c]),
    );
    const now = deps.now();
    return db.transaction(async (tx) => {
      await lockCampaignReminders(tx, p.campaign.id);
      const last = await lastReminders(
        tx,
        p.campaign.id,
        lagging.map((o) => o.organizationId),
      );
      const due: Array<{ o: OrganizationProgress; contact: OrganizationContact }> = [];
      for (const o of lagging) {
        const contact = contacts.get(o.organizationId)!;
        const skip = { campaignId: p.campaign.id, organizationId: o.organizationId, name: o.name };
        const at = last.get(o.organizationId);
        if (at && calendarDays(at, now, p.window.timezone) < interval) {
          out.skipped.push({ ...skip, reason: 'recent' });
        } else if (!isEmail(contact.email) && !isEmail(contact.founderEmail)) {
          out.skipped.push({ ...skip, reason: 'no_address' });
        } else due.push({ o, contact });
      }
      const rows = await insertReminders(
        tx,
        due.map(({ o, contact }) => ({
          campaignId: p.campaign.id,
          organizationId: o.organizationId,
          sentAt: now,
          trigger,
          counted: o.counted,
          required: o.required,
          recipients: [contact.email, contact.founderEmail].filter(isEmail),
          requestedById: requestedById ?? null,
        })),
      );
      if (rows.length > 0) {
        await recordAudit(tx, SYSTEM_CALLER, {
          action: 'survey.reminders',
          entityType: 'campaign',
          entityId: p.campaign.id,
          after: { trigger, organizations: rows.map((r) => r.organizationId) },
        });
      }
      return rows.map((r, i) => {
        const { o, contact } = due[i]!;
        return {
          id: r.id,
          contact,
          mailIds: [],
          org: {
            organizationId: o.organizationId,
            name: o.name,
            fullName: contact.fullName,
            counted: o.counted,
            required: o.required,
            surveyUrl: surveyUrl(base, o.code!),
          },
        };
      });
    });
  }

  /** Sends the claimed letters: one per organization, one digest per founder address. */
  async function send(c: LetterCampaign, claims: Claim[]): Promise<number> {
    const related = { relatedType: 'campaign', relatedId: c.id };
    for (const cl of claims) {
      if (!isEmail(cl.contact.email)) continue;
      const letter = organizationLetter(base, c, cl.org, interval);
      cl.mailIds.push(
        (await mail.send(SYSTEM_CALLER, { to: cl.contact.email, ...letter, ...related })).id,
      );
    }
    const founders = new Map<string, Claim[]>();
    for (const cl of claims) {
      const to = cl.contact.founderEmail;
      if (isEmail(to)) founders.set(to, [...(founders.get(to) ?? []), cl]);
    }
    for (const [to, group] of founders) {
      const name = group[0]!.contact.founderName ?? 'учредитель';
      const letter = founderLetter(
        base,
        c,
        name,
        group.map((g) => g.org),
      );
      const { id } = await mail.send(SYSTEM_CALLER, { to, ...letter, ...related });
      for (const g of group) g.mailIds.push(id);
    }
    return founders.size;
  }

  /** Stores the outbox ids; withdraws claims whose letters were never recorded. */
  async function settle(campaignId: number, claims: Claim[]): Promise<void> {
    if (claims.length === 0) return;
    await db.transaction(async (tx) => {
      for (const cl of claims) if (cl.mailIds.length) await setReminderMails(tx, cl.id, cl.mailIds);
      const withdrawn = claims.filter((cl) => cl.mailIds.length === 0);
      await deleteReminders(
        tx,
        withdrawn.map((cl) => cl.id),
      );
      await recordAudit(tx, SYSTEM_CALLER, {
        action: 'survey.reminders_sent',
        entityType: 'campaign',
        entityId: campaignId,
        after: {
          mails: [...new Set(claims.flatMap((cl) => cl.mailIds))],
          withdrawn: withdrawn.map((cl) => cl.org.organizationId),
        },
      });
    });
  }

  async function remindCampaign(
    campaignId: number,
    trigger: SurveyReminderTrigger,
    requestedById: number | undefined,
    out: ReminderRun,
  ): Promise<void> {
    const p = await progress(SYSTEM_CALLER, campaignId, { laggingOnly: true });
    if (p.campaign.status !== 'collecting') return;
    const open = p.window.elapsed !== null && p.window.elapsed > 0 && p.window.elapsed < 1;
    // The weekly run writes only while the window is open; the operator may write any time.
    if (trigger === 'scheduled' && !open) return;
    out.campaigns.push(campaignId);
    const claims = await claim(p, trigger, requestedById, out);
    const c: LetterCampaign = {
      id: p.campaign.id,
      title: p.campaign.title,
      start: p.window.start,
      end: p.window.end,
      elapsed: p.window.elapsed,
    };
    try {
      out.founderLetters += await send(c, claims);
    } finally {
      await settle(campaignId, claims);
    }
    for (const cl of claims) {
      out.sent.push({
        campaignId,
        organizationId: cl.org.organizationId,
        name: cl.org.name,
        counted: cl.org.counted,
        required: cl.org.required,
        recipients: [cl.contact.email, cl.contact.founderEmail].filter(isEmail),
      });
    }
  }

  /** One run (the job's handler): a campaign, or every campaign collecting data. */
  async function run(raw: RemindLaggingData): Promise<ReminderRun> {
    const data = RemindLaggingData.parse(raw);
    const out: ReminderRun = { campaigns: [], sent: [], skipped: [], founderLetters: 0 };
    const ids = data.campaignId ? [data.campaignId] : await collectingCampaignIds(db);
    for (const id of ids) await remindCampaign(id, data.trigger, data.requestedById, out);
    deps.logger.info(
      { campaigns: out.campaigns, sent: out.sent.length, skipped: out.skipped.length },
      'survey reminders',
    );
    return out;
  }

  return {
    run,

    /** The operator's button: queue a run for one campaign (or run it now without a queue). */
    async request(caller: Caller, campaignId: number): Promise<ReminderRequestResult> {
      authorize(caller, 'survey.moderate');
      const c = await progressCampaign(db, campaignId);
      if (!c) throw AppError.notFound(`Кампания ${campaignId} не найдена`);
      if (c.status !== 'collecting') {
        throw AppError.invalidState('Напоминания отправляются только во время сбора данных');
      }
      await db.transaction((tx) =>
        recordAudit(tx, caller, {
          action: 'survey.reminders_requested',
          entityType: 'campaign',
          entityId: campaignId,
        }),
      );
      const data = {
        campaignId,
        trigger: 'manual' as const,
        ...(caller.userId ? { requestedById: caller.userId } : {}),
      };
      if (deps.jobs) {
        await deps.jobs.send(REMIND_LAGGING_JOB, data, { singletonKey: `campaign-${campaignId}` });
        return { queued: true };
      }
      return { queued: false, run: await run(data) };
    },

    /** Reminders sent in a campaign, newest first. */
    async history(caller: Caller, campaignId: number): Promise<ReminderHistoryRow[]> {
      authorize(caller, 'survey.moderate');
      if (!(await progressCampaign(db, campaignId))) {
        throw AppError.notFound(`Кампания ${campaignId} не найдена`);
      }
      return reminderHistory(db, campaignId, 500);
    },
  };
}

export type SurveyRemindersService = ReturnType<typeof createSurveyRemindersService>;
