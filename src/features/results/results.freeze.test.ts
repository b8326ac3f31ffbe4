// Freezing and versions: the council's decision freezes the current run; later recalculations are
// new versions beside it and never change it; a newer frozen run supersedes the older one; readers
// without the right to calculate see only approved runs; council proposals carry over.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeBackends } from '../../../test/db.ts';
import { campaigns, resultOrganizations } from '../../db/schema/index.ts';
import { fixedInputs } from './inputs.ts';
import { createResultsService } from './results.service.ts';
import {
  WORKED_CHECKLIST,
  WORKED_SITE,
  WORKED_SURVEY,
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
  type ResultsCampaign,
} from './results.test-support.ts';

const operator = caller('operator');
const council = caller('council', { label: 'Председатель совета' });
const expert = caller('expert');

describeBackends('results: freezing and versions', ({ db }) => {
  const clock = { now: new Date('2026-10-01T09:00:00Z') };
  let c: ResultsCampaign;
  const service = () => {
    const org = c.orgs[0]!.id;
    return createResultsService(resultsDeps(db(), clock), {
      inputs: fixedInputs(new Map([[org, WORKED_CHECKLIST]]), new Map([[org, WORKED_SITE]])),
    });
  };
  const rowsOf = async (runId: number) =>
    db().select().from(resultOrganizations).where(eq(resultOrganizations.runId, runId));

  beforeAll(async () => {
    c = await createResultsCampaign(db(), { status: 'calculating', orgs: [{}, {}] });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
  });

  it('freezes only in discussion, by the council, with a valid decision', async () => {
    await service().calculate(operator, c.campaignId);
    const decision = { decisionNumber: '4', decisionDate: '2026-09-30' };
    await expect(service().freeze(council, c.campaignId, decision)).rejects.toMatchObject({
      code: 'invalid_state',
    });
    await db()
      .update(campaigns)
      .set({ status: 'discussion' })
      .where(eq(campaigns.id, c.campaignId));
    await expect(service().freeze(operator, c.campaignId, decision)).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(
      service().freeze(council, c.campaignId, { decisionNumber: ' ', decisionDate: '2026-10-02' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      service().freeze(council, c.campaignId, { decisionNumber: '4', decisionDate: '2026-10-02' }),
    ).rejects.toMatchObject({ message: 'Дата решения не может быть позже сегодняшней' });
    const frozen = await service().freeze(council, c.campaignId, decision);
    expect(frozen).toMatchObject({
      version: 1,
      status: 'frozen',
      frozenBasis: 'Решение общественного совета № 4 от 30.09.2026',
      decisionNumber: '4',
      decisionDate: '2026-09-30',
      frozenAt: clock.now.toISOString(),
    });
    await expect(service().freeze(council, c.campaignId, decision)).rejects.toMatchObject({
      message: 'Последний расчёт уже утверждён; нового расчёта нет',
    });
  });

  it('keeps the frozen run unchanged when inputs change and a new version is calculated', async () => {
    const [v1] = await service().listRuns(operator, c.campaignId);
    const before = await rowsOf(v1!.id);
    expect(await service().calculate(operator, c.campaignId)).toMatchObject({ stored: false });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[1]!.id, {
      ...WORKED_SURVEY,
      respondents: 10,
      q1: 5,
      q2: 5,
      q3: 5,
      q4: 5,
      q5: 10,
      q6: 1,
      q7: 1,
      q8: 10,
      q9: 10,
      q10: 5,
      q11: 5,
      q12: 10,
      q13: 10,
      q14: 10,
    });
    clock.now = new Date('2026-10-02T09:00:00Z');
    const next = await service().calculate(operator, c.campaignId);
    expect(next).toMatchObject({ stored: true, run: { version: 2, status: 'current' } });
    expect(await rowsOf(v1!.id)).toEqual(before);
    const runs = await service().listRuns(operator, c.campaignId);
    expect(runs.map((r) => [r.version, r.status])).toEqual([
      [2, 'current'],
      [1, 'frozen'],
    ]);
  });

  it('shows the frozen run to readers and the current one to operators and the council', async () => {
    const forExpert = await service().getCampaignResults(expert, { campaignId: c.campaignId });
    expect(forExpert.run).toMatchObject({ version: 1, status: 'frozen' });
    expect(
      forExpert.organizations.find((o) => o.organizationId === c.orgs[1]!.id)?.total,
    ).toBeNull();
    const forCouncil = await service().getCampaignResults(council, { campaignId: c.campaignId });
    expect(forCouncil.run).toMatchObject({ version: 2, status: 'current' });
    const forOperator = await service().getCampaignResults(operator, { campaignId: c.campaignId });
    expect(forOperator.run.version).toBe(2);
    expect(
      forOperator.organizations.find((o) => o.organizationId === c.orgs[1]!.id)?.respondents,
    ).toBe(10);
    expect((await service().listRuns(expert, c.campaignId)).map((r) => r.version)).toEqual([1]);
    await expect(
      service().getCampaignResults(expert, { campaignId: c.campaignId, version: 2 }),
    ).rejects.toMatchObject({ code: 'not_found' });
    // A municipal authority sees its own municipality's organizations (results.scope.test.ts).
    const municipal = caller('municipal', { territoryId: c.region.municipalities[0].id });
    expect(
      (await service().getCampaignResults(municipal, { campaignId: c.campaignId })).organizations,
    ).toHaveLength(2);
    const staff = caller('organization', { organizationId: c.orgs[1]!.id });
    const own = await service().getCampaignResults(staff, { campaignId: c.campaignId });
    expect(own.organizations.map((o) => o.organizationId)).toEqual([c.orgs[1]!.id]);
    await expect(
      service().getOrganizationResult(staff, {
        campaignId: c.campaignId,
        organizationId: c.orgs[0]!.id,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('carries council proposals to the next version and supersedes the older frozen run', async () => {
    const target = { campaignId: c.campaignId, organizationId: c.orgs[0]!.id };
    await service().setCouncilProposals(council, target, { text: 'Оборудовать пандус' });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[1]!.id, {
      ...WORKED_SURVEY,
      respondents: 1,
      q1: 0,
      q2: 0,
      q3: 0,
      q4: 0,
      q5: 1,
      q6: 0,
      q7: 0,
      q8: 1,
      q9: 1,
      q10: 0,
      q11: 0,
      q12: 1,
      q13: 1,
      q14: 1,
    });
    const v3 = await service().calculate(operator, c.campaignId);
    expect(v3.run.version).toBe(3);
    const res = await service().getOrganizationResult(operator, target);
    expect(res.organization.councilProposals).toBe('Оборудовать пандус');
    await service().freeze(council, c.campaignId, {
      decisionNumber: '5',
      decisionDate: '2026-10-02',
    });
    const runs = await service().listRuns(operator, c.campaignId);
    expect(runs.map((r) => [r.version, r.status])).toEqual([
      [3, 'frozen'],
      [2, 'superseded'],
      [1, 'superseded'],
    ]);
    expect((await service().listRuns(expert, c.campaignId)).map((r) => r.version)).toEqual([3, 1]);
    expect(
      (await service().getCampaignResults(expert, { campaignId: c.campaignId })).run.version,
    ).toBe(3);
    await expect(
      service().setCouncilProposals(council, target, { text: 'x' }),
    ).rejects.toMatchObject({
      code: 'invalid_state',
    });
  });

  it('refuses to calculate a closed campaign', async () => {
    await db().update(campaigns).set({ status: 'closed' }).where(eq(campaigns.id, c.campaignId));
    await expect(service().calculate(operator, c.campaignId)).rejects.toMatchObject({
      code: 'invalid_state',
      message: 'Кампания завершена: результаты больше не пересчитываются',
    });
  });
});
