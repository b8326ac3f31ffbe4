// The results pages through the built app: recalculate (no JavaScript form), the rating with bands
// and flags, the council's approval form, the organization page explaining every number, and
// refusals for people outside the organization.
import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import {
  createTestApp,
  loadTestBuild,
  loginAs,
  postForm,
  type TestApp,
  type TestSession,
} from '../../../../test/app.ts';
import { describeBackends } from '../../../../test/db.ts';
import { campaigns } from '../../../db/schema/index.ts';
import {
  WORKED_SURVEY,
  createResultsCampaign,
  insertSurveyCounts,
  type ResultsCampaign,
} from '../../../features/results/results.test-support.ts';

describeBackends('results pages', ({ db }) => {
  let app: TestApp;
  let c: ResultsCampaign;
  let operator: TestSession;
  let council: TestSession;
  const page = (path: string, who: TestSession) =>
    app.request(`/campaigns/${c.campaignId}/results${path}`, { headers: { cookie: who.cookie } });

  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), { now: new Date('2026-11-20T09:00:00Z'), build });
    c = await createResultsCampaign(db(), { status: 'reporting', orgs: [{}, { contingent: 900 }] });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
    operator = await loginAs(app, db(), 'operator');
    council = await loginAs(app, db(), 'council');
  });

  it('recalculates from the page and shows the rating', async () => {
    const empty = await (await page('', operator)).text();
    expect(empty).toContain('Результаты ещё не рассчитаны.');
    const res = await app.request(
      `/campaigns/${c.campaignId}/results`,
      postForm(operator, { intent: 'calculate' }),
    );
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('done=stored-1');
    const html = await (await page('?done=stored-1', operator)).text();
    expect(html).toContain('Результаты пересчитаны: сохранена версия 1.');
    expect(html).toContain('Версия 1 — текущий расчёт');
    expect(html).toContain(c.orgs[0]!.shortName);
    expect(html).toContain('нет данных чек-листа');
    expect(html).toContain('недостаточно данных');
    expect(html).toContain('Средние значения');
    expect(html).not.toContain('Утвердить результаты');
  });

  it('lets the council approve the results with its decision', async () => {
    await db()
      .update(campaigns)
      .set({ status: 'discussion' })
      .where(eq(campaigns.id, c.campaignId));
    const html = await (await page('', council)).text();
    expect(html).toContain('Утверждение результатов решением общественного совета');
    expect(html).not.toContain('Пересчитать результаты');
    const missing = await app.request(
      `/campaigns/${c.campaignId}/results`,
      postForm(council, { intent: 'freeze', decisionNumber: '', decisionDate: '2026-11-19' }),
    );
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Укажите номер решения (протокола)');
    const res = await app.request(
      `/campaigns/${c.campaignId}/results`,
      postForm(council, { intent: 'freeze', decisionNumber: '12', decisionDate: '2026-11-19' }),
    );
    expect(res.status).toBe(302);
    const after = await (await page('?done=frozen-1', council)).text();
    expect(after).toContain('Версия 1 утверждена решением общественного совета.');
    expect(after).toContain('Решение общественного совета № 12 от 19.11.2026');
  });

  it('explains an organization: indicators, formulas, Wilson intervals, shortcomings', async () => {
    const expert = await loginAs(app, db(), 'expert');
    const res = await page(`/organizations/${c.orgs[0]!.id}`, expert);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('0.5 × (Q2да/Q1да + Q4да/Q3да) × 100');
    expect(html).toContain('Q2да = 108');
    expect(html).toContain('92,00');
    expect(html).toContain('83,33 – 94,19');
    expect(html).toContain('Недостатки и рекомендации');
    expect(html).toContain('нет данных чек-листа');
  });

  it('refuses organization staff another organization, and non-operators the recalculation', async () => {
    const staff = await loginAs(app, db(), 'organization', { organizationId: c.orgs[1]!.id });
    expect((await page(`/organizations/${c.orgs[0]!.id}`, staff)).status).toBe(403);
    expect((await page(`/organizations/${c.orgs[1]!.id}`, staff)).status).toBe(200);
    const post = await app.request(
      `/campaigns/${c.campaignId}/results`,
      postForm(staff, { intent: 'calculate' }),
    );
    expect(post.status).toBe(403);
  });
});
