// Reminders to lagging organizations on both backends, without SMTP (the outbox path): who gets a
// letter, what it says, the founder's digest, never twice within the interval, organizations
// without an address, the weekly run only inside the collection window, the operator's button and
// who may press it. Dataset: progress.test-support.ts (B lags with 0 of 20, C with 200 of 600).
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import {
  auditLog,
  authorities,
  mailOutbox,
  organizations,
  surveyReminders,
} from '../../db/schema/index.ts';
import type { Role } from '../../domain/permissions/index.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { HALF_WINDOW, progressDataset } from '../survey/progress.test-support.ts';
import { createSurveyCampaign, type SurveyCampaign } from '../survey/survey.test-support.ts';
import { calendarDays, createSurveyRemindersService } from './reminders.service.ts';

const DAY = 86_400_000;
const clock = { now: HALF_WINDOW };
const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://nok.test' }),
  logger: pino({ level: 'silent' }),
  now: () => clock.now,
});
const as = (role: Role): Caller => ({
  role,
  userId: undefined,
  territoryId: role === 'municipal' ? 1 : null,
  label: role,
});

describe('calendarDays', () => {
  it.each([
    ['same local day', '2026-04-13T06:00:00Z', '2026-04-13T20:00:00Z', 0],
    ['Monday 10:00:05 → next Monday 10:00:00', '2026-04-13T07:00:05Z', '2026-04-20T07:00:00Z', 7],
    ['local midnight passed (Moscow)', '2026-04-13T20:59:00Z', '2026-04-13T21:01:00Z', 1],
  ])('%s', (_, from, to, days) => {
    expect(calendarDays(new Date(from), new Date(to), 'Europe/Moscow')).toBe(days);
  });
});

