// Feedback between campaigns on both backends (issue 4 item 8): a survey code of a campaign past
// its data collection takes feedback (the form, the feedback API), stored apart and never counted
// in the campaign; idempotency and anti-fraud flags as for responses; quarterly summaries per
// organization and municipality, each caller seeing its own scope.
import pino from 'pino';
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { feedbackResponses, feedbackSalts } from '../../db/schema/index.ts';
import { CLI_CALLER, type Caller, type ServiceDeps } from '../context.ts';
import { countResponses } from '../survey/survey.repo.ts';
import { createSurveyService, type SurveyService } from '../survey/survey.service.ts';
import {
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from '../survey/survey.test-support.ts';
import { countFeedback } from './feedback.repo.ts';
import { quarterOf, quarterTitle } from './feedback.schema.ts';
import { createFeedbackService } from './feedback.service.ts';

const clock = { now: new Date('2026-07-10T09:00:00Z') };
const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
  logger: pino({ level: 'silent' }),
  now: () => clock.now,
});

const form = (code: string, answers: unknown, extra: object = {}) => ({
  code,
  answers,
  channel: 'online' as const,
  skipped: 'drop' as const,
  mode: 'auto' as const,
  clientAddress: '203.0.113.50',
  userAgent: 'Test/1.0',
  ...extra,
});

it.each([
  ['2026-01-01', '2026-Q1'],
  ['2026-03-31', '2026-Q1'],
  ['2026-04-01', '2026-Q2'],
  ['2026-09-30', '2026-Q3'],
  ['2026-12-31', '2026-Q4'],
])('quarterOf(%s) = %s', (date, quarter) => {
  expect(quarterOf(date)).toBe(quarter);
});

it('names quarters in Russian', () => {
  expect(quarterTitle('2026-Q3')).toBe('III квартал 2026 (июль – сентябрь)');
});

