// The /feedback page through the built app: quarter selector (GET form), summaries by
// municipality and organization for staff, each role its own scope, refusals.
import { beforeAll, expect, it } from 'vitest';
import { createTestApp, loadTestBuild, loginAs, type TestApp } from '../../../../test/app.ts';
import { describeBackends } from '../../../../test/db.ts';
import {
  createSurveyCampaign,
  minimal,
  type SurveyCampaign,
} from '../../../features/survey/survey.test-support.ts';

describeBackends('feedback page', ({ db }) => {
  let app: TestApp;
  let a: SurveyCampaign;
  let b: SurveyCampaign;
  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), { now: new Date('2026-08-20T10:00:00Z'), build });
    a = await createSurveyCampaign(db(), { status: 'published', organizations: 1 });
    b = await createSurveyCampaign(db(), { status: 'closed', organizations: 1 });
    for (const [code, answers] of [
      [a.codes[0]!, minimal()],
      [a.codes[0]!, { ...minimal(), q5: false }],
      [b.codes[0]!, minimal()],
    ] as const) {
      await app.services.survey.submit({
        code,
        answers,
        channel: 'online',
        skipped: 'drop',
        mode: 'auto',
      });
    }
  });

  it('operators see the quarter by municipality and organization', async () => {
    const op = await loginAs(app, db(), 'operator');
    const res = await app.request('/feedback?quarter=2026-Q3', { headers: { cookie: op.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Отзывы между кампаниями');
    expect(html).toContain('<select');
    expect(html).toContain('III квартал 2026 (июль – сентябрь)');
    expect(html).toContain('По муниципалитетам');
    expect(html).toContain(a.orgs[0]!.shortName);
    expect(html).toContain(b.orgs[0]!.shortName);
    expect(html).toContain('50\u00a0%'); // q5 of organization a: one «Да» of two
  });

  it('an organization sees itself only; the council is refused', async () => {
    const school = await loginAs(app, db(), 'organization', { organizationId: a.orgs[0]!.id });
    const html = await (
      await app.request('/feedback', { headers: { cookie: school.cookie } })
    ).text();
    expect(html).toContain(a.orgs[0]!.shortName);
    expect(html).not.toContain(b.orgs[0]!.shortName);
    expect(html).not.toContain('По муниципалитетам');
    const council = await loginAs(app, db(), 'council');
    expect((await app.request('/feedback', { headers: { cookie: council.cookie } })).status).toBe(
      403,
    );
  });

  it('an empty quarter says so', async () => {
    const op = await loginAs(app, db(), 'operator');
    const res = await app.request('/feedback?quarter=2025-Q1', { headers: { cookie: op.cookie } });
    expect(await res.text()).toContain('отзывов нет');
  });
});
