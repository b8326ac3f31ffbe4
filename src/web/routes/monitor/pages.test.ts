// The monitoring pages through the built app over demo checks (no network): the summary with the
// ranking and the run button, an organization's history with changes, a check's report with
// advice, a stored page as text/plain and inside a sandboxed frame, the XLSX download, a run
// started from the organization page, and who may open what.
import ExcelJS from 'exceljs';
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
import { createOrganizationRow, createRegion } from '../../../../test/fixtures.ts';
import { insertRun } from '../../../features/monitor/monitor.repo.ts';
import { seedMonitorChecks } from '../../../features/monitor/monitor.seed.ts';
import { SYSTEM_CALLER } from '../../../features/context.ts';

describeBackends('monitoring pages', ({ db }) => {
  let app: TestApp;
  let admin: TestSession;
  let orgId: number;
  let checkId: number;
  let noSiteId: number;
  beforeAll(async () => {
    const build = await loadTestBuild();
    if (!build) throw new Error('build/ is missing: test/build-setup.ts builds the pages');
    app = createTestApp(db(), { build, now: new Date('2026-11-22T10:00:00Z') });
    const region = await createRegion(db());
    for (let i = 0; i < 6; i++) {
      await createOrganizationRow(db(), region, { website: `https://school-${i}.example/` });
    }
    noSiteId = (await createOrganizationRow(db(), region, { website: null })).id;
    await db().transaction((tx) => seedMonitorChecks(tx, { now: app.clock.now }));
    admin = await loginAs(app, db(), 'regional_admin');
    const s = await app.services.monitor.summary(SYSTEM_CALLER, {});
    const row = s.ranking.find((r) => r.status === 'ok' && r.share < 1)!;
    orgId = row.organizationId;
    checkId = row.checkId;
  });
  const get = (path: string, who?: TestSession) =>
    app.request(path, who ? { headers: { cookie: who.cookie } } : {});

  it('summary: ranking, municipalities, the run button and the exports', async () => {
    const res = await get('/monitor', admin);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const text of [
      'Мониторинг официальных сайтов',
      'Проверить все сайты сейчас',
      'Рейтинг организаций по доле размещённых сведений',
      'По муниципалитетам',
      'Скачать свод и рейтинг (XLSX)',
      'Следующая плановая проверка всех сайтов: 01.12.2026, 03:00 (МСК).',
      `href="/monitor/organizations/${orgId}"`,
    ])
      expect(html).toContain(text);
  });

  it('organization history with changes, report with advice, stored page', async () => {
    const h = await (await get(`/monitor/organizations/${orgId}`, admin)).text();
    expect(h).toContain('История проверок');
    expect(h).toContain('Проверить сайт сейчас');
    expect(h).toMatch(/Появилось|Пропало|Изменилось|Без изменений/);
    const r = await (await get(`/monitor/checks/${checkId}`, admin)).text();
    expect(r).toContain('Что исправить (');
    expect(r).toContain('Основание: ');
    expect(r).toContain('Пример разметки:');
    expect(r).toContain(`/monitor/checks/${checkId}/pages/1/source`);
    const source = await get(`/monitor/checks/${checkId}/pages/1/source`, admin);
    expect(source.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(source.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await source.text()).toContain('<h1>Основные сведения</h1>');
    const view = await (await get(`/monitor/checks/${checkId}/pages/1`, admin)).text();
    expect(view).toContain('sandbox=""');
    expect(view).toMatch(/srcdoc="[^"]*&lt;h1&gt;Основные сведения/i);
    expect((await get(`/monitor/checks/${checkId}/pages/99/source`, admin)).status).toBe(404);
  });

  it('the XLSX export downloads', async () => {
    const res = await get('/monitor/summary.xlsx', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    expect(wb.getWorksheet('Рейтинг')!.rowCount).toBe(8);
  });

  it('a run started from the organization page ends on the run page', async () => {
    const res = await app.request(`/monitor/organizations/${noSiteId}`, postForm(admin));
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/monitor\/runs\/\d+$/);
    const page = await (await get(location, admin)).text();
    expect(page).toContain('Завершён');
    expect(page).toContain('Проверено 1 из 1, с ошибкой 1');
    expect(page).toContain('адрес сайта не указан в реестре');
    expect(page).not.toContain('http-equiv="refresh"');
  });

  it('a queued run can be stopped from its page', async () => {
    const run = await insertRun(db(), {
      scope: 'organization',
      organizationId: noSiteId,
      trigger: 'manual',
      requestedBy: 'тест',
    });
    const before = await (await get(`/monitor/runs/${run.id}`, admin)).text();
    expect(before).toContain('Остановить проверку');
    const res = await app.request(`/monitor/runs/${run.id}`, postForm(admin));
    expect(res.status).toBe(302);
    const page = await (await get(`/monitor/runs/${run.id}`, admin)).text();
    expect(page).toMatch(/проверка остановлена: [^<]+/);
    expect(page).not.toContain('Остановить проверку');
    expect(page).not.toContain('http-equiv="refresh"');
  });

  it('who may open what', async () => {
    const expert = await loginAs(app, db(), 'expert');
    const html = await (await get('/monitor', expert)).text();
    expect(html).toContain('Рейтинг организаций');
    expect(html).not.toContain('Проверить все сайты сейчас');
    const denied = await app.request('/monitor', postForm(expert));
    expect(denied.status).toBe(403);
    const own = await loginAs(app, db(), 'organization', { organizationId: orgId });
    const redirect = await get('/monitor', own);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/monitor/organizations/${orgId}`);
    expect((await get(`/monitor/organizations/${orgId}`, own)).status).toBe(200);
    expect((await get(`/monitor/organizations/${noSiteId}`, own)).status).toBe(403);
    const anon = await get('/monitor');
    expect(anon.status).toBe(302);
    expect(anon.headers.get('location')).toBe('/login?next=%2Fmonitor');
  });
});