describeBackends('feedback between campaigns', ({ db }) => {
  let survey: SurveyService;
  let done: SurveyCampaign;
  beforeAll(async () => {
    survey = createSurveyService(deps(db()));
    done = await createSurveyCampaign(db(), { status: 'published', organizations: 2 });
  });

  it('the form takes feedback after collection: stored apart, never a campaign response', async () => {
    const target = await survey.resolve(done.codes[0]!, 'auto');
    expect(target).toMatchObject({ feedback: true, outsideWindow: null });
    const responses = await countResponses(db());
    const res = await survey.submit(form(done.codes[0]!, { ...minimal(), q15: ' Спасибо ' }));
    expect(res).toMatchObject({ kind: 'feedback', repeated: false, flags: [] });
    expect(await countResponses(db())).toBe(responses);
    const [row] = await db()
      .select()
      .from(feedbackResponses)
      .where(eq(feedbackResponses.id, res.id));
    expect(row).toMatchObject({
      organizationId: done.orgs[0]!.id,
      campaignId: done.campaignId,
      surveyCode: done.codes[0],
      channel: 'online',
      quarter: '2026-Q3',
      answers: { ...minimal(), q15: 'Спасибо' },
    });
    expect(row!.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('203.0.113.50');
    const stats = await survey.stats(CLI_CALLER, done.campaignId);
    expect(stats.organizations.every((o) => o.valid === 0 && o.flagged === 0)).toBe(true);
  });

  it.each([
    ['the responses API after collection', 'published', 'survey', 'gone'],
    ['the feedback API while collecting', 'collecting', 'feedback', 'conflict'],
    ['any mode before collection', 'list_approved', 'auto', 'gone'],
  ] as const)('%s → refused (%s campaign), nothing stored', async (_, status, mode, code) => {
    const c = await createSurveyCampaign(db(), { status, organizations: 1 });
    const before = [await countResponses(db()), await countFeedback(db())];
    await expect(survey.submit(form(c.codes[0]!, minimal(), { mode }))).rejects.toMatchObject({
      code,
    });
    expect([await countResponses(db()), await countFeedback(db())]).toEqual(before);
  });

  it('an Idempotency-Key stores feedback once, also when repeated at the same time', async () => {
    const key = { idempotencyKey: 'fb-1' };
    const [a, b, c] = await Promise.all(
      [1, 2, 3].map(() => survey.submit(form(done.codes[1]!, minimal(), key))),
    );
    expect(new Set([a!.id, b!.id, c!.id]).size).toBe(1);
    expect([a, b, c].filter((r) => !r!.repeated)).toHaveLength(1);
    const rows = await db()
      .select()
      .from(feedbackResponses)
      .where(eq(feedbackResponses.idempotencyKey, 'fb-1'));
    expect(rows).toHaveLength(1);
  });

  it('invalid feedback is refused with the questionnaire issues and not stored', async () => {
    const before = await countFeedback(db());
    const err = await survey.submit(form(done.codes[1]!, { q1: true })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation_failed' });
    expect(await countFeedback(db())).toBe(before);
  });

  it('a repeat from the same browser is kept but flagged', async () => {
    const token = { browserToken: 'feedback-browser-1' };
    expect((await survey.submit(form(done.codes[1]!, minimal(), token))).flags).toEqual([]);
    expect((await survey.submit(form(done.codes[1]!, minimal(), token))).flags).toEqual([
      'repeat_browser',
    ]);
  });

  it('a quarter salt destroys the salts of earlier quarters', async () => {
    const rows = await db().select().from(feedbackSalts);
    expect(rows.find((r) => r.quarter === '2026-Q3')?.salt).toBeInstanceOf(Uint8Array);
    clock.now = new Date('2026-10-02T09:00:00Z');
    try {
      await survey.submit(form(done.codes[0]!, minimal()));
    } finally {
      clock.now = new Date('2026-07-10T09:00:00Z');
    }
    const after = await db().select().from(feedbackSalts);
    expect(after.find((r) => r.quarter === '2026-Q3')).toMatchObject({ salt: null });
    expect(after.find((r) => r.quarter === '2026-Q4')?.salt).toBeInstanceOf(Uint8Array);
  });
});

describeBackends('feedback summaries', ({ db }) => {
  it('counts per organization and municipality, «Да» shares over unflagged feedback, by scope', async () => {
    const survey = createSurveyService(deps(db()));
    const feedback = createFeedbackService(deps(db()));
    const a = await createSurveyCampaign(db(), { status: 'closed', organizations: 2 });
    const b = await createSurveyCampaign(db(), { status: 'reporting', organizations: 1 });
    const no = { ...minimal(), q5: false, q14: false };
    const yes12 = { ...minimal(), q1: true, q2: true, q12: true };
    const send = (code: string, answers: unknown, extra: object = {}) =>
      survey.submit(form(code, answers, { clientAddress: null, ...extra }));
    clock.now = new Date('2026-02-10T09:00:00Z'); // Q1: one for a[0]
    await send(a.codes[0]!, minimal());
    clock.now = new Date('2026-05-10T09:00:00Z'); // Q2
    await send(a.codes[0]!, minimal());
    await send(a.codes[0]!, no);
    await send(a.codes[0]!, yes12, { browserToken: 'br-1' });
    const flagged = await send(a.codes[0]!, no, { browserToken: 'br-1' });
    expect(flagged.flags).toEqual(['repeat_browser']);
    await send(a.codes[1]!, yes12);
    await send(b.codes[0]!, no);

    const q2 = await feedback.summary(CLI_CALLER, { quarter: '2026-Q2' });
    expect(q2).toMatchObject({ quarter: '2026-Q2', scope: 'all' });
    expect(q2.quarters).toEqual(expect.arrayContaining(['2026-Q2', '2026-Q1']));
    const org = (id: number) => q2.organizations.find((o) => o.id === id)!.counts;
    const share = (c: ReturnType<typeof org>, q: string) => c.questions.find((x) => x.id === q)!;
    const a0 = org(a.orgs[0]!.id);
    expect(a0).toMatchObject({ responses: 4, flagged: 1 });
    expect(share(a0, 'q5')).toMatchObject({ answered: 3, yes: 2, share: 2 / 3 });
    expect(share(a0, 'q2')).toMatchObject({ answered: 1, yes: 1, share: 1 });
    expect(share(a0, 'q4')).toMatchObject({ answered: 0, yes: 0, share: null });
    const munA = q2.municipalities.find((m) => m.id === a.orgs[0]!.municipalityId)!;
    expect(munA.counts).toMatchObject({ responses: 5, flagged: 1 });
    expect(share(munA.counts, 'q14')).toMatchObject({ answered: 4, yes: 3 });
    expect(
      q2.municipalities.find((m) => m.id === b.orgs[0]!.municipalityId)!.counts.responses,
    ).toBe(1);

    // A municipal authority sees its municipality, an organization itself, the council nothing.
    const municipal: Caller = {
      role: 'municipal',
      label: 't',
      userId: 1,
      territoryId: b.orgs[0]!.municipalityId,
    };
    const mine = await feedback.summary(municipal, { quarter: '2026-Q2' });
    expect(mine.scope).toBe('municipality');
    expect(mine.organizations.map((o) => o.id)).toEqual([b.orgs[0]!.id]);
    expect(mine.total.responses).toBe(1);
    const school: Caller = {
      role: 'organization',
      label: 't',
      userId: 2,
      organizationId: a.orgs[0]!.id,
    };
    const own = await feedback.summary(school);
    expect(own).toMatchObject({ scope: 'organization', quarter: '2026-Q2' });
    expect(own.quarters).toEqual(['2026-Q2', '2026-Q1']);
    expect(own.organizations.map((o) => o.id)).toEqual([a.orgs[0]!.id]);
    const q1 = await feedback.summary(school, { quarter: '2026-Q1' });
    expect(q1.total.responses).toBe(1);
    await expect(feedback.summary({ role: 'council', label: 't' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(feedback.summary(CLI_CALLER, { quarter: '2026-5' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});
