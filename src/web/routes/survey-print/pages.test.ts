// Print and reminder pages through the built app: the print page per role (its scope only), the
// downloads as attachments with UTF-8 names, refusals, the reminders page and its button (no
// JavaScript, CSRF field), and the same files through the API.
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { beforeAll, expect, it } from 'vitest';
import {
  createTestApp,
  jsonRequest,
  loadTestBuild,
  loginAs,
  postForm,
  type TestApp,
  type TestSession,
} from '../../../../test/app.ts';
import { describeBackends } from '../../../../test/db.ts';
import { organizations } from '../../../db/schema/index.ts';
import { pdfText } from '../../../features/survey-print/print.test-support.ts';
import { HALF_WINDOW, progressDataset } from '../../../features/survey/progress.test-support.ts';
import type { SurveyCampaign } from '../../../features/survey/survey.test-support.ts';

describeBackends('survey print pages', ({ db }) => {
  let app: TestApp;
  let c: SurveyCampaign;
  let op: TestSession;
  let mun: number;
  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), {
      now: HALF_WINDOW,
      build,
      env: { PUBLIC_URL: 'https://nok.test' },
    });
    c = await progressDataset(db());
    mun = c.orgs[0]!.municipalityId;
    await db()
      .update(organizations)
      .set({ email: 'b@school.test' })
      .where(eq(organizations.id, c.orgs[1]!.id));
    op = await loginAs(app, db(), 'operator');
  });
  const get = (path: string, who: TestSession | null = op) =>
    app.request(path, who ? { headers: { cookie: who.cookie } } : {});
  const base = () => `/campaigns/${c.campaignId}`;

  it('print page: every organization with its link and four files, a ZIP per municipality', async () => {
    const res = await get(`${base()}/print`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Приглашения к опросу');
    for (const [i, org] of c.orgs.entries()) {
      expect(html).toContain(`https://nok.test/s/${c.codes[i]}`);
      for (const f of ['qr.svg', 'qr.png', 'poster.pdf', 'questionnaire.pdf']) {
        expect(html).toContain(`href="${base()}/print/${org.id}/${f}"`);
      }
    }
    expect(html).toContain(`${base()}/print/municipality/${mun}/posters.zip`);
    expect(html).toContain('Плакаты (ZIP)');
    expect(html).toContain(`href="${base()}/reminders"`);
  });

  it('downloads: poster and questionnaire PDF, QR PNG, ZIP — attachments with UTF-8 names', async () => {
    const poster = await get(`${base()}/print/${c.orgs[0]!.id}/poster.pdf`);
    expect(poster.status).toBe(200);
    expect(poster.headers.get('content-type')).toBe('application/pdf');
    expect(poster.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`Плакат ${c.codes[0]} ${c.orgs[0]!.shortName}.pdf`)}`,
    );
    const { text } = await pdfText(new Uint8Array(await poster.arrayBuffer()));
    expect(text).toContain(c.orgs[0]!.shortName);
    expect(text).toContain(`https://nok.test/s/${c.codes[0]}`);
    const form = await get(`${base()}/print/${c.orgs[0]!.id}/questionnaire.pdf`);
    expect((await pdfText(new Uint8Array(await form.arrayBuffer()))).pages).toBe(2);
    const png = await get(`${base()}/print/${c.orgs[0]!.id}/qr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    const zip = await get(`${base()}/print/municipality/${mun}/posters.zip`);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(Object.keys(unzipSync(new Uint8Array(await zip.arrayBuffer())))).toHaveLength(3);
  });

  it('unknown file or id → 404; the public is sent to log in', async () => {
    expect((await get(`${base()}/print/${c.orgs[0]!.id}/secret.txt`)).status).toBe(404);
    expect((await get(`${base()}/print/abc/poster.pdf`)).status).toBe(404);
    expect((await get(`/campaigns/999999/print`)).status).toBe(404);
    const anon = await get(`${base()}/print/${c.orgs[0]!.id}/poster.pdf`, null);
    expect(anon.status).toBe(302);
  });

  it('municipal authority: its municipality only; organization: itself only', async () => {
    const m = await loginAs(app, db(), 'municipal', { territoryId: mun });
    const html = await (await get(`${base()}/print`, m)).text();
    expect(html).toContain(c.orgs[0]!.shortName);
    expect(html).not.toContain(`${base()}/print/${c.orgs[2]!.id}/`);
    expect(html).not.toContain(`href="${base()}/reminders"`);
    expect((await get(`${base()}/print/${c.orgs[2]!.id}/poster.pdf`, m)).status).toBe(403);

    const o = await loginAs(app, db(), 'organization', { organizationId: c.orgs[1]!.id });
    const own = await (await get(`${base()}/print`, o)).text();
    expect(own).toContain(`${base()}/print/${c.orgs[1]!.id}/poster.pdf`);
    expect(own).not.toContain(`${base()}/print/${c.orgs[0]!.id}/`);
    expect(own).not.toContain('posters.zip');
    expect((await get(`${base()}/print/${c.orgs[1]!.id}/qr.svg`, o)).status).toBe(200);
    expect((await get(`${base()}/print/${c.orgs[0]!.id}/qr.svg`, o)).status).toBe(403);
    expect((await get(`${base()}/print/municipality/${mun}/posters.zip`, o)).status).toBe(403);

    for (const role of ['expert', 'council'] as const) {
      const who = await loginAs(app, db(), role);
      expect((await get(`${base()}/print`, who)).status).toBe(403);
    }
  });

  it('reminders page: who lags, the button sends (no queue here), the history lists it', async () => {
    const page = await get(`${base()}/reminders`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Отправить напоминания сейчас');
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('Напоминаний ещё не было');
    const noCsrf = await app.request(`${base()}/reminders`, {
      ...postForm(op),
      body: '',
    });
    expect(noCsrf.status).toBe(403);
    const res = await app.request(`${base()}/reminders`, postForm(op));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${base()}/reminders?sent=1&skipped=1`);
    const after = await (await get(res.headers.get('location')!)).text();
    expect(after).toContain('Отправлено напоминаний: 1; пропущено: 1.');
    expect(after).toContain('b@school.test');
    expect(after).toContain('кнопка оператора');
    const m = await loginAs(app, db(), 'municipal', { territoryId: mun });
    expect((await get(`${base()}/reminders`, m)).status).toBe(403);
    expect((await app.request(`${base()}/reminders`, postForm(m))).status).toBe(403);
  });

  it('API: the list and the files, with the same permissions', async () => {
    const list = await app.request(`/api/v1${base()}/survey-print`, jsonRequest(op, 'GET'));
    expect(list.status).toBe(200);
    const body = (await list.json()) as { organizations: unknown[] };
    expect(body.organizations).toHaveLength(4);
    const svg = await app.request(
      `/api/v1${base()}/survey-print/organizations/${c.orgs[0]!.id}/qr.svg`,
      jsonRequest(op, 'GET'),
    );
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(await svg.text()).toContain('<path');
    const zip = await app.request(
      `/api/v1${base()}/survey-print/municipalities/${mun}/posters.zip`,
      jsonRequest(op, 'GET'),
    );
    expect(zip.status).toBe(200);
    const bad = await app.request(
      `/api/v1${base()}/survey-print/organizations/${c.orgs[0]!.id}/other.pdf`,
      jsonRequest(op, 'GET'),
    );
    expect(bad.status).toBe(400);
    const expert = await loginAs(app, db(), 'expert');
    const refused = await app.request(
      `/api/v1${base()}/survey-print/organizations/${c.orgs[0]!.id}/poster.pdf`,
      jsonRequest(expert, 'GET'),
    );
    expect(refused.status).toBe(403);
    const history = await app.request(`/api/v1${base()}/survey-reminders`, jsonRequest(op, 'GET'));
    expect(((await history.json()) as { reminders: unknown[] }).reminders).toHaveLength(1);
  });
});
