// Paper entry on both backends: valid, invalid, dependent answered → refused, packet positions,
// batch totals, double entry with an exact mismatch report, second entries never counted, roles.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import type { Caller } from '../context.ts';
import { createPaperService, type PaperService } from './paper.service.ts';
import { testDeps, userCaller } from './paper.test-support.ts';
import { createSurveyService, type SurveyService } from './survey.service.ts';
import { createSurveyCampaign, minimal, type SurveyCampaign } from './survey.test-support.ts';

describeBackends('paper entry', ({ db }) => {
  let paper: PaperService;
  let survey: SurveyService;
  let c: SurveyCampaign;
  let op: Caller;
  let expert: Caller;
  const at = <T extends object = object>(extra: T = {} as T) => ({
    campaignId: c.campaignId,
    organizationId: c.orgs[0]!.id,
    batchNumber: 'П-1',
    ...extra,
  });
  beforeAll(async () => {
    paper = createPaperService(testDeps(db()));
    survey = createSurveyService(testDeps(db()));
    c = await createSurveyCampaign(db());
    op = await userCaller(db(), 'operator', 'Оператор Первый');
    expert = await userCaller(db(), 'expert', 'Эксперт Второй');
  });

  it('stores valid questionnaires one after another in the packet', async () => {
    const a = await paper.enterPaper(op, { ...at(), answers: minimal() });
    const b = await paper.enterPaper(op, {
      surveyCode: c.codes[0]!.toLowerCase(),
      batchNumber: ' П-1 ',
      answers: { ...minimal(), q1: true, q2: false },
    });
    expect([a.sequenceNumber, b.sequenceNumber]).toEqual([1, 2]);
    expect(b).toMatchObject({ organizationId: c.orgs[0]!.id, batchNumber: 'П-1' });
  });

  it.each([
    [
      'dependent answered while its filter is «Нет»',
      { ...minimal(), q2: true },
      /Вопрос 2 задаётся только/,
    ],
    ['a required question missing', { ...minimal(), q5: undefined }, /Вопрос 5: нужен ответ/],
    ['a wrong value', { ...minimal(), q17: 7 }, /от 14 до 100/],
  ])('refuses %s and stores nothing', async (_, answers, message) => {
    await expect(paper.enterPaper(op, { ...at(), answers })).rejects.toMatchObject({
      code: 'validation_failed',
      message,
    });
    const totals = await paper.batchTotals(op, c.campaignId, { batchNumber: 'П-1' });
    expect(totals.reduce((s, t) => s + t.entered, 0)).toBe(2);
  });

  it('refuses a taken packet position, a missing batch and an unknown organization', async () => {
    await expect(
      paper.enterPaper(op, { ...at({ sequenceNumber: 1 }), answers: minimal() }),
    ).rejects.toMatchObject({ code: 'conflict', message: /№ 1 пакета «П-1» уже введена/ });
    await expect(
      paper.enterPaper(op, { ...at({ batchNumber: '  ' }), answers: minimal() }),
    ).rejects.toMatchObject({ code: 'validation_failed', message: /номер пакета/ });
    await expect(
      paper.enterPaper(op, { ...at({ organizationId: 999999 }), answers: minimal() }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a campaign that is not collecting', async () => {
    const closed = await createSurveyCampaign(db(), { status: 'calculating', organizations: 1 });
    await expect(
      paper.enterPaper(op, { surveyCode: closed.codes[0]!, batchNumber: '1', answers: minimal() }),
    ).rejects.toMatchObject({ code: 'invalid_state' });
  });

  it('totals per organization, packet and operator', async () => {
    await paper.enterPaper(expert, { ...at(), answers: minimal() });
    await paper.enterPaper(op, { ...at({ batchNumber: 'П-2' }), answers: minimal() });
    await paper.enterPaper(op, {
      ...at({ organizationId: c.orgs[1]!.id }),
      answers: minimal(),
    });
    const totals = await paper.batchTotals(op, c.campaignId);
    expect(
      totals.map((t) => [t.organizationName, t.batchNumber, t.operatorName, t.entered]),
    ).toEqual([
      [c.orgs[0]!.shortName, 'П-1', 'Оператор Первый', 2],
      [c.orgs[0]!.shortName, 'П-1', 'Эксперт Второй', 1],
      [c.orgs[0]!.shortName, 'П-2', 'Оператор Первый', 1],
      [c.orgs[1]!.shortName, 'П-1', 'Оператор Первый', 1],
    ]);
  });

  it('double entry: exact mismatches, never counted twice', async () => {
    const before = await survey.stats(op, c.campaignId);
    const same = await paper.enterSecond(expert, {
      ...at({ sequenceNumber: 1 }),
      answers: minimal(),
    });
    expect(same).toEqual([]);
    const diff = await paper.enterSecond(expert, {
      ...at({ sequenceNumber: 2 }),
      answers: { ...minimal(), q1: true, q2: true, q14: false, q17: 40 },
    });
    expect(diff).toEqual([
      { question: 'q2', number: 2, first: 'Нет', second: 'Да' },
      { question: 'q14', number: 14, first: 'Да', second: 'Нет' },
      { question: 'q17', number: 17, first: '—', second: '40' },
    ]);
    await expect(
      paper.enterSecond(expert, { ...at({ sequenceNumber: 2 }), answers: minimal() }),
    ).rejects.toMatchObject({ code: 'conflict', message: /уже введена повторно/ });
    await expect(
      paper.enterSecond(expert, { ...at({ sequenceNumber: 9 }), answers: minimal() }),
    ).rejects.toMatchObject({ code: 'not_found', message: /ещё не введена/ });

    const report = await paper.mismatchReport(op, c.campaignId);
    expect(report).toMatchObject({ compared: 2, withMismatches: 1 });
    expect(report.rows.map((r) => [r.sequenceNumber, r.mismatches.length])).toEqual([
      [1, 0],
      [2, 3],
    ]);
    expect(report.rows[1]).toMatchObject({
      firstOperator: 'Оператор Первый',
      secondOperator: 'Эксперт Второй',
    });
    const after = await survey.stats(op, c.campaignId);
    expect(after.organizations).toEqual(before.organizations);
    expect(after.organizations[0]!.valid).toBe(4);
    const totals = await paper.batchTotals(op, c.campaignId, { batchNumber: 'П-1' });
    expect(totals.find((t) => t.operatorName === 'Оператор Первый')).toMatchObject({
      entered: 2,
      doubleEntered: 2,
    });
  });

  it.each(['council', 'organization', 'municipal'] as const)('%s → forbidden', async (role) => {
    const caller: Caller = { role, userId: 1, organizationId: 1, territoryId: 1, label: role };
    await expect(paper.enterPaper(caller, { ...at(), answers: minimal() })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(paper.batchTotals(caller, c.campaignId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(paper.mismatchReport(caller, c.campaignId)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
