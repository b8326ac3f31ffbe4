// Who sees which organizations' results, as the permission table's scope of `results.view` says:
// a municipal authority its municipality's organizations and the region-wide and own municipality's
// aggregates, organization staff their own organization, everybody else the whole region.
import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createResultsService } from './results.service.ts';
import {
  WORKED_SURVEY,
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
  type ResultsCampaign,
} from './results.test-support.ts';

describeBackends('results: scope of results.view', ({ db }) => {
  const clock = { now: new Date('2026-11-20T09:00:00Z') };
  const service = () => createResultsService(resultsDeps(db(), clock));
  let c: ResultsCampaign;
  beforeAll(async () => {
    c = await createResultsCampaign(db(), {
      status: 'discussion',
      orgs: [{ municipality: 0 }, { municipality: 0, kind: 'preschool' }, { municipality: 1 }],
    });
    for (const o of c.orgs) await insertSurveyCounts(db(), c.campaignId, o.id, WORKED_SURVEY);
    await service().calculate(caller('operator'), c.campaignId);
    await service().freeze(caller('council'), c.campaignId, {
      decisionNumber: '5',
      decisionDate: '2026-11-19',
    });
  });

  const ids = (list: readonly { organizationId: number }[]) =>
    list.map((o) => o.organizationId).sort((a, b) => a - b);

  const m = (i: 0 | 1) => String(c.region.municipalities[i].id);
  it.each([
    ['the region', () => caller('expert'), [0, 1, 2], [0, 1]],
    ['municipality 1', () => caller('municipal', { territoryId: +m(0) }), [0, 1], [0]],
    ['municipality 2', () => caller('municipal', { territoryId: +m(1) }), [2], [1]],
    [
      'organization staff',
      () => caller('organization', { organizationId: c.orgs[1]!.id }),
      [1],
      [0, 1],
    ],
  ] as const)('%s: organizations and aggregates in scope', async (_, who, orgs, munis) => {
    const res = await service().getCampaignResults(who(), {
      campaignId: c.campaignId,
      withProvenance: false,
    });
    expect(ids(res.organizations)).toEqual(
      ids(orgs.map((i) => ({ organizationId: c.orgs[i]!.id }))),
    );
    expect(res.aggregates.some((a) => a.level === 'region')).toBe(true);
    expect(res.aggregates.some((a) => a.level === 'kind')).toBe(true);
    const keys = res.aggregates.filter((a) => a.level === 'municipality').map((a) => a.key);
    expect(keys.sort()).toEqual(munis.map((i) => m(i)).sort());
  });

  it('refuses a municipal user without a municipality', async () => {
    await expect(
      service().getCampaignResults(caller('municipal'), { campaignId: c.campaignId }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses another municipality’s organization, keeps the region-wide ranks of its own', async () => {
    const municipal = caller('municipal', { territoryId: c.region.municipalities[0].id });
    const own = await service().getOrganizationResult(municipal, {
      campaignId: c.campaignId,
      organizationId: c.orgs[0]!.id,
    });
    expect(own.organization.ranks.region).not.toBeNull();
    await expect(
      service().getOrganizationResult(municipal, {
        campaignId: c.campaignId,
        organizationId: c.orgs[2]!.id,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const aggregates = await service().getAggregates(municipal, {
      campaignId: c.campaignId,
      level: 'municipality',
    });
    expect(aggregates.map((a) => a.key)).toEqual([String(c.region.municipalities[0].id)]);
  });
});
