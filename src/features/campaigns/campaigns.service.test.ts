import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import { territories } from '../../db/schema/index.ts';
import { DEFAULT_METHODOLOGY } from '../../domain/scoring/index.ts';
import { listAudit } from '../audit/audit.repo.ts';
import { PUBLIC_CALLER } from '../context.ts';
import { createCampaignsService } from './campaigns.service.ts';
import { SURVEY_CODE_PATTERN } from './survey-code.ts';
import {
  admin,
  callerOf,
  council,
  operator,
  protocol,
  testDeps,
  type Campaigns,
  type TestClock,
} from './campaigns.test-support.ts';

describeBackends('campaigns service', ({ db }) => {
  const clock: TestClock = { now: new Date('2026-03-01T09:00:00Z') };
  let svc: Campaigns;
  let r: RegionFixture;

  beforeAll(async () => {
    svc = createCampaignsService(testDeps(db(), clock));
    r = await createRegion(db());
  });

  /** A campaign of `r` with `n` organizations in an approved list. */
  async function approvedCampaign(n: number, year = 2026) {
    const c = await svc.create(admin, { title: `НОК ${year}`, year, territoryId: r.region.id });
    for (let i = 0; i < n; i++) {
      const org = await createOrganizationRow(db(), r);
      await svc.addOrganization(admin, c.id, { organizationId: org.id });
    }
    await svc.approveList(
      council,
      c.id,
      { decisionNumber: '1', decisionDate: '2026-02-01' },
      protocol(),
    );
    return c;
  }

  it('creates a draft with the default methodology and the default stage plan of its year', async () => {
    const c = await svc.create(admin, { title: ' НОК УООД 2026 ', year: 2026 });
    expect(c).toMatchObject({
      title: 'НОК УООД 2026',
      status: 'draft',
      territoryId: expect.any(Number),
    });
    expect(c.methodology).toEqual(JSON.parse(JSON.stringify(DEFAULT_METHODOLOGY)));
    const d = await svc.get(admin, c.id);
    expect(d.stages.map((s) => [s.key, s.plannedStart, s.plannedEnd])).toContainEqual([
      'data_collection',
      '2026-03-16',
      '2026-09-30',
    ]);
    expect(d.stages).toHaveLength(8);
    expect(d.stages[0]!.title).toBe('Утверждение перечня организаций общественным советом');
    expect(d.nextStatuses).toEqual(['list_approved']);
    const [entry] = await listAudit(db(), { action: 'campaign.create', entityId: c.id });
    expect(entry?.after).toMatchObject({ title: 'НОК УООД 2026', status: 'draft' });
  });

  it('takes the methodology switches and validates them', async () => {
    const c = await svc.create(admin, {
      title: 'Вариант',
      year: 2027,
      territoryId: r.region.id,
      denominators: 'total',
      zeroDenominator: 'zero',
      sampleShare: '0.5',
      sampleCap: 300,
    });
    expect(c.methodology).toMatchObject({
      denominators: 'total',
      zeroDenominator: 'zero',
      sample: { share: '0.50', cap: 300 },
    });
    const bad: Array<[object, RegExp]> = [
      [{ sampleShare: '0' }, /доля выборки/],
      [{ sampleShare: '1.5' }, /Доля выборки/],
      [{ sampleCap: 0 }, /не меньше 1/],
      [{ denominators: 'all' }, /./],
      [{ year: 1999 }, /не раньше 2000/],
      [{ title: '' }, /название/],
    ];
    for (const [patch, message] of bad) {
      await expect(svc.create(admin, { title: 'X', year: 2026, ...patch })).rejects.toMatchObject({
        code: 'validation_failed',
        message: expect.stringMatching(message),
      });
    }
  });

  it('lists campaigns with their counts', async () => {
    const c = await approvedCampaign(2, 2028);
    const list = await svc.list(operator);
    expect(list.find((x) => x.id === c.id)?.counts).toMatchObject({ included: 2, proposed: 0 });
  });

  it('allows only the workflow transitions, with clear Russian errors', async () => {
    const c = await svc.create(admin, { title: 'Переходы', year: 2026, territoryId: r.region.id });
    await expect(svc.transition(admin, c.id, { to: 'collecting' })).rejects.toMatchObject({
      code: 'invalid_state',
      message:
        'Нельзя перевести кампанию из статуса «Формирование перечня» в статус «Сбор данных». Возможно: «Перечень утверждён».',
    });
    await expect(svc.transition(admin, c.id, { to: 'list_approved' })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/решением общественного совета/),
    });
    await expect(svc.transition(admin, c.id, { to: 'nope' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const a = await approvedCampaign(1);
    const steps = ['collecting', 'calculating', 'reporting', 'discussion', 'published', 'closed'];
    for (const to of steps) expect((await svc.transition(admin, a.id, { to })).status).toBe(to);
    await expect(svc.transition(admin, a.id, { to: 'published' })).rejects.toMatchObject({
      message: expect.stringMatching(/Кампания завершена\.$/),
    });
    const audit = await listAudit(db(), { action: 'campaign.status', entityId: a.id });
    expect(audit).toHaveLength(6);
    expect(audit.at(-1)).toMatchObject({
      before: { status: 'list_approved' },
      after: { status: 'collecting', surveyCodesIssued: 1 },
    });
  });

  it('freezes the methodology at collecting and issues unique survey codes', async () => {
    const a = await approvedCampaign(5);
    const b = await approvedCampaign(4);
    clock.now = new Date('2026-03-16T06:00:00Z');
    const started = await svc.transition(admin, a.id, { to: 'collecting' });
    expect(started.methodologyFrozenAt?.toISOString()).toBe('2026-03-16T06:00:00.000Z');
    await svc.transition(admin, b.id, { to: 'collecting' });
    const codes = [
      ...(await svc.listOrganizations(admin, a.id)).rows,
      ...(await svc.listOrganizations(admin, b.id)).rows,
    ].map((x) => x.surveyCode);
    expect(codes).toHaveLength(9);
    for (const code of codes) expect(code).toMatch(SURVEY_CODE_PATTERN);
    expect(new Set(codes).size).toBe(9);

    // Going back to collecting keeps the first freeze time and the codes.
    clock.now = new Date('2026-10-02T06:00:00Z');
    await svc.transition(admin, a.id, { to: 'calculating' });
    const again = await svc.transition(admin, a.id, { to: 'collecting' });
    expect(again.methodologyFrozenAt?.toISOString()).toBe('2026-03-16T06:00:00.000Z');
    const codesAgain = (await svc.listOrganizations(admin, a.id)).rows.map((x) => x.surveyCode);
    expect(codesAgain.sort()).toEqual(codes.slice(0, 5).sort());

    await expect(svc.update(admin, a.id, { denominators: 'total' })).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/^Методика кампании зафиксирована 2026-03-16/),
    });
    const renamed = await svc.update(admin, a.id, { title: 'НОК 2026 (основная)' });
    expect(renamed.title).toBe('НОК 2026 (основная)');
    expect(renamed.methodology.denominators).toBe('filter');
    clock.now = new Date('2026-03-01T09:00:00Z');
  });

  it('refuses to approve an empty list', async () => {
    const c = await svc.create(admin, { title: 'Пусто', year: 2026, territoryId: r.region.id });
    await expect(
      svc.approveList(
        council,
        c.id,
        { decisionNumber: '1', decisionDate: '2026-02-01' },
        protocol(),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_state',
      message: expect.stringMatching(/Перечень пуст/),
    });
  });

  it('changes the methodology before the freeze, with before/after in the audit log', async () => {
    const c = await svc.create(admin, { title: 'Методика', year: 2026, territoryId: r.region.id });
    const u = await svc.update(admin, c.id, { sampleCap: 500, zeroDenominator: 'zero' });
    expect(u.methodology).toMatchObject({
      zeroDenominator: 'zero',
      sample: { share: '0.40', cap: 500 },
    });
    const [entry] = await listAudit(db(), { action: 'campaign.update', entityId: c.id });
    expect(entry).toMatchObject({
      before: { methodology: { zeroDenominator: 'exclude' } },
      after: { methodology: { zeroDenominator: 'zero', sample: { cap: 500 } } },
    });
  });

  it('validates stage dates naming the stage', async () => {
    const c = await svc.create(admin, { title: 'Этапы', year: 2026, territoryId: r.region.id });
    await expect(
      svc.setStageDates(admin, c.id, {
        stages: [{ key: 'report', plannedStart: '2026-11-10', plannedEnd: '2026-11-01' }],
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      message: '«Аналитический отчёт оператора»: дата окончания раньше даты начала',
      details: { issues: [{ path: 'stages[0].plannedEnd' }] },
    });
    await expect(
      svc.setStageDates(admin, c.id, {
        stages: [{ key: 'report', plannedStart: '2026-02-30', plannedEnd: '2026-11-01' }],
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    const stages = await svc.setStageDates(admin, c.id, {
      stages: [{ key: 'report', plannedStart: '2026-10-25', plannedEnd: '2026-11-15' }],
    });
    expect(stages.find((s) => s.key === 'report')).toMatchObject({
      plannedStart: '2026-10-25',
      plannedEnd: '2026-11-15',
    });
    const [entry] = await listAudit(db(), { action: 'campaign.stages', entityId: c.id });
    expect(entry?.after).toContainEqual({
      key: 'report',
      plannedStart: '2026-10-25',
      plannedEnd: '2026-11-15',
    });
  });

  it("computes stage states with the clock in the region's time zone", async () => {
    await db()
      .update(territories)
      .set({ timezone: 'Asia/Vladivostok' })
      .where(eq(territories.id, r.region.id));
    const c = await svc.create(admin, { title: 'Время', year: 2026, territoryId: r.region.id });
    // 15 March 15:00 UTC is already 16 March in Vladivostok (UTC+10): data collection has begun.
    clock.now = new Date('2026-03-15T15:00:00Z');
    const states = async () =>
      Object.fromEntries((await svc.get(admin, c.id)).stages.map((s) => [s.key, s.state]));
    expect(await states()).toMatchObject({
      list_approval: 'late',
      terms_of_reference: 'late',
      data_collection: 'active',
      calculation: 'upcoming',
    });
    expect((await svc.get(admin, c.id)).today).toBe('2026-03-16');
    await svc.setStageDone(admin, c.id, { key: 'terms_of_reference' });
    expect((await states()).terms_of_reference).toBe('done_late');
    clock.now = new Date('2026-09-01T00:00:00Z');
    await svc.setStageDone(admin, c.id, { key: 'data_collection' });
    expect((await states()).data_collection).toBe('done');
    await svc.setStageDone(admin, c.id, { key: 'data_collection', done: false });
    expect((await states()).data_collection).toBe('active');
    clock.now = new Date('2026-03-01T09:00:00Z');
    await db()
      .update(territories)
      .set({ timezone: 'Europe/Moscow' })
      .where(eq(territories.id, r.region.id));
  });

  it('enforces permissions', async () => {
    const c = await svc.create(admin, { title: 'Права', year: 2026, territoryId: r.region.id });
    const forbidden = { code: 'forbidden' };
    await expect(svc.create(operator, { title: 'X', year: 2026 })).rejects.toMatchObject(forbidden);
    await expect(svc.create(council, { title: 'X', year: 2026 })).rejects.toMatchObject(forbidden);
    await expect(svc.update(callerOf('municipal'), c.id, { title: 'Y' })).rejects.toMatchObject(
      forbidden,
    );
    await expect(svc.proposeList(operator, c.id)).rejects.toMatchObject(forbidden);
    await expect(svc.transition(council, c.id, { to: 'draft' })).rejects.toMatchObject(forbidden);
    await expect(svc.list(PUBLIC_CALLER)).rejects.toMatchObject(forbidden);
    await expect(svc.get(PUBLIC_CALLER, c.id)).rejects.toMatchObject(forbidden);
    for (const role of ['operator', 'council', 'municipal', 'organization', 'expert'] as const)
      expect((await svc.get(callerOf(role), c.id)).id).toBe(c.id);
    await expect(svc.get(admin, 999999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
