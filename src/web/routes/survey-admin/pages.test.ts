// Sample-control and moderation pages through the built app: numbers and bars in the HTML, the
// lagging filter, the no-JavaScript moderation form (decision, missing reason), refusals.
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
import { HALF_WINDOW, progressDataset } from '../../../features/survey/progress.test-support.ts';
import type { SurveyCampaign } from '../../../features/survey/survey.test-support.ts';

describeBackends('survey admin pages', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  let op: TestSession;
  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), { now: HALF_WINDOW, build });
    c = await progressDataset(db());
    op = await loginAs(app, db(), 'operator');
  });
  const page = (path: string, who: TestSession = op) =>
    app.request(`/campaigns/${c.campaignId}${path}`, { headers: { cookie: who.cookie } });

  it('progress: per municipality and organization, bars with labels, survey links', async () => {
    const res = await page('/survey');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Ход опроса');
    expect(html).toMatch(/<progress[^>]*aria-label="[^"]*: 33 из 40"/);
    expect(html).toContain('33<!-- --> из <!-- -->40');
    expect(html).toContain(`href="/s/${c.codes[0]}"`);
    expect(html).toContain('Отстаёт');
    expect(html).toContain(c.orgs[0]!.shortName);
    // Print links (survey-print): poster and QR per organization, a ZIP per municipality.
    expect(html).toContain(`/campaigns/${c.campaignId}/print/${c.orgs[0]!.id}/poster.pdf`);
    expect(html).toContain(`/campaigns/${c.campaignId}/print/${c.orgs[0]!.id}/qr.png`);
    expect(html).toMatch(
      new RegExp(
        `/campaigns/${c.campaignId}/print/municipality/${c.orgs[0]!.municipalityId}/posters\\.zip`,
      ),
    );
    expect(html).toContain('Напоминания отстающим');
  });

  it('progress: «только отстающие» leaves out the organizations on track', async () => {
    const html = await (await page('/survey?lagging=1')).text();
    expect(html).toContain(c.orgs[1]!.shortName);
    expect(html).not.toContain(`>${c.orgs[0]!.shortName}`);
  });

  it('moderation: lists flagged responses; the form decides with a reason', async () => {
    const html = await (await page('/moderation')).text();
    const ids = [...html.matchAll(/name="ids" value="(\d+)"/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(5);
    const url = `/campaigns/${c.campaignId}/moderation`;
    const noReason = await app.request(
      url,
      postForm(op, { ids: ids[0]!, decision: 'excluded', reason: ' ' }),
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain('Укажите причину решения');
    const body = new URLSearchParams({ _csrf: op.csrfToken, decision: 'excluded', reason: 'Бот' });
    body.append('ids', ids[0]!);
    body.append('ids', ids[1]!);
    const res = await app.request(url, {
      ...postForm(op),
      body: body.toString(),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('done=2');
    const after = await (await page('/moderation?status=excluded')).text();
    expect(after).toContain('Бот');
  });

  it('municipal: its own municipality on the progress page, 403 on moderation', async () => {
    const who = await loginAs(app, db(), 'municipal', { territoryId: c.orgs[0]!.municipalityId });
    const res = await page('/survey', who);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(c.orgs[0]!.shortName);
    expect(html).toContain(c.orgs[3]!.shortName);
    expect(html).not.toContain(c.orgs[2]!.shortName);
    // Flagged counts are shown but do not link to the moderation page it may not open.
    expect(html).not.toContain('/moderation?organizationId=');
    expect(html).not.toContain('Напоминания отстающим');
    expect(html).toContain(`/campaigns/${c.campaignId}/print/${c.orgs[0]!.id}/poster.pdf`);
    expect((await page('/moderation', who)).status).toBe(403);
  });

  it.each(['expert', 'council', 'organization'] as const)(
    '%s gets 403 on both pages',
    async (role) => {
      const who = await loginAs(app, db(), role);
      expect((await page('/survey', who)).status).toBe(403);
      expect((await page('/moderation', who)).status).toBe(403);
      const post = await app.request(
        `/campaigns/${c.campaignId}/moderation`,
        postForm(who, { ids: '1', decision: 'excluded', reason: 'x' }),
      );
      expect(post.status).toBe(403);
    },
  );

  it('the public is sent to log in', async () => {
    const res = await app.request(`/campaigns/${c.campaignId}/survey`);
    expect(res.status).toBe(302);
  });
});
