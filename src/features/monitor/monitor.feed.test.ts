// The indicator feed on both backends, hand-checked: the last successful check at or before the
// campaign's cut-off; «Инорм.сайт» recounted for the kind, the applicability facts and the ruleset
// in force on the crawl date (school 94 items under 1493+1353, 102 with branches; a kindergarten
// checked on 01.06.2025 is scored under 1493 with its 14 «версия для слабовидящих» markers: 99).
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { campaignStages, type StoredChannel, type StoredItem } from '../../db/schema/index.ts';
import { methodologyVersion } from '../../domain/scoring/index.ts';
import {
  CATALOGUE,
  listedItems,
  rulesetFor,
  type OrgKind,
} from '../../domain/site-requirements/index.ts';
import { describeBackends } from '../../../test/db.ts';
import { createOrganizationRow, createRegion } from '../../../test/fixtures.ts';
import {
  addCampaignOrganizations,
  createCampaign,
  upsertCampaignStages,
} from '../campaigns/campaigns.repo.ts';
import { campaignCutoff, endOfDayIn, siteFeed } from './monitor.feed.ts';
import { insertCheck, insertRun } from './monitor.repo.ts';

/** Every listed item found, except the given statuses. */
function items(kind: OrgKind, at: Date, except: Record<string, string> = {}): StoredItem[] {
  const ruleset = rulesetFor(at);
  return CATALOGUE.sections.flatMap((s) =>
    listedItems(s, kind, ruleset).map((i) => ({
      key: i.id,
      section: s.key,
      itemprop: i.itemprop,
      status: except[i.id] ?? 'found',
      requirement: 'required',
    })),
  );
}

const channels = (...codes: string[]): StoredChannel[] =>
  ['faq', 'other', 'telephone', 'email'].map((c) => ({
    channel: c,
    detected: codes.includes(c),
    evidence: codes.includes(c) ? c : null,
  }));

