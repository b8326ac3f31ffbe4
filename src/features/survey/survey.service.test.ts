// Survey service on both backends: resolve, submit (valid, invalid, skipped, unknown, closed,
// idempotent, one per browser, bursts), active surveys and exact stats for a hand-built set.
import pino from 'pino';
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import { surveyResponses } from '../../db/schema/index.ts';
import { parseScoreRequest } from '../../domain/scoring/input.schema.ts';
import { CLI_CALLER, PUBLIC_CALLER, type ServiceDeps } from '../context.ts';
import { countResponses } from './survey.repo.ts';
import {
  BURST_THRESHOLD,
  RATE_LIMIT_PER_HOUR,
  createSurveyService,
  type SubmitResult,
  type SurveyService,
} from './survey.service.ts';
import {
  IN_WINDOW,
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from './survey.test-support.ts';
import type { Db } from '../../db/client.ts';
import { eq } from 'drizzle-orm';

const clock = { now: IN_WINDOW };
const deps = (db: Db): ServiceDeps => ({
  db,
  config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'https://nok.test' }),
  logger: pino({ level: 'silent' }),
  now: () => clock.now,
});

const online = (code: string, answers: unknown, extra: object = {}) => ({
  code,
  answers,
  channel: 'online' as const,
  skipped: 'reject' as const,
  clientAddress: '203.0.113.7',
  userAgent: 'Test/1.0',
  ...extra,
});

