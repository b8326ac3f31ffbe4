// The demo's results: a collecting campaign gets a preliminary run, campaigns past collection are
// calculated, a published one is frozen by a council decision, a closed one without results is
// replayed (checklists, calculation, approval) and stays closed, and seeding again changes nothing.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { campaigns, campaignStages } from '../../db/schema/index.ts';
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
  it('calculates every campaign from collection on, freezes the published one, replays the closed one', async () => {
    const now = new Date('2026-12-01T09:00:00Z');
    const collecting = await createResultsCampaign(db(), { status: 'collecting' });
    const reporting = await createResultsCampaign(db(), { status: 'reporting' });
    const published = await createResultsCampaign(db(), { status: 'published' });
    const closed = await createResultsCampaign(db(), { status: 'closed' });
    await insertSurveyCounts(db(), published.campaignId, published.orgs[0]!.id, WORKED_SURVEY);
    await insertSurveyCounts(db(), closed.campaignId, closed.orgs[0]!.id, WORKED_SURVEY);
    await db()
      .insert(campaignStages)
      .values(
        [
          ['data_collection', '2026-05-31'],
          ['calculation', '2026-06-30'],
          ['council_discussion', '2026-08-31'],
        ].map(([key, end]) => ({
          campaignId: closed.campaignId,
          key: key as 'calculation',
          title: key!,
          plannedStart: '2026-01-01',
          plannedEnd: end!,
        })),
      );

    const summary = await seedResults(db(), { now });
    expect(summary.calculated.map((c) => c.campaignId)).toEqual([
      collecting.campaignId,
      reporting.campaignId,
      published.campaignId,
      closed.campaignId,
    ]);
    expect(summary.frozen).toEqual([published.campaignId, closed.campaignId]);

    const service = createResultsService(resultsDeps(db(), { now }));
    const expert = caller('expert');
    const res = await service.getCampaignResults(expert, { campaignId: published.campaignId });
    expect(res.run).toMatchObject({
      version: 1,
      status: 'frozen',
      frozenBasis: 'Решение общественного совета № 26/3 от 01.12.2026',
    });
    // Last year's history: calculated when its calculation stage ended, approved on the
    // discussion date, with the expert checklists of its collection, and closed again.
    const history = await service.getCampaignResults(expert, { campaignId: closed.campaignId });
    expect(history.run).toMatchObject({
      status: 'frozen',
      computedAt: '2026-06-30T12:00:00.000Z',
      frozenBasis: 'Решение общественного совета № 26/3 от 31.08.2026',
    });
    const [row] = await db().select().from(campaigns).where(eq(campaigns.id, closed.campaignId));
    expect(row?.status).toBe('closed');

    // The preliminary run of the collecting campaign is for staff only.
    expect(await service.listRuns(caller('expert'), collecting.campaignId)).toEqual([]);
    expect(await service.listRuns(caller('operator'), collecting.campaignId)).toMatchObject([
      { version: 1, status: 'current' },
    ]);

    const again = await seedResults(db(), { now });
    expect(again).toEqual({
      calculated: [
        { campaignId: collecting.campaignId, version: 1, organizations: 1 },
        { campaignId: reporting.campaignId, version: 1, organizations: 1 },
      ],
      frozen: [],
    });
  });
});
