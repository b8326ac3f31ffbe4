// Ratings through the pipeline: equal totals share a place (1, 1, 3), organizations below their
// sample are left out unless the switch ranks them, insufficient data is never ranked; and the
// debounced recalculation request (one queued job per campaign until it starts).
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import type { SendJobOptions } from '../context.ts';
import { createRecalculateJob } from './recalculate.job.ts';
import { fixedInputs, type ChecklistFacts } from './inputs.ts';
import { RECALCULATE_JOB } from './results.schema.ts';
import { createResultsService } from './results.service.ts';
import {
  WORKED_CHECKLIST,
  WORKED_SURVEY,
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
  type ResultsCampaign,
} from './results.test-support.ts';

const operator = caller('operator');

describeBackends('results: ratings and recalculation requests', ({ db }) => {
  const clock = { now: new Date('2026-06-01T09:00:00Z') };
  let c: ResultsCampaign;
  const checklists = new Map<number, ChecklistFacts>();
  const service = (jobs?: {
    send: (n: string, d: object, o?: SendJobOptions) => Promise<string | null>;
  }) =>
    createResultsService(
      { ...resultsDeps(db(), clock), ...(jobs ? { jobs } : {}) },
      { inputs: fixedInputs(checklists) },
    );

  beforeAll(async () => {
    // A, B: equal; C: lower; D: best but below its sample (contingent 2000 → 600 required);
    // E: no respondents; F: preschool in the second municipality.
    c = await createResultsCampaign(db(), {
      orgs: [
        {},
        { municipality: 1 },
        {},
        { contingent: 2000 },
        {},
        { kind: 'preschool', municipality: 1 },
      ],
    });
    const [a, b, cc, d, , f] = c.orgs;
    for (const o of [a, b, cc, d, f]) checklists.set(o!.id, WORKED_CHECKLIST);
    checklists.set(d!.id, { ...WORKED_CHECKLIST, comfortConditions: 5, premisesAccessibility: 5 });
    await insertSurveyCounts(db(), c.campaignId, a!.id, WORKED_SURVEY);
    await insertSurveyCounts(db(), c.campaignId, b!.id, WORKED_SURVEY);
    await insertSurveyCounts(db(), c.campaignId, cc!.id, { ...WORKED_SURVEY, q14: 100 });
    await insertSurveyCounts(db(), c.campaignId, d!.id, WORKED_SURVEY);
    await insertSurveyCounts(db(), c.campaignId, f!.id, WORKED_SURVEY);
  });

  it('gives equal totals one place and leaves out below-sample and insufficient data', async () => {
    await service().calculate(operator, c.campaignId);
    const res = await service().getCampaignResults(operator, {
      campaignId: c.campaignId,
      withProvenance: false,
    });
    const by = new Map(res.organizations.map((o) => [o.organizationId, o]));
    const [a, b, cc, d, e, f] = c.orgs.map((o) => by.get(o.id)!);
    expect(a!.total).toBe(b!.total);
    expect(a!.ranks).toEqual({ kind: 1, municipality: 1, region: 1 });
    expect(b!.ranks).toEqual({ kind: 1, municipality: 1, region: 1 });
    expect(f!.ranks).toEqual({ kind: 1, municipality: 1, region: 1 });
    expect(cc!.ranks).toEqual({ kind: 3, municipality: 2, region: 4 });
    expect(d).toMatchObject({
      belowSample: true,
      ranked: false,
      ranks: { kind: null, region: null },
    });
    expect(d!.total).toBeGreaterThan(a!.total!);
    expect(e).toMatchObject({
      total: null,
      ranked: false,
      flags: expect.arrayContaining(['insufficient_data']),
    });
    expect(res.organizations[0]?.organizationId).toBe(d!.organizationId);
    expect(res.organizations.at(-1)?.organizationId).toBe(e!.organizationId);
    expect(a!.provenance).toEqual({});
  });

  it('ranks below-sample organizations with the switch (kept for the next runs)', async () => {
    const outcome = await service().calculate(operator, c.campaignId, { rankBelowSample: true });
    expect(outcome).toMatchObject({
      stored: true,
      run: { version: 2, settings: { rankBelowSample: true } },
    });
    const res = await service().getCampaignResults(operator, { campaignId: c.campaignId });
    const by = new Map(res.organizations.map((o) => [o.organizationId, o]));
    expect(by.get(c.orgs[3]!.id)).toMatchObject({
      ranked: true,
      belowSample: true,
      ranks: { kind: 1, region: 1 },
    });
    expect(by.get(c.orgs[0]!.id)?.ranks).toEqual({ kind: 2, municipality: 2, region: 2 });
    expect(by.get(c.orgs[4]!.id)?.ranked).toBe(false);
    expect(await service().calculate(operator, c.campaignId)).toMatchObject({
      stored: false,
      run: { version: 2 },
    });
  });

  it('enqueues one debounced job per campaign until the job starts', async () => {
    const sent: { name: string; data: object; options?: SendJobOptions }[] = [];
    const jobs = {
      send: async (name: string, data: object, options?: SendJobOptions) => {
        sent.push({ name, data, ...(options ? { options } : {}) });
        return 'job-id';
      },
    };
    expect(await service().requestRecalculation(c.campaignId)).toBe(false);
    expect(await service(jobs).requestRecalculation(c.campaignId)).toBe(true);
    expect(await service(jobs).requestRecalculation(c.campaignId)).toBe(false);
    expect(sent).toEqual([
      {
        name: RECALCULATE_JOB,
        data: { campaignId: c.campaignId },
        options: {
          singletonKey: `results:${c.campaignId}`,
          startAfter: new Date('2026-06-01T09:01:00Z'),
        },
      },
    ]);
    await insertSurveyCounts(db(), c.campaignId, c.orgs[4]!.id, {
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
    const job = createRecalculateJob(resultsDeps(db(), clock), { inputs: fixedInputs(checklists) });
    await job.handler(
      { campaignId: c.campaignId },
      { id: 'x', retryCount: 0, signal: new AbortController().signal },
    );
    const runs = await service().listRuns(operator, c.campaignId);
    expect(runs[0]).toMatchObject({ version: 3, computedBy: 'система' });
    expect(await service(jobs).requestRecalculation(c.campaignId)).toBe(true);
    expect(sent).toHaveLength(2);
  });
});