describeBackends('site feed', ({ db }) => {
  let campaignId: number;
  const ids: Record<string, number> = {};
  const checkIds: Record<string, number> = {};

  beforeAll(async () => {
    const region = await createRegion(db());
    const org = (over: Parameters<typeof createOrganizationRow>[2]) =>
      createOrganizationRow(db(), region, over);
    ids.school = (await org({})).id;
    ids.branches = (await org({ applicability: { hasBranches: true } })).id;
    ids.kindergarten = (await org({ kind: 'preschool' })).id;
    ids.broken = (await org({})).id;
    ids.excluded = (await org({})).id;
    const campaign = await createCampaign(db(), {
      title: 'НОК 2026',
      year: 2026,
      territoryId: region.region.id,
      status: 'collecting',
      methodology: methodologyVersion(),
    });
    campaignId = campaign.id;
    await addCampaignOrganizations(db(), campaignId, [
      ...['school', 'branches', 'kindergarten', 'broken'].map((k) => ({
        organizationId: ids[k]!,
        status: 'included' as const,
      })),
      { organizationId: ids.excluded!, status: 'excluded' },
    ]);
    await upsertCampaignStages(db(), campaignId, [
      {
        key: 'data_collection',
        title: 'Сбор',
        plannedStart: '2026-03-16',
        plannedEnd: '2026-11-30',
      },
    ]);
    const run = await insertRun(db(), { scope: 'all', trigger: 'manual', requestedBy: 'тест' });
    const store = async (name: string, org: string, at: string, kind: OrgKind, over = {}) => {
      const checkedAt = new Date(at);
      // One run per check (a run holds one check per organization).
      const r =
        name === 'A'
          ? run
          : await insertRun(db(), { scope: 'all', trigger: 'manual', requestedBy: 'тест' });
      const c = await insertCheck(db(), {
        runId: r.id,
        organizationId: ids[org]!,
        url: 'https://site.example/',
        kind,
        checkedAt,
        rulesetVersion: rulesetFor(checkedAt).version,
        catalogueVersion: CATALOGUE.version,
        status: 'ok',
        items: items(kind, checkedAt),
        channels: channels('email', 'telephone', 'faq'),
        ...over,
      });
      checkIds[name] = c!.id;
    };
    const nov22 = '2026-11-22T10:00:00Z';
    await store('A', 'school', nov22, 'school', {
      items: items('school', new Date(nov22), {
        'common.fullName': 'missing',
        'common.email': 'hidden',
        'inter.internationalDog': 'placeholder',
      }),
    });
    await store('B', 'school', '2026-11-30T20:00:00Z', 'school', {
      items: items('school', new Date(nov22), { 'common.fullName': 'missing' }),
      channels: channels('telephone'),
    });
    await store('C', 'school', '2026-11-30T21:30:00Z', 'school'); // after the cut-off
    // Branch items are listed for every school; with branches they count: only the container is there.
    const branchItems = ['nameFil', 'fioFil', 'postFil', 'addressFil', 'emailFil', 'websiteFil'];
    await store('D', 'branches', '2026-11-25T10:00:00Z', 'school', {
      items: items('school', new Date(nov22), {
        ...Object.fromEntries(branchItems.map((i) => [`struct.filInfo.${i}`, 'missing'])),
        'managers.rucovodstvoFil': 'missing',
      }),
    });
    await store('E', 'kindergarten', '2025-06-01T10:00:00Z', 'preschool', {
      items: items('preschool', new Date('2025-06-01T10:00:00Z'), {
        ...Object.fromEntries(CATALOGUE.sections.map((s) => [`${s.key}.copy`, 'missing'])),
      }),
    });
    await store('F', 'broken', '2026-11-20T10:00:00Z', 'school', { status: 'error', items: [] });
    await store('G', 'excluded', '2026-11-20T10:00:00Z', 'school');
  });

  it('cut-off: end of the data-collection stage in the region time zone, its completion, or now', async () => {
    expect(endOfDayIn('2026-11-30', 'Europe/Moscow').toISOString()).toBe(
      '2026-11-30T20:59:59.999Z',
    );
    expect(endOfDayIn('2026-11-30', 'Asia/Yekaterinburg').toISOString()).toBe(
      '2026-11-30T18:59:59.999Z',
    );
    expect((await campaignCutoff(db(), campaignId))?.toISOString()).toBe(
      '2026-11-30T20:59:59.999Z',
    );
    const now = new Date('2027-01-01T00:00:00Z');
    expect(await campaignCutoff(db(), 999_999, now)).toBeNull();
  });

  it('values per organization, exact', async () => {
    const feed = await siteFeed(db(), campaignId);
    expect([...feed.keys()].sort()).toEqual([ids.school, ids.branches, ids.kindergarten].sort());
    expect(feed.get(ids.school!)).toEqual({
      site: { present: 93, required: 94 },
      channelsListed: ['telephone'],
      checkId: checkIds.B,
      checkedAt: new Date('2026-11-30T20:00:00Z'),
      rulesetVersion: '1493+1353',
    });
    expect(feed.get(ids.branches!)).toMatchObject({
      site: { present: 95, required: 102 },
      checkId: checkIds.D,
    });
    expect(feed.get(ids.kindergarten!)).toMatchObject({
      site: { present: 85, required: 99 },
      channelsListed: ['telephone', 'email', 'faq'],
      rulesetVersion: '1493',
    });
  });

  it('an explicit cut-off and a completed stage move the check taken', async () => {
    const early = await siteFeed(db(), campaignId, new Date('2026-11-23T00:00:00Z'));
    expect(early.get(ids.school!)).toMatchObject({
      site: { present: 92, required: 94 },
      checkId: checkIds.A,
    });
    expect(early.has(ids.branches!)).toBe(false);
    await db()
      .update(campaignStages)
      .set({ completedAt: new Date('2026-12-05T00:00:00Z') })
      .where(eq(campaignStages.campaignId, campaignId));
    expect((await campaignCutoff(db(), campaignId))?.toISOString()).toBe(
      '2026-12-05T00:00:00.000Z',
    );
    expect((await siteFeed(db(), campaignId)).get(ids.school!)).toMatchObject({
      site: { present: 94, required: 94 },
      checkId: checkIds.C,
    });
  });
});
