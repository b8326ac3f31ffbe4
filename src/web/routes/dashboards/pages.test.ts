// Result pages through the built app (both backends): the campaign dashboard and an organization's
// result for staff (charts as accessible SVG figures with their tables, the GET filter), refusals
// and redirects, and the public pages without sign-in (approved runs only).
import { beforeAll, expect, it } from 'vitest';
import {
  createTestApp,
  loadTestBuild,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../../test/app.ts';
import { describeBackends } from '../../../../test/db.ts';
import {
  addCurrentRun,
  storeFixtureResults,
  type StoredResults,
} from '../../../features/dashboards/dashboards.test-support.ts';

describeBackends('result dashboard pages', ({ db }) => {
  let app: TestApp;
  let stored: StoredResults;
  let campaignId: number;
  let admin: TestSession;
  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), { build });
    stored = await storeFixtureResults(db(), { organizations: 24 });
    campaignId = stored.years[1]!.campaignId;
    await addCurrentRun(db(), stored.years[1]!);
    admin = await loginAs(app, db(), 'expert');
  });
  const get = (path: string, who?: TestSession) =>
    app.request(path, who ? { headers: { cookie: who.cookie } } : {});
  const orgs = () => stored.years[1]!.results.organizations;

  it('dashboard: figures with role="img", summaries, data tables, filters and ratings', async () => {
    const res = await get(`/campaigns/${campaignId}/dashboard`, admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Панель результатов');
    expect(html.match(/<figure/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).toMatch(/role="img" aria-labelledby="chart-bands-title"/);
    expect(html).toContain('<svg aria-hidden="true"');
    expect(html).toContain('Таблица с данными');
    expect(html).toContain('Распределение итоговых баллов');
    expect(html).toContain('Самые частые недостатки');
    expect(html).toContain('name="municipalityId"');
    expect(html).toContain(`/campaigns/${campaignId}/organizations/${orgs()[0]!.organizationId}`);
    // Year over year: 2025 and 2026 of the region, change with its sign.
    expect(html).toContain('+3,88');
  });

  it('dashboard: the GET filter narrows the selection', async () => {
    const m = stored.region.municipalities[0];
    const html = await (
      await get(`/campaigns/${campaignId}/dashboard?municipalityId=${m.id}&kind=school`, admin)
    ).text();
    expect(html).toContain(`${m.name}, общеобразовательные организации`);
    expect(html).toContain('Место в муниципалитете');
  });

  it('organization result: comparison chart, indicators, Wilson intervals, places', async () => {
    const o = orgs().find((x) => x.ranked)!;
    const res = await get(
      `/campaigns/${campaignId}/organizations/${o.organizationId}/results`,
      admin,
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(o.shortName.replace(/"/g, '&quot;').slice(0, 10));
    expect(html).toContain('chart-organization-title');
    expect(html).toContain('Интервал, %');
    expect(html).toContain('Место в рейтингах');
    expect(html).toContain(`/results/${campaignId}/org/${o.organizationId}`);
  });

  it('organization staff are sent to their own result; others get 403', async () => {
    const own = orgs()[0]!.organizationId;
    const staff = await loginAs(app, db(), 'organization', { organizationId: own });
    const res = await get(`/campaigns/${campaignId}/dashboard`, staff);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(
      `/campaigns/${campaignId}/organizations/${own}/results`,
    );
    const other = orgs()[1]!.organizationId;
    expect(
      (await get(`/campaigns/${campaignId}/organizations/${other}/results`, staff)).status,
    ).toBe(403);
  });

  it('the public is sent to sign in for staff pages', async () => {
    const res = await get(`/campaigns/${campaignId}/dashboard`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('/login');
  });

  it('public list and card: no sign-in, light HTML without scripts, approved run', async () => {
    const list = await get(`/results/${campaignId}`);
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).not.toContain('<script');
    expect(html).toContain('Общеобразовательные организации');
    expect(html).toContain('<caption>');
    const o = orgs()[2]!;
    const card = await get(`/results/${campaignId}/org/${o.organizationId}`);
    expect(card.status).toBe(200);
    const cardHtml = await card.text();
    expect(cardHtml).toContain('role="img"');
    expect(cardHtml).toContain(o.total!.toFixed(2).replace('.', ','));
    expect(cardHtml).not.toContain('<script');
    const search = await (
      await get(`/results/${campaignId}?q=${encodeURIComponent('колледж № 4')}`)
    ).text();
    expect(search).toContain('Найдено организаций: 1');
  });

  it('public pages answer 404 for unknown or unapproved results', async () => {
    expect((await get(`/results/999999`)).status).toBe(404);
    expect((await get(`/results/${campaignId}/org/999999`)).status).toBe(404);
    expect((await get(`/results/abc`)).status).toBe(404);
    const fresh = await storeFixtureResults(db(), {
      organizations: 8,
      years: [{ year: 2026, status: 'current' }],
    });
    const res = await get(`/results/${fresh.years[0]!.campaignId}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('не утверждены');
  });
});