describeBackends('survey service', ({ db }) => {
  let survey: SurveyService;
  let c: SurveyCampaign;
  beforeAll(async () => {
    survey = createSurveyService(deps(db()));
    c = await createSurveyCampaign(db(), { contingents: [500, 2000] });
  });

  it('resolves a code (case and spaces tolerated)', async () => {
    const t = await survey.resolve(` ${c.codes[0]!.toLowerCase()} `);
    expect(t).toMatchObject({ campaignId: c.campaignId, organizationId: c.orgs[0]!.id });
  });

  it.each([
    ['unknown code', 'ZZZZZZZZ', 'not_found', /не найдена/],
    ['garbage', 'x'.repeat(300), 'not_found', /не найдена/],
  ])('%s → 404', async (_, code, errCode, message) => {
    await expect(survey.resolve(code)).rejects.toMatchObject({ code: errCode, message });
  });

  it.each([
    ['draft campaign', { status: 'draft' as const }, /ещё не начался/],
    ['closed campaign', { status: 'calculating' as const }, /завершён/],
  ])('%s → 410 and nothing stored', async (_, opts, message) => {
    const closed = await createSurveyCampaign(db(), { ...opts, organizations: 1 });
    await expect(survey.resolve(closed.codes[0]!)).rejects.toMatchObject({ code: 'gone', message });
    const before = await countResponses(db());
    await expect(survey.submit(online(closed.codes[0]!, minimal()))).rejects.toMatchObject({
      code: 'gone',
    });
    expect(await countResponses(db())).toBe(before);
  });

  // Issue 4 item 7: "flags for … submissions outside the collection window. Flagged responses are
  // kept". The campaign collects; only the date is outside its data_collection stage.
  it.each([
    ['before the window', { start: '2026-05-01' }, 'before', /до начала сбора.*с 01\.05\.2026/],
    ['after the window', { end: '2026-04-01' }, 'after', /после окончания сбора.*по 01\.04\.2026/],
  ])('%s → stored with the outside_window flag', async (_, opts, when, reason) => {
    const off = await createSurveyCampaign(db(), { ...opts, organizations: 1 });
    expect(await survey.resolve(off.codes[0]!)).toMatchObject({
      outsideWindow: when,
      feedback: false,
    });
    const res = await survey.submit(online(off.codes[0]!, minimal()));
    expect(res).toMatchObject({ repeated: false, flags: ['outside_window'] });
    const [row] = await db().select().from(surveyResponses).where(eq(surveyResponses.id, res.id));
    expect(row).toMatchObject({ campaignId: off.campaignId, moderation: null, valid: true });
    expect(row!.flagReasons.outside_window).toMatch(reason);
    // Kept but not counted until the operator decides.
    const stats = await survey.stats(CLI_CALLER, off.campaignId);
    expect(stats.organizations[0]).toMatchObject({ valid: 0, flagged: 1 });
    // Not in the public list of surveys collecting now.
    expect((await survey.activeSurveys()).map((s) => s.code)).not.toContain(off.codes[0]);
  });

  it('stores a valid response with hashes, never the address itself', async () => {
    const res = await survey.submit(online(c.codes[0]!, { ...minimal(), q15: ' Спасибо ' }));
    expect(res).toMatchObject({ repeated: false, flags: [] });
    const [row] = await db().select().from(surveyResponses).where(eq(surveyResponses.id, res.id));
    expect(row).toMatchObject({
      campaignId: c.campaignId,
      organizationId: c.orgs[0]!.id,
      channel: 'online',
      valid: true,
      answers: { ...minimal(), q15: 'Спасибо' },
    });
    expect(row!.clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('203.0.113.7');
  });

  it.each([
    ['skipped question answered', { ...minimal(), q2: true }, 'skipped_question_answered'],
    ['unknown question', { ...minimal(), q42: true }, 'unknown_question'],
    ['wrong type', { ...minimal(), q5: 1 }, 'wrong_type'],
    ['missing', { q1: true }, 'missing_required'],
    ['too long', { ...minimal(), q15: 'a'.repeat(2001) }, 'text_too_long'],
    ['age out of range', { ...minimal(), q17: 120 }, 'out_of_range'],
  ])('%s → validation_failed, nothing stored', async (_, answers, code) => {
    const before = await countResponses(db());
    const err = await survey.submit(online(c.codes[0]!, answers)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'validation_failed' });
    expect((err as { details: { issues: { code: string }[] } }).details.issues).toContainEqual(
      expect.objectContaining({ code }),
    );
    expect(await countResponses(db())).toBe(before);
  });

  it('the form policy drops answers to hidden questions', async () => {
    const res = await survey.submit({
      ...online(c.codes[0]!, { ...minimal(), q2: true }),
      skipped: 'drop',
    });
    const [row] = await db().select().from(surveyResponses).where(eq(surveyResponses.id, res.id));
    expect(row!.answers).toEqual(minimal());
  });

  it('an Idempotency-Key never stores twice; the repeat returns the first id', async () => {
    const first = await survey.submit(online(c.codes[1]!, minimal(), { idempotencyKey: 'k-1' }));
    const before = await countResponses(db());
    const again = await survey.submit(online(c.codes[1]!, minimal(), { idempotencyKey: 'k-1' }));
    expect(again).toEqual({ id: first.id, repeated: true, flags: [] });
    const parallel = await Promise.all(
      [1, 2, 3].map(() => survey.submit(online(c.codes[1]!, minimal(), { idempotencyKey: 'k-2' }))),
    );
    expect(new Set(parallel.map((r) => r.id)).size).toBe(1);
    expect(await countResponses(db())).toBe(before + 1);
  });

  it('one response per browser per organization: a repeat is kept but flagged', async () => {
    const token = 'browser-token-1';
    const first = await survey.submit(online(c.codes[1]!, minimal(), { browserToken: token }));
    expect(first.flags).toEqual([]);
    const target = await survey.resolve(c.codes[1]!);
    expect(await survey.hasResponded(target, token)).toBe(true);
    expect(await survey.hasResponded(target, 'other')).toBe(false);
    const second = await survey.submit(online(c.codes[1]!, minimal(), { browserToken: token }));
    expect(second.flags).toEqual(['repeat_browser']);
    // Another organization from the same browser is fine.
    const other = await survey.submit(online(c.codes[0]!, minimal(), { browserToken: token }));
    expect(other.flags).toEqual([]);
  });

  it('a burst from one address is flagged', async () => {
    const burst = await createSurveyCampaign(db(), { organizations: 1 });
    const results = [];
    for (let i = 0; i <= BURST_THRESHOLD; i++) {
      results.push(
        await survey.submit(online(burst.codes[0]!, minimal(), { clientAddress: '198.51.100.1' })),
      );
    }
    expect(results.at(-2)!.flags).toEqual([]);
    expect(results.at(-1)!.flags).toEqual(['burst']);
  });

  // Group commit: submissions arriving together share one batch; they must see each other as if
  // stored one by one.
  it('concurrent submissions of one batch: bursts, the hourly limit and bad ones apart', async () => {
    const busy = await createSurveyCampaign(db(), { organizations: 1 });
    const from = (i: number, answers: unknown = minimal()) =>
      survey
        .submit(
          online(busy.codes[0]!, answers, {
            clientAddress: '198.51.100.77',
            idempotencyKey: `b-${i}`,
          }),
        )
        .catch((e: unknown) => e as { code: string });
    const results = await Promise.all([
      ...Array.from({ length: BURST_THRESHOLD + 1 }, (_, i) => from(i)),
      from(999, { q1: true }),
    ]);
    const ok = results.filter((r): r is SubmitResult => 'id' in r);
    expect(ok).toHaveLength(BURST_THRESHOLD + 1);
    expect(ok.filter((r) => r.flags.includes('burst'))).toHaveLength(1);
    expect(results.at(-1)).toMatchObject({ code: 'validation_failed' });
    expect(new Set(ok.map((r) => r.id)).size).toBe(ok.length);
    const limited = await Promise.all(
      Array.from({ length: RATE_LIMIT_PER_HOUR - BURST_THRESHOLD }, (_, i) => from(1000 + i)),
    );
    const refused = limited.filter((r) => 'code' in r && r.code === 'rate_limited');
    // 21 stored before, 279 more reach 300 in the hour; the last one of this batch is refused.
    expect(refused).toHaveLength(1);
    expect(await countResponses(db())).toBeGreaterThan(0);
  });

  it('lists open surveys with their addresses', async () => {
    const list = await survey.activeSurveys();
    expect(list).toContainEqual({
      code: c.codes[0],
      organization: c.orgs[0]!.shortName,
      campaign: expect.any(String),
      url: `https://nok.test/s/${c.codes[0]}`,
    });
    expect(list.every((s) => s.url.endsWith(s.code))).toBe(true);
  });

  it('stats need the moderation right', async () => {
    await expect(survey.stats(PUBLIC_CALLER, c.campaignId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});

describeBackends('survey stats', ({ db }) => {
  it('counts exactly a hand-built set, flagged and excluded apart', async () => {
    const survey = createSurveyService(deps(db()));
    const c = await createSurveyCampaign(db(), {
      organizations: 3,
      contingents: [100, 3000, 7],
      sample: { share: '0.50', cap: 400 },
    });
    const [a, b] = c.codes as [string, string];
    const yes = { ...minimal(), q1: true, q2: true, q10: true, q11: false };
    await survey.submit(online(a, minimal()));
    await survey.submit(online(a, yes));
    await survey.submit(online(a, { ...yes, q5: false, q14: false }));
    await survey.submit(online(b, { ...minimal(), q6: true, q7: true }));
    // Flagged (same browser twice) and excluded rows are stored but not counted.
    await survey.submit(online(b, minimal(), { browserToken: 't' }));
    const flagged = await survey.submit(online(b, minimal(), { browserToken: 't' }));
    expect(flagged.flags).toEqual(['repeat_browser']);
    const excluded = await survey.submit(online(b, minimal()));
    await db()
      .update(surveyResponses)
      .set({ moderation: 'excluded', moderationReason: 'тест' })
      .where(eq(surveyResponses.id, excluded.id));
    const stats = await survey.stats(CLI_CALLER, c.campaignId);
    expect(stats.campaign.sample).toEqual({ share: '0.50', cap: 400 });
    const byCode = new Map(stats.organizations.map((o) => [o.code, o]));
    expect(byCode.get(a)).toMatchObject({
      valid: 3,
      flagged: 0,
      excluded: 0,
      required: 50,
      survey: {
        respondents: 3,
        q1: 2,
        q2: 2,
        q3: 0,
        q4: 0,
        q5: 2,
        q6: 0,
        q7: 0,
        q8: 3,
        q9: 3,
        q10: 2,
        q11: 0,
        q12: 3,
        q13: 3,
        q14: 2,
      },
    });
    expect(byCode.get(b)).toMatchObject({
      valid: 2,
      flagged: 1,
      excluded: 1,
      required: 400,
      survey: { respondents: 2, q6: 1, q7: 1, q1: 0 },
    });
    expect(byCode.get(c.codes[2]!)).toMatchObject({ valid: 0, required: 4 });
    expect(() =>
      parseScoreRequest({
        organizations: stats.organizations.map((o) => ({
          id: String(o.organizationId),
          kind: 'school',
          stand: { present: 1, required: 1 },
          site: { present: 1, required: 1 },
          remoteChannels: 0,
          comfortConditions: 0,
          premisesAccessibility: 0,
          serviceAccessibility: 0,
          survey: o.survey,
        })),
      }),
    ).not.toThrow();
  });
});
