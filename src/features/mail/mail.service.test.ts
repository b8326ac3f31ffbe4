// Mail on both backends: without SMTP a message stays in the outbox; with SMTP_URL the `mail.send`
// job delivers it to a real (local) SMTP server, Cyrillic intact, and marks it sent; delivery
// errors are recorded; only the regional administrator reads the outbox.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.ts';
import { startJobs, type Jobs } from '../../jobs/queue.ts';
import { until } from '../../jobs/wait.test-support.ts';
import { describeBackends } from '../../../test/db.ts';
import { SYSTEM_CALLER, type Caller, type ServiceDeps } from '../context.ts';
import { createMailSendJob } from './mail-send.job.ts';
import { createMailService } from './mail.service.ts';
import { closedSmtpUrl, readMail, startTestSmtp, type TestSmtp } from './smtp.test-support.ts';

const logger = pino({ level: 'silent' });
const operator: Caller = { role: 'operator', userId: 1, label: 'оператор' };

const letter = {
  to: 'director@school.example.ru',
  subject: 'Анкетирование: осталось 3 дня — «Школа № 5»',
  text: 'Здравствуйте!\nДо конца анкетирования осталось 3 дня. Ёжик, щука, эхо.\n',
};

describeBackends('mail service', ({ db, database }) => {
  describe('without SMTP', () => {
    const deps = (): ServiceDeps => ({
      db: db(),
      config: parseConfig({ NODE_ENV: 'test' }),
      logger,
      now: () => new Date(),
    });

    it('keeps the message in the outbox, with an audit entry', async () => {
      const mail = createMailService(deps());
      const sent = await mail.send(undefined, { ...letter, relatedType: 'campaign', relatedId: 7 });
      expect(sent.status).toBe('outbox');
      const row = await mail.get(SYSTEM_CALLER, sent.id);
      expect(row).toMatchObject({ ...letter, transport: 'outbox', sentAt: null, status: 'outbox' });
      expect(row.relatedId).toBe('7');
      const list = await mail.list(SYSTEM_CALLER, {});
      expect(list.rows[0]?.id).toBe(sent.id);
      expect(list.total).toBeGreaterThanOrEqual(1);
      const audit = await db().query.auditLog.findFirst({
        where: (a, { and, eq }) => and(eq(a.entityType, 'mail'), eq(a.entityId, String(sent.id))),
      });
      expect(audit).toMatchObject({ action: 'send', actorLabel: 'система' });
    });

    it('rejects a bad address and an empty subject, recording nothing', async () => {
      const mail = createMailService(deps());
      const before = (await mail.list(SYSTEM_CALLER, {})).total;
      await expect(mail.send(undefined, { ...letter, to: 'не адрес' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
      await expect(mail.send(undefined, { ...letter, subject: ' ' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
      expect((await mail.list(SYSTEM_CALLER, {})).total).toBe(before);
    });

    it('shows the outbox to the regional administrator only', async () => {
      const mail = createMailService(deps());
      await expect(mail.list(operator, {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(mail.get(operator, 1)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(mail.get(SYSTEM_CALLER, 999_999)).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  describe('with SMTP', () => {
    let smtp: TestSmtp;
    let jobs: Jobs;
    let deps: ServiceDeps;
    beforeAll(async () => {
      smtp = await startTestSmtp();
      deps = {
        db: db(),
        config: parseConfig({
          NODE_ENV: 'test',
          SMTP_URL: smtp.url,
          MAIL_FROM: 'НОК <nok@example.ru>',
        }),
        logger,
        now: () => new Date(),
      };
      jobs = await startJobs({
        database: database(),
        config: deps.config,
        logger,
        handlers: [createMailSendJob(deps)],
        pollingIntervalSeconds: 0.5,
      });
    });
    afterAll(async () => {
      await jobs?.stop();
      await smtp?.close();
    });

    it('delivers through the mail.send job and marks the message sent', async () => {
      const mail = createMailService({ ...deps, jobs });
      const sent = await mail.send(undefined, letter);
      expect(sent.status).toBe('queued');
      await until(() => smtp.received.length === 1);
      const got = smtp.received[0]!;
      expect(got.to).toEqual([letter.to]);
      expect(got.from).toBe('nok@example.ru');
      const { headers, body } = readMail(got.raw);
      expect(headers.get('subject')).toBe(letter.subject);
      expect(headers.get('from')).toContain('НОК');
      expect(body).toBe(letter.text.trimEnd());
      let row = await mail.get(SYSTEM_CALLER, sent.id);
      for (let i = 0; i < 40 && !row.sentAt; i++) {
        await new Promise((r) => setTimeout(r, 50));
        row = await mail.get(SYSTEM_CALLER, sent.id);
      }
      expect(row).toMatchObject({ transport: 'smtp', status: 'sent', error: null, attempts: 1 });
    });

    it('records the error when the server cannot be reached (no queue: one attempt now)', async () => {
      const down = {
        ...deps,
        config: parseConfig({ NODE_ENV: 'test', SMTP_URL: await closedSmtpUrl() }),
      };
      const mail = createMailService(down);
      const sent = await mail.send(undefined, letter);
      expect(sent.status).toBe('failed');
      const row = await mail.get(SYSTEM_CALLER, sent.id);
      expect(row).toMatchObject({ status: 'failed', sentAt: null, attempts: 1 });
      expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    });
  });
});
