// The monitor through the real job queue (pg-boss) on both backends: a run fans out one check job
// per organization, its progress is visible while it runs, a hanging site ends as an error check;
// a scheduled run is created once a day and mails each organization and its founder what to fix
// (a local SMTP server), or, without SMTP, leaves the letters in the outbox.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema/index.ts';
import { startJobs, type Jobs } from '../../jobs/queue.ts';
import { describeBackends } from '../../../test/db.ts';
import { FIXTURE_DATE, FIXTURE_SITES, schoolSite } from '../../../test/fixtures/sites/index.ts';
import { SYSTEM_CALLER, type ServiceDeps } from '../context.ts';
import { createMailSendJob } from '../mail/mail-send.job.ts';
import { readMail, startTestSmtp, type TestSmtp } from '../mail/smtp.test-support.ts';
import { createMonitorJobs, scheduleSlot, startScheduledRun } from './monitor.jobs.ts';
import { checksOfRun, getRun } from './monitor.repo.ts';
import { createRunner } from './monitor.runner.ts';
import { createMonitorService } from './monitor.service.ts';
import {
  monitorOrganizations,
  startMutableSites,
  testDeps,
  testRuntime,
  type MonitorFixture,
  type MutableSites,
  type TestClock,
} from './monitor.test-support.ts';

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`condition not met in time: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let sites: MutableSites;
let smtp: TestSmtp;
beforeAll(async () => {
  sites = await startMutableSites();
  sites.sites.set('school', () => schoolSite({ absent: ['inter'] }));
  sites.sites.set('kindergarten', () => schoolSite({ kind: 'preschool' }));
  sites.sites.set('hang', FIXTURE_SITES.hang!);
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await sites.server.close();
  await smtp.close();
});

describeBackends('monitor jobs', ({ db, database }) => {
  const clock: TestClock = { now: FIXTURE_DATE };
  let deps: ServiceDeps;
  let jobs: Jobs;
  let f: MonitorFixture;

  beforeAll(async () => {
    deps = testDeps(db(), clock, { SMTP_URL: smtp.url, MAIL_FROM: 'НОК <nok@example.ru>' });
    const runtime = testRuntime(sites.server);
    jobs = await startJobs({
      database: database(),
      config: deps.config,
      logger: deps.logger,
      handlers: [...createMonitorJobs(deps, runtime), createMailSendJob(deps)],
      pollingIntervalSeconds: 0.5,
      stopTimeoutMs: 5_000,
    });
    // As in `noko serve`: the services get the queue and bind it for the handlers.
    createMonitorService({ ...deps, jobs }, runtime);
    f = await monitorOrganizations(db(), sites.server);
  });
  afterAll(async () => {
    await jobs?.stop();
  });

  it('a manual run fans out one job per organization and ends with every check stored', async () => {
    const monitor = createMonitorService({ ...deps, jobs }, testRuntime(sites.server));
    const { run } = await monitor.startRun(SYSTEM_CALLER, {});
    expect(run.status).toBe('queued');
    const seen = new Set<string>();
    const done = await eventually(
      async () => {
        const r = (await monitor.getRun(SYSTEM_CALLER, run.id)).run;
        seen.add(`${r.status}:${r.done}/${r.total}`);
        return r;
      },
      (r) => r.status === 'done',
    );
    expect(done).toMatchObject({ total: 4, done: 4, errors: 2, trigger: 'manual' });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
    expect([...seen].some((s) => s.startsWith('running:'))).toBe(true);
    const checks = await checksOfRun(db(), run.id);
    expect(checks.map((c) => [c.organizationId, c.status]).sort()).toEqual(
      [
        [f.school.id, 'ok'],
        [f.kindergarten.id, 'ok'],
        [f.hanging.id, 'error'],
        [f.noSite.id, 'error'],
      ].sort(),
    );
    // A manual run sends no letters.
    expect(await db().select().from(mailOutbox)).toEqual([]);
  });

  it('a scheduled run (once a day) mails each organization and its founder what to fix', async () => {
    clock.now = new Date('2026-12-01T00:00:00Z'); // 03:00 in Moscow, the default schedule
    const runner = createRunner({ ...deps, jobs }, testRuntime(sites.server));
    const run = await startScheduledRun({ ...deps, jobs }, runner, clock.now);
    expect(run).toMatchObject({ trigger: 'schedule', scheduleSlot: scheduleSlot(clock.now) });
    expect(await startScheduledRun({ ...deps, jobs }, runner, clock.now)).toBeNull();
    await eventually(
      async () => (await getRun(db(), run!.id))!,
      (r) => r.notifiedAt !== null,
    );
    await eventually(
      async () => smtp.received.length,
      (n) => n >= 4,
    );
    const letters = new Map(smtp.received.map((m) => [m.to[0]!, readMail(m.raw)]));
    expect([...letters.keys()].sort()).toEqual([
      'hang@org.example.ru',
      'sad5@org.example.ru',
      'school@org.example.ru',
      'uo@founder.example.ru',
    ]);
    const school = letters.get('school@org.example.ru')!;
    expect(school.headers.get('subject')).toBe(
      `Мониторинг сайта: 1 замечание — ${f.school.shortName}`,
    );
    expect(school.body).toContain('Размещено обязательных сведений: 93 из 94 (98,9 %).');
    expect(school.body).toContain('Международное сотрудничество');
    expect(school.body).toContain('itemprop="internationalDog"');
    expect(school.body).toContain('Основание: приказ Рособрнадзора № 1493 п.18');
    expect(school.body).toMatch(
      /Подробный отчёт: https:\/\/nok\.example\.ru\/monitor\/checks\/\d+/,
    );
    expect(letters.get('sad5@org.example.ru')!.headers.get('subject')).toBe(
      'Мониторинг сайта: замечаний нет — МБДОУ Детский сад № 5',
    );
    expect(letters.get('hang@org.example.ru')!.body).toContain(
      'Сайт не удалось проверить: нет ответа',
    );
    const founder = letters.get('uo@founder.example.ru')!.body;
    for (const o of [f.school, f.kindergarten, f.hanging, f.noSite])
      expect(founder).toContain(o.shortName);
    const outbox = await db()
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.relatedType, 'monitor_check')));
    expect(outbox).toHaveLength(3);
  });
});

describe('monitor letters without SMTP', () => {
  describeBackends('outbox', ({ db }) => {
    it('a scheduled run without a queue and without SMTP leaves the letters in the outbox', async () => {
      const clock: TestClock = { now: new Date('2026-12-01T00:00:00Z') };
      const deps = testDeps(db(), clock);
      await monitorOrganizations(db(), sites.server);
      const run = await startScheduledRun(
        deps,
        createRunner(deps, testRuntime(sites.server)),
        clock.now,
      );
      expect(await getRun(db(), run!.id)).toMatchObject({ status: 'done', total: 4, done: 4 });
      const rows = await db().select().from(mailOutbox);
      expect(rows.map((r) => [r.to, r.transport]).sort()).toEqual(
        [
          ['hang@org.example.ru', 'outbox'],
          ['sad5@org.example.ru', 'outbox'],
          ['school@org.example.ru', 'outbox'],
          ['uo@founder.example.ru', 'outbox'],
        ].sort(),
      );
    });
  });
});
