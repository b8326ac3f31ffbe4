// The dashboards service over stored runs (both backends): who sees which run, the numbers equal
// the builders' on the same results, year over year across campaigns, the public pages only read
// approved (frozen) runs.
import { beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { describeBackends } from '../../../test/db.ts';
import { parseConfig } from '../../config.ts';
import type { Caller } from '../context.ts';
import { buildCampaignDashboard } from './campaign-dashboard.ts';
import {
  createResultDashboardsService,
  type ResultDashboardsService,
} from './dashboards.service.ts';
import {
  addCurrentRun,
  storeFixtureResults,
  type StoredResults,
} from './dashboards.test-support.ts';
import { NO_FILTERS } from './selection.ts';

const as = (role: Caller['role'], extra: Partial<Caller> = {}): Caller => ({
  role,
  label: `Тест (${role})`,
  ...extra,
});

/** Numbers of the table under a figure (the text the page shows). */
const cells = (table: { rows: { header: string; cells: string[] }[] }) =>
  table.rows.map((r) => [r.header, ...r.cells]);

describeBackends('result dashboards service', ({ db }) => {
  let stored: StoredResults;
  let svc: ResultDashboardsService;
  let y2025: StoredResults['years'][number];
  let y2026: StoredResults['years'][number];

  beforeAll(async () => {
    stored = await storeFixtureResults(db(), { organizations: 24 });
    [y2025, y2026] = stored.years as [typeof y2025, typeof y2026];
    await addCurrentRun(db(), y2026);
    svc = createResultDashboardsService({
      db: db(),
      config: parseConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      logger: pino({ level: 'silent' }),
      now: () => new Date('2026-12-01T10:00:00Z'),
    });
  });

  it('shows the stored numbers: the same as the builders on the fixture', async () => {
    const page = await svc.campaignDashboard(as('expert'), y2026.campaignId);
    const expected = buildCampaignDashboard(y2026.results, NO_FILTERS);
    expect(page.run).toMatchObject({ version: 1, status: 'frozen' });
    expect(page.counts).toEqual(expected.counts);
    expect(cells(page.figures.histogram.table)).toEqual(cells(expected.charts.histogram.table));
    expect(cells(page.figures.criteria.table)).toEqual(cells(expected.charts.criteria.table));
    expect(cells(page.figures.municipalities!.table)).toEqual(
      cells(expected.charts.municipalities!.table),
    );
    expect(page.top.map((r) => [r.organizationId, r.total, r.rank])).toEqual(
      expected.top.map((r) => [r.organizationId, r.total, r.rank]),
    );
    expect(page.gaps.slice(0, 5)).toEqual(expected.gaps.slice(0, 5));
    expect(page.figures.histogram.svg).toMatch(/^<svg aria-hidden="true"/);
    expect(page.runs.map((r) => r.version)).toEqual([1]);
  });

  it('people who calculate or approve see the current (not yet approved) run and every version', async () => {
    const council = await svc.campaignDashboard(as('council'), y2026.campaignId);
    expect(council.run).toMatchObject({ version: 2, status: 'current' });
    const page = await svc.campaignDashboard(as('operator'), y2026.campaignId);
    expect(page.run).toMatchObject({ version: 2, status: 'current' });
    expect(page.runs.map((r) => [r.version, r.status])).toEqual([
      [2, 'current'],
      [1, 'frozen'],
    ]);
    const v1 = await svc.campaignDashboard(as('operator'), y2026.campaignId, { version: '1' });
    expect(v1.run.status).toBe('frozen');
  });

  it('year over year for the region from the stored aggregates, with the change', async () => {
    const page = await svc.campaignDashboard(as('expert'), y2026.campaignId);
    const region = (y: typeof y2025) => y.results.aggregates.find((a) => a.level === 'region')!;
    expect(page.yoy!.years.map((y) => [y.year, y.total])).toEqual([
      [2025, region(y2025).total],
      [2026, region(y2026).total],
    ]);
    expect(page.yoy!.rows[0]!.change).toBe(3.88);
    expect(page.yoy!.figure.table.rows[0]!.cells).toEqual(['71,70', '75,58', '+3,88']);
  });

  it('filters by municipality and kind (GET values as text; bad ones ignored)', async () => {
    const m = stored.region.municipalities[1].id;
    const page = await svc.campaignDashboard(as('expert'), y2026.campaignId, {
      municipalityId: String(m),
      kind: 'school',
    });
    const expected = buildCampaignDashboard(y2026.results, { municipalityId: m, kind: 'school' });
    expect(page.counts).toEqual(expected.counts);
    expect(page.rankBasis).toBe('municipality');
    expect(page.yoy!.subject).toBe(y2026.results.campaign.regionName);
    const byMunicipality = await svc.campaignDashboard(as('expert'), y2026.campaignId, {
      municipalityId: String(m),
    });
    expect(byMunicipality.yoy!.subject).toBe(stored.region.municipalities[1].name);
    const bad = await svc.campaignDashboard(as('expert'), y2026.campaignId, {
      municipalityId: 'abc',
      kind: 'DROP TABLE',
    });
    expect(bad.filters).toEqual({ municipalityId: null, kind: null });
  });

  it('a municipal authority sees its municipality; organization staff get their own page only', async () => {
    // The permission table's scope of results.view for a municipal authority: its municipality.
    const home = stored.region.municipalities[0].id;
    const municipal = as('municipal', { territoryId: home });
    const page = await svc.campaignDashboard(municipal, y2026.campaignId);
    const inHome = y2026.results.organizations.filter((o) => o.municipalityId === home).length;
    expect(inHome).toBeGreaterThan(0);
    expect(inHome).toBeLessThan(24);
    expect(page.counts.organizations).toBe(inHome);
    const own = y2026.results.organizations[0]!.organizationId;
    const other = y2026.results.organizations[1]!.organizationId;
    const staff = as('organization', { organizationId: own });
    await expect(svc.campaignDashboard(staff, y2026.campaignId)).rejects.toMatchObject({
      code: 'forbidden',
    });
    const mine = await svc.organizationResults(staff, {
      campaignId: y2026.campaignId,
      organizationId: own,
    });
    expect(mine.organization.organizationId).toBe(own);
    await expect(
      svc.organizationResults(staff, { campaignId: y2026.campaignId, organizationId: other }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("one organization's result: means, rating sizes, shares and its years", async () => {
    const o = y2026.results.organizations.find((x) => x.ranked)!;
    const page = await svc.organizationResults(as('expert'), {
      campaignId: y2026.campaignId,
      organizationId: o.organizationId,
    });
    const ranked = y2026.results.organizations.filter((x) => x.ranked);
    expect(page.places.map((p) => [p.rank, p.of])).toEqual([
      [o.ranks.kind, ranked.filter((x) => x.kind === o.kind).length],
      [
        o.ranks.municipality,
        ranked.filter((x) => x.kind === o.kind && x.municipalityId === o.municipalityId).length,
      ],
      [o.ranks.region, ranked.length],
    ]);
    expect(page.figure.table.rows.at(-1)!.cells[0]).toBe(o.total!.toFixed(2).replace('.', ','));
    expect(page.shares.length).toBeGreaterThan(0);
    const before = y2025.results.organizations.find((x) => x.organizationId === o.organizationId)!;
    expect(page.yoy!.years.map((y) => y.total)).toEqual([before.total, o.total]);
  });

  describe('public pages', () => {
    it('list the approved run only (never the current one)', async () => {
      const list = await svc.publicList(y2026.campaignId, { q: '' });
      expect(list.run).toMatchObject({ version: 1 });
      expect(list.found).toBe(24);
      const found = await svc.publicList(y2026.campaignId, { q: 'колледж № 4' });
      expect(found.groups.flatMap((g) => [...g.ranked, ...g.unranked]).map((r) => r.name)).toEqual([
        'ГБПОУ «Колледж № 4»',
      ]);
    });

    it('answer «not found» when nothing is approved yet', async () => {
      const fresh = await storeFixtureResults(db(), {
        organizations: 8,
        years: [{ year: 2026, status: 'current' }],
      });
      const id = fresh.years[0]!.campaignId;
      await expect(svc.publicList(id)).rejects.toMatchObject({ code: 'not_found' });
      const orgId = fresh.years[0]!.results.organizations[0]!.organizationId;
      await expect(svc.publicCard(id, orgId)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('show an organization card with its years', async () => {
      const o = y2026.results.organizations[0]!;
      const card = await svc.publicCard(y2026.campaignId, o.organizationId);
      expect(card.run.status).toBe('frozen');
      expect(card.organization.total).toBe(o.total);
      expect(card.yoy!.years.map((y) => y.year)).toEqual([2025, 2026]);
      await expect(svc.publicCard(y2026.campaignId, 999_999)).rejects.toMatchObject({
        code: 'not_found',
      });
    });
  });
});
