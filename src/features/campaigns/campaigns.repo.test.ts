import { beforeAll, expect, it } from 'vitest';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion, type RegionFixture } from '../../../test/fixtures.ts';
import type { Organization, StoredMethodology } from '../../db/schema/index.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  addCampaignOrganizations,
  createCampaign,
  getCampaign,
  listCampaignOrganizations,
  listCampaigns,
  listCampaignStages,
  setCampaignMethodology,
  setCampaignOrganizationStatus,
  updateCampaign,
  upsertCampaignStages,
} from './campaigns.repo.ts';

const methodology: StoredMethodology = {
  denominators: 'filter',
  zeroDenominator: 'exclude',
  sample: { share: '0.40', cap: 600 },
  bands: [
    { label: 'отлично', above: 80 },
    { label: 'плохо', above: null },
  ],
  catalogues: {
    stand: 's1',
    site: 'site-1',
    remoteChannels: 'r1',
    comfort: 'c1',
    premises: 'p1',
    services: 'v1',
  },
};

describeBackends('campaigns.repo', ({ db }) => {
  let r: RegionFixture;
  let orgs: Organization[];
  beforeAll(async () => {
    r = await createRegion(db());
    orgs = [];
    for (const shortName of ['Школа В', 'Школа А', 'Детский сад Б'])
      orgs.push(await createOrganizationRow(db(), r, { shortName }));
  });

  it('creates a draft campaign with its methodology and lists campaigns newest first', async () => {
    const older = await createCampaign(db(), {
      title: 'НОК 2025',
      year: 2025,
      territoryId: r.region.id,
      methodology,
    });
    const newer = await createCampaign(db(), {
      title: 'НОК 2026',
      year: 2026,
      territoryId: r.region.id,
      methodology,
    });
    expect(newer).toMatchObject({ status: 'draft', methodologyFrozenAt: null, methodology });
    expect(await getCampaign(db(), newer.id)).toEqual(newer);
    expect((await listCampaigns(db(), { territoryId: r.region.id })).map((c) => c.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect((await listCampaigns(db(), { year: 2025 })).map((c) => c.id)).toEqual([older.id]);
  });

  it('changes the methodology only until it is frozen', async () => {
    const c = await createCampaign(db(), {
      title: 'НОК',
      year: 2027,
      territoryId: r.region.id,
      methodology,
    });
    const total = { ...methodology, denominators: 'total' as const };
    expect((await setCampaignMethodology(db(), c.id, total))?.methodology.denominators).toBe(
      'total',
    );
    await updateCampaign(db(), c.id, {
      methodologyFrozenAt: new Date(),
      status: 'collecting',
      councilDecisionDate: '2027-02-15',
    });
    expect(await setCampaignMethodology(db(), c.id, methodology)).toBeNull();
    const after = await getCampaign(db(), c.id);
    expect(after).toMatchObject({ status: 'collecting', councilDecisionDate: '2027-02-15' });
    expect(after?.methodology.denominators).toBe('total');
  });

  it('adds organizations in bulk, skipping those already listed', async () => {
    const c = await createCampaign(db(), {
      title: 'Список',
      year: 2026,
      territoryId: r.region.id,
      methodology,
    });
    const [v, a, b] = orgs as [Organization, Organization, Organization];
    const first = await addCampaignOrganizations(db(), c.id, [
      { organizationId: v.id, mandatory: true, reason: 'Три года без оценки', surveyCode: 'K7Q2' },
      { organizationId: a.id },
    ]);
    expect(first.sort()).toEqual([v.id, a.id].sort());
    const second = await addCampaignOrganizations(db(), c.id, [
      { organizationId: a.id, status: 'included' },
      { organizationId: b.id, status: 'included' },
    ]);
    expect(second).toEqual([b.id]);
    const list = await listCampaignOrganizations(db(), c.id);
    expect(list.map((x) => x.shortName)).toEqual(['Детский сад Б', 'Школа А', 'Школа В']);
    expect(list.find((x) => x.organizationId === v.id)).toMatchObject({
      status: 'proposed',
      mandatory: true,
      reason: 'Три года без оценки',
      surveyCode: 'K7Q2',
      inn: v.inn,
      contingent: 500,
    });
    expect(list.find((x) => x.organizationId === a.id)?.status).toBe('proposed');
    expect(await setCampaignOrganizationStatus(db(), c.id, a.id, 'excluded', 'Ликвидирована')).toBe(
      true,
    );
    expect(
      (await listCampaignOrganizations(db(), c.id, { status: 'included' })).map(
        (x) => x.organizationId,
      ),
    ).toEqual([b.id]);
    expect(await addCampaignOrganizations(db(), c.id, [])).toEqual([]);
  });

  it('keeps survey codes unique across campaigns', async () => {
    const c = await createCampaign(db(), {
      title: 'Другая',
      year: 2028,
      territoryId: r.region.id,
      methodology,
    });
    const err = await addCampaignOrganizations(db(), c.id, [
      { organizationId: orgs[0]!.id, surveyCode: 'K7Q2' },
    ]).catch((e: unknown) => e);
    expect(isUniqueViolation(err, 'campaign_organizations_survey_code_unique')).toBe(true);
  });

  it('creates and updates stages, one per key', async () => {
    const c = await createCampaign(db(), {
      title: 'Этапы',
      year: 2026,
      territoryId: r.region.id,
      methodology,
    });
    await upsertCampaignStages(db(), c.id, [
      {
        key: 'data_collection',
        title: 'Сбор',
        plannedStart: '2026-04-01',
        plannedEnd: '2026-06-30',
      },
      {
        key: 'list_approval',
        title: 'Перечень',
        plannedStart: '2026-02-01',
        plannedEnd: '2026-02-28',
      },
    ]);
    await upsertCampaignStages(db(), c.id, [
      {
        key: 'data_collection',
        title: 'Сбор информации',
        plannedStart: '2026-04-15',
        plannedEnd: '2026-07-15',
      },
    ]);
    const stages = await listCampaignStages(db(), c.id);
    expect(stages.map((s) => [s.key, s.title, s.plannedStart])).toEqual([
      ['list_approval', 'Перечень', '2026-02-01'],
      ['data_collection', 'Сбор информации', '2026-04-15'],
    ]);
  });
});