describeBackends('survey reminders (outbox)', ({ db }) => {
  let reminders: ReturnType<typeof createSurveyRemindersService>;
  let c: SurveyCampaign;
  let b: number;
  let cc: number;
  const outbox = (to: string) =>
    db().select().from(mailOutbox).where(eq(mailOutbox.to, to)).orderBy(mailOutbox.id);
  const setFounderEmail = (email: string | null) =>
    db().update(authorities).set({ email }).where(eq(authorities.id, c.orgs[0]!.founderId!));

  beforeAll(async () => {
    reminders = createSurveyRemindersService(deps(db()));
    c = await progressDataset(db());
    [b, cc] = [c.orgs[1]!.id, c.orgs[2]!.id];
    await db().update(organizations).set({ email: 'b@school.test' }).where(eq(organizations.id, b));
    await setFounderEmail(null);
  });

  it('writes to the lagging organization with its numbers and links; no address → skipped', async () => {
    clock.now = HALF_WINDOW;
    const run = await reminders.run({ campaignId: c.campaignId, trigger: 'manual' });
    expect(run.sent).toEqual([
      expect.objectContaining({
        organizationId: b,
        counted: 0,
        required: 20,
        recipients: ['b@school.test'],
      }),
    ]);
    expect(run.skipped).toEqual([
      expect.objectContaining({ organizationId: cc, reason: 'no_address' }),
    ]);
    const [letter] = await outbox('b@school.test');
    expect(letter).toMatchObject({
      transport: 'outbox',
      subject: `Анкетирование: учтено 0 из 20 анкет — ${c.orgs[1]!.shortName}`,
      relatedType: 'campaign',
      relatedId: String(c.campaignId),
    });
    expect(letter!.text).toContain('Учтено анкет: 0 из 20 необходимых (0 %).');
    expect(letter!.text).toContain(`https://nok.test/s/${c.codes[1]}`);
    expect(letter!.text).toContain(
      `https://nok.test/campaigns/${c.campaignId}/print/${b}/poster.pdf`,
    );
    expect(letter!.text).toContain(`https://nok.test/campaigns/${c.campaignId}/print/${b}/qr.png`);
    expect(letter!.text).toContain('с 01.03.2026 по 31.05.2026');
    const rows = await db()
      .select()
      .from(surveyReminders)
      .where(eq(surveyReminders.organizationId, b));
    expect(rows).toEqual([
      expect.objectContaining({
        trigger: 'manual',
        counted: 0,
        required: 20,
        mailIds: [letter!.id],
      }),
    ]);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'survey.reminders'), eq(auditLog.entityId, String(c.campaignId))),
      );
    expect(audit[0]?.after).toEqual({ trigger: 'manual', organizations: [b] });
  });

  it('never twice within the interval, however often it runs', async () => {
    const run = await reminders.run({ campaignId: c.campaignId, trigger: 'manual' });
    expect(run.sent).toEqual([]);
    expect(run.skipped.map((s) => [s.organizationId, s.reason])).toEqual([
      [b, 'recent'],
      [cc, 'no_address'],
    ]);
    expect(await outbox('b@school.test')).toHaveLength(1);
  });

  it('the founder gets one digest; the interval is counted per organization', async () => {
    await setFounderEmail('uo@city.test');
    clock.now = new Date(+HALF_WINDOW + 6 * DAY);
    const first = await reminders.run({ campaignId: c.campaignId });
    expect(first.sent.map((s) => [s.organizationId, s.recipients])).toEqual([
      [cc, ['uo@city.test']],
    ]);
    expect(first.founderLetters).toBe(1);

    clock.now = new Date(+HALF_WINDOW + 7 * DAY);
    const second = await reminders.run({ campaignId: c.campaignId });
    expect(second.sent.map((s) => [s.organizationId, s.recipients])).toEqual([
      [b, ['b@school.test', 'uo@city.test']],
    ]);
    expect(second.skipped).toEqual([
      expect.objectContaining({ organizationId: cc, reason: 'recent' }),
    ]);
    const digests = await outbox('uo@city.test');
    expect(digests).toHaveLength(2);
    expect(digests[0]!.subject).toContain('отстающих подведомственных организаций — 1');
    expect(digests[0]!.text).toContain(`${c.orgs[2]!.shortName}: учтено 200 из 600`);
    expect(digests[1]!.text).toContain(`${c.orgs[1]!.shortName}: учтено 0 из 20`);
    expect(digests[1]!.text).toContain(`https://nok.test/campaigns/${c.campaignId}/survey`);
    expect(await outbox('b@school.test')).toHaveLength(2);
  });

  it('the weekly run writes only while the collection window is open', async () => {
    clock.now = new Date('2026-06-20T09:00:00Z');
    const after = await reminders.run({ trigger: 'scheduled' });
    expect(after.campaigns).toEqual([]);
    clock.now = new Date('2026-02-20T09:00:00Z');
    expect((await reminders.run({})).campaigns).toEqual([]);
    clock.now = new Date(+HALF_WINDOW + 21 * DAY);
    const open = await reminders.run({});
    expect(open.campaigns).toEqual([c.campaignId]);
    expect(open.sent.map((s) => s.organizationId).sort()).toEqual([b, cc].sort());
  });

  it('the button: operator runs it now (no queue); history newest first', async () => {
    clock.now = new Date(+HALF_WINDOW + 28 * DAY);
    const res = await reminders.request(as('operator'), c.campaignId);
    expect(res.queued).toBe(false);
    expect(res.run?.sent.map((s) => s.organizationId).sort()).toEqual([b, cc].sort());
    const history = await reminders.history(as('regional_admin'), c.campaignId);
    expect(history[0]).toMatchObject({ trigger: 'manual' });
    expect(history.length).toBeGreaterThanOrEqual(6);
    expect(history.map((h) => +h.sentAt)).toEqual(
      [...history.map((h) => +h.sentAt)].sort((x, y) => y - x),
    );
  });

  it.each(['expert', 'council', 'organization', 'municipal'] as const)(
    '%s may not press the button nor read the history',
    async (role) => {
      await expect(reminders.request(as(role), c.campaignId)).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(reminders.history(as(role), c.campaignId)).rejects.toMatchObject({
        code: 'forbidden',
      });
    },
  );

  it('only during data collection; unknown campaign → not found', async () => {
    const done = await createSurveyCampaign(db(), { status: 'calculating', organizations: 1 });
    await expect(reminders.request(as('operator'), done.campaignId)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await expect(reminders.request(as('operator'), 999_999)).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(
      (await reminders.run({ campaignId: done.campaignId, trigger: 'manual' })).campaigns,
    ).toEqual([]);
  });
});
