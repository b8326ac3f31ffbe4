// The calculation pipeline on a real database: the spec's worked example arriving as survey rows,
// checklist and site facts → stored results equal to S 84.44 (filter) and 79.78 (total); provenance
// and Wilson intervals; missing checklist/site data never looks complete.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { fixedInputs, type ChecklistFacts, type SiteFacts } from './inputs.ts';
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

describeBackends('results: worked example through the pipeline', ({ db }) => {
  const clock = { now: new Date('2026-06-01T09:00:00Z') };
  let filter: ResultsCampaign;
  let total: ResultsCampaign;
  const checklists = new Map<number, ChecklistFacts>();
  const sites = new Map<number, SiteFacts>();
  const service = () =>
    createResultsService(resultsDeps(db(), clock), { inputs: fixedInputs(checklists, sites) });

  beforeAll(async () => {
    filter = await createResultsCampaign(db(), { orgs: [{ contingent: 500 }, {}] });
    total = await createResultsCampaign(db(), { methodology: { denominators: 'total' } });
    for (const c of [filter, total]) {
      const org = c.orgs[0]!;
      await insertSurveyCounts(db(), c.campaignId, org.id, WORKED_SURVEY, {
        flagged: 3,
        excluded: 2,
      });
      checklists.set(org.id, WORKED_CHECKLIST);
      sites.set(org.id, WORKED_SITE);
    }
  });

  it('stores the spec values for the default variant (S 84.44)', async () => {
    const outcome = await service().calculate(operator, filter.campaignId);
    expect(outcome).toMatchObject({
      stored: true,
      organizations: 2,
      run: { version: 1, status: 'current' },
    });
    const res = await service().getCampaignResults(operator, { campaignId: filter.campaignId });
    const org = res.organizations.find((o) => o.organizationId === filter.orgs[0]!.id)!;
    expect(org.indicators).toEqual({
      '1.1': 85,
      '1.2': 90,
      '1.3': 92,
      '2.1': 80,
      '2.3': 92,
      '3.1': 40,
      '3.2': 60,
      '3.3': 75,
      '4.1': 95,
      '4.2': 97,
      '4.3': 95,
      '5.1': 90,
      '5.2': 93,
      '5.3': 94,
    });
    expect(org.criteria).toEqual({ K1: 89.3, K2: 86, K3: 58.5, K4: 95.8, K5: 92.6 });
    expect(org.total).toBe(84.44);
    expect(org.band).toBe('отлично');
    expect(org).toMatchObject({
      respondents: 200,
      requiredSample: 200,
      belowSample: false,
      flaggedResponses: 3,
      excludedResponses: 2,
      ranked: true,
      ranks: { kind: 1, municipality: 1, region: 1 },
    });
    expect(org.counts).toMatchObject({
      stand: { present: 9, required: 10 },
      survey: WORKED_SURVEY,
    });
    const prov = org.provenance as {
      total: { unrounded: string };
      indicators: Record<string, { formula: string; variant: object; inputs: object }>;
      sources: { checklist: { status: string }; site: { status: string; checkedAt: string } };
    };
    expect(prov.total.unrounded).toBe('84.44');
    expect(prov.indicators['1.3']).toMatchObject({
      formula: '0.5 × (Q2да/Q1да + Q4да/Q3да) × 100',
      variant: { denominators: 'filter' },
      inputs: { q1: 120, q2: 108, q3: 150, q4: 141 },
    });
    expect(prov.sources.checklist.status).toBe('confirmed');
    expect(prov.sources.site).toMatchObject({
      status: 'checked',
      checkedAt: WORKED_SITE.checkedAt,
    });
    expect(org.surveyShares.find((s) => s.question === 'q2')).toEqual({
      indicator: '1.3',
      question: 'q2',
      denominator: 'q1',
      yes: 108,
      of: 120,
      share: 90,
      low: 83.33,
      high: 94.19,
    });
    expect(org.shortcomings.map((s) => s.code)).toContain('comfort:incomplete');
    expect(res.bands[0]).toEqual({ label: 'отлично', above: 80 });
  });

  it('stores the spec values for the total variant (S 79.78)', async () => {
    await service().calculate(operator, total.campaignId);
    const res = await service().getOrganizationResult(operator, {
      campaignId: total.campaignId,
      organizationId: total.orgs[0]!.id,
    });
    const org = res.organization;
    expect(org.indicators['1.3']).toBe(62.25);
    expect(org.indicators['4.3']).toBe(38);
    expect(org.criteria).toMatchObject({ K1: 77.4, K4: 84.4 });
    expect(org.total).toBe(79.78);
    expect(org.surveyShares.find((s) => s.question === 'q11')).toMatchObject({
      denominator: 'respondents',
      of: 200,
    });
  });

  it('scores an organization without checklist or site data as nothing present, and says so', async () => {
    const res = await service().getCampaignResults(operator, { campaignId: filter.campaignId });
    const bare = res.organizations.find((o) => o.organizationId === filter.orgs[1]!.id)!;
    expect(bare.indicators['1.1']).toBe(0);
    expect(bare.indicators['2.1']).toBe(0);
    expect(bare.total).toBeNull();
    expect(bare.flags).toEqual([
      'below_sample',
      'no_checklist',
      'no_site_data',
      'insufficient_data',
    ]);
    expect(bare.ranked).toBe(false);
    const counts = bare.counts as {
      stand: { present: number; required: number };
      site: { required: number };
    };
    expect(counts.stand.present).toBe(0);
    expect(counts.stand.required).toBeGreaterThan(10);
    expect(counts.site.required).toBeGreaterThan(20);
    const prov = bare.provenance as {
      indicators: Record<string, { sourceNote?: string }>;
      sources: { checklist: { note: string } };
    };
    expect(prov.sources.checklist.note).toContain('нет данных чек-листа');
    expect(prov.indicators['2.1']?.sourceNote).toBe('нет данных чек-листа');
    expect(prov.indicators['1.1']?.sourceNote).toContain('нет данных мониторинга сайта');
    expect(bare.shortcomings[0]?.title).toContain('(нет данных чек-листа)');
  });

  it('aggregates as plain means over organizations with a total', async () => {
    const res = await service().getCampaignResults(operator, { campaignId: filter.campaignId });
    const region = res.aggregates.find((a) => a.level === 'region')!;
    expect(region).toMatchObject({ key: 'region', organizations: 1, total: 84.44 });
    expect(region.criteria.K1).toBe(89.3);
    expect(region.indicators['1.3']).toBe(92);
    const kind = res.aggregates.find((a) => a.level === 'kind' && a.key === 'school')!;
    expect(kind.name).toBe('Общеобразовательные организации');
    const mun = res.aggregates.find((a) => a.level === 'municipality')!;
    expect(mun.name).toBe(filter.region.municipalities[0].name);
  });

  it('skips storing when nothing changed, and stores a new version when answers change', async () => {
    const again = await service().calculate(operator, filter.campaignId);
    expect(again).toMatchObject({ stored: false, run: { version: 1 } });
    await insertSurveyCounts(db(), filter.campaignId, filter.orgs[1]!.id, {
      ...WORKED_SURVEY,
      respondents: 1,
      q1: 1,
      q2: 1,
      q3: 1,
      q4: 1,
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
    const next = await service().calculate(operator, filter.campaignId);
    expect(next).toMatchObject({ stored: true, run: { version: 2, status: 'current' } });
    const runs = await service().listRuns(operator, filter.campaignId);
    expect(runs.map((r) => [r.version, r.status])).toEqual([
      [2, 'current'],
      [1, 'superseded'],
    ]);
  });
});
