// The demo's results: campaigns past data collection are calculated, a published one is frozen by a
// council decision, and seeding again changes nothing.
import { expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createResultsService } from './results.service.ts';
import { seedResults } from './results.seed.ts';
import {
  WORKED_SURVEY,
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
} from './results.test-support.ts';

describeBackends('results: demo seed', ({ db }) => {
  it('calculates the campaigns past collection and freezes the published one', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const collecting = await createResultsCampaign(db(), { status: 'collecting' });
    const reporting = await createResultsCampaign(db(), { status: 'reporting' });
    const published = await createResultsCampaign(db(), { status: 'published' });
    await insertSurveyCounts(db(), published.campaignId, published.orgs[0]!.id, WORKED_SURVEY);
    const summary = await seedResults(db(), { now });
    expect(summary.calculated.map((c) => c.campaignId)).toEqual([
      reporting.campaignId,
      published.campaignId,
    ]);
    expect(summary.frozen).toEqual([published.campaignId]);
    const service = createResultsService(resultsDeps(db(), { now }));
    const expert = caller('expert');
    const res = await service.getCampaignResults(expert, { campaignId: published.campaignId });
    expect(res.run).toMatchObject({
      version: 1,
      status: 'frozen',
      frozenBasis: 'Решение общественного совета № 26/3 от 01.12.2026',
    });
    expect(await service.listRuns(caller('operator'), collecting.campaignId)).toEqual([]);
    const again = await seedResults(db(), { now });
    expect(again).toEqual({
      calculated: [{ campaignId: reporting.campaignId, version: 1, organizations: 1 }],
      frozen: [],
    });
  });
});
