// The `survey.remind-lagging` job through the real queue and a local SMTP server on both backends:
// the operator's request is queued, the job writes the letters, `mail.send` delivers them with
// Cyrillic intact; the weekly schedule is registered with pg-boss at start-up.
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { authorities, organizations, surveyReminders } from '../../db/schema/index.ts';
import { startJobs, type Jobs } from '../../jobs/queue.ts';
import { until } from '../../jobs/wait.test-support.ts';
import type { ServiceDeps } from '../context.ts';
import { createMailSendJob } from '../mail/mail-send.job.ts';
import { readMail, startTestSmtp, type TestSmtp } from '../mail/smtp.test-support.ts';
import { HALF_WINDOW, progressDataset } from '../survey/progress.test-support.ts';
import type { SurveyCampaign } from '../survey/survey.test-support.ts';
import { createRemindLaggingJob } from './reminders.job.ts';
import { REMIND_LAGGING_JOB, REMIND_LAGGING_SCHEDULE } from './reminders.schema.ts';
import { createSurveyRemindersService } from './reminders.service.ts';

describeBackends('survey.remind-lagging job', ({ db, database }) => {
  let smtp: TestSmtp;
  let jobs: Jobs;
  let deps: ServiceDeps;
  let c: SurveyCampaign;

  beforeAll(async () => {
    smtp = await startTestSmtp();
    deps = {
      db: db(),
      config: parseConfig({
        NODE_ENV: 'test',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'НОК <nok@example.ru>',
        PUBLIC_URL: 'https://nok.test',
      }),
      logger: pino({ level: 'silent' }),
      now: () => HALF_WINDOW,
    };
    c = await progressDataset(db());
    await db()
      .update(organizations)
      .set({ email: 'school-b@example.ru' })
      .where(eq(organizations.id, c.orgs[1]!.id));
    await db()
      .update(authorities)
      .set({ email: 'uo@example.ru' })
      .where(eq(authorities.id, c.orgs[0]!.founderId!));
    jobs = await startJobs({
      database: database(),
      config: deps.config,
      logger: deps.logger,
      handlers: [createMailSendJob(deps), createRemindLaggingJob(deps)],
      pollingIntervalSeconds: 0.5,
    });
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
  });

  it('registers the weekly schedule', async () => {
    const rows = await queryRows<{ cron: string; timezone: string }>(
      db(),
      sql`select cron, timezone from pgboss.schedule where name = ${REMIND_LAGGING_JOB}`,
    );
    expect(rows).toEqual([
      { cron: REMIND_LAGGING_SCHEDULE.cron, timezone: REMIND_LAGGING_SCHEDULE.tz },
    ]);
  });

  it("the operator's request is queued; letters arrive through SMTP", async () => {
    const reminders = createSurveyRemindersService({ ...deps, jobs });
    const res = await reminders.request(
      { role: 'operator', label: 'Оператор', userId: undefined },
      c.campaignId,
    );
    expect(res).toEqual({ queued: true });
    // B's own letter and one digest to the founder (covering B and C).
    await until(() => smtp.received.length === 2, 20_000);
    const byTo = new Map(smtp.received.map((m) => [m.to[0], readMail(m.raw)]));
    const school = byTo.get('school-b@example.ru')!;
    expect(school.headers.get('subject')).toBe(
      `Анкетирование: учтено 0 из 20 анкет — ${c.orgs[1]!.shortName}`,
    );
    expect(school.body).toContain('Учтено анкет: 0 из 20 необходимых');
    expect(school.body).toContain(`https://nok.test/s/${c.codes[1]}`);
    const founder = byTo.get('uo@example.ru')!;
    expect(founder.body).toContain(`${c.orgs[1]!.shortName}: учтено 0 из 20`);
    expect(founder.body).toContain(`${c.orgs[2]!.shortName}: учтено 200 из 600`);
    // The job records the outbox ids after sending; SMTP may well be faster.
    const reminderRows = () =>
      db().select().from(surveyReminders).where(eq(surveyReminders.campaignId, c.campaignId));
    let rows = await reminderRows();
    for (let i = 0; i < 100 && !rows.every((r) => r.mailIds.length > 0); i++) {
      await new Promise((r) => setTimeout(r, 50));
      rows = await reminderRows();
    }
    expect(rows.map((r) => r.trigger)).toEqual(['manual', 'manual']);
    expect(rows.every((r) => r.mailIds.length > 0)).toBe(true);
  });
});
