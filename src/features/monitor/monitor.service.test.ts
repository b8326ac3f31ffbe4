// The monitor service on both backends over local fixture sites, checked in-process (no queue):
// a run over the organizations stores one check each with its pages (identical pages once), broken
// sites become error checks, the history diff is exact, the report explains each missing item, the
// summary ranks by compliance, the exports carry the values, and permissions follow the table.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CATALOGUE,
  listedItems,
  requiredItems,
  rulesetFor,
  sectionByKey,
} from '../../domain/site-requirements/index.ts';
import { describeBackends } from '../../../test/db.ts';
import { FIXTURE_DATE, FIXTURE_SITES, schoolSite } from '../../../test/fixtures/sites/index.ts';
import { SYSTEM_CALLER, type Caller } from '../context.ts';
import { catalogueEntry } from './monitor.advice.ts';
import { countSnapshots, checksOfRun } from './monitor.repo.ts';
import { createMonitorService, type MonitorService } from './monitor.service.ts';
import {
  monitorOrganizations,
  startMutableSites,
  testDeps,
  testRuntime,
  type MonitorFixture,
  type MutableSites,
  type TestClock,
} from './monitor.test-support.ts';

const ruleset = rulesetFor(FIXTURE_DATE);
const interListed = listedItems(sectionByKey('inter'), 'school', ruleset).map((i) => i.id);
const interRequired = requiredItems('school', ruleset).filter((i) => i.section === 'inter');
const LATER = new Date(FIXTURE_DATE.getTime() + 7 * 86_400_000);

let sites: MutableSites;
beforeAll(async () => {
  sites = await startMutableSites();
  sites.sites.set('school', () => schoolSite({ absent: ['inter'] }));
  sites.sites.set('kindergarten', () => schoolSite({ kind: 'preschool' }));
  sites.sites.set('hang', FIXTURE_SITES.hang!);
});
afterAll(() => sites.server.close());

describeBackends('monitor service', ({ db }) => {
  const clock: TestClock = { now: FIXTURE_DATE };
  let monitor: MonitorService;
  let f: MonitorFixture;
  let firstRun: number;
  let secondRun: number;
  const admin = SYSTEM_CALLER;

  beforeAll(async () => {
    // The sites are shared by the backends' suites: each starts from the first month's content.
    sites.sites.set('school', () => schoolSite({ absent: ['inter'] }));
    monitor = createMonitorService(testDeps(db(), clock), testRuntime(sites.server));
    f = await monitorOrganizations(db(), sites.server);
  });

  it('a run over the organizations stores one check each with its pages; broken sites are errors', async () => {
    const started = Date.now();
    const { run, existing } = await monitor.startRun(admin, {});
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(existing).toBe(false);
    expect(run).toMatchObject({ status: 'done', total: 4, done: 4, errors: 2, trigger: 'manual' });
    firstRun = run.id;
    const checks = new Map((await checksOfRun(db(), run.id)).map((c) => [c.organizationId, c]));
    expect(checks.get(f.school.id)).toMatchObject({
      status: 'ok',
      present: 94 - interRequired.length,
      required: 94,
      rulesetVersion: '1493+1353',
      sectionLink: true,
    });
    expect(checks.get(f.kindergarten.id)).toMatchObject({
      status: 'ok',
      present: 85,
      required: 85,
    });
    expect(checks.get(f.hanging.id)).toMatchObject({ status: 'error', present: 0 });
    expect(checks.get(f.hanging.id)?.errorReason).toMatch(/^нет ответа за 3 с/);
    expect(checks.get(f.noSite.id)).toMatchObject({
      status: 'error',
      errorReason: 'адрес сайта не указан в реестре',
      items: [],
    });
    const report = await monitor.report(admin, checks.get(f.school.id)!.id);
    expect(report.pages.length).toBeGreaterThanOrEqual(CATALOGUE.sections.length);
    // The general rules are kept with the check (the school passes all but the e-signature hint).
    expect(Object.fromEntries(report.siteChecks.map((c) => [c.key, c.status]))).toMatchObject({
      section_link: 'pass',
      shared_navigation: 'pass',
      accessibility: 'pass',
      information_as_images: 'pass',
      e_signature: 'warning',
    });
    const page = await monitor.snapshot(admin, report.check.id, report.pages[0]!.seq);
    expect(page.url).toBe(sites.server.url('school'));
    expect(page.text).toMatch(/^<!doctype html>/i);
  });

  it('a second run stores only the pages that changed (sha-256 dedupe)', async () => {
    const before = await countSnapshots(db());
    sites.sites.set('school', () => schoolSite({ tweaks: { hidden: ['common.email'] } }));
    clock.now = LATER;
    const { run } = await monitor.startRun(admin, {});
    secondRun = run.id;
    expect(run).toMatchObject({ status: 'done', done: 4, errors: 2 });
    // Only the school's «Основные сведения» is new: its «Международное сотрудничество», new to
    // the school, is the same page as the kindergarten's, stored by the first run.
    expect((await countSnapshots(db())) - before).toBe(1);
  });

  it('history: the diff between consecutive checks is exact', async () => {
    const h = await monitor.history(admin, f.school.id);
    expect(h.checks.map((c) => c.runId)).toEqual([secondRun, firstRun]);
    const [latest, first] = h.checks;
    expect(first!.diff).toBeNull();
    const d = latest!.diff!;
    expect(d.appeared.map((c) => c.key)).toEqual(interListed);
    expect(d.appeared.every((c) => c.from === 'missing' && c.to === 'found')).toBe(true);
    expect(d.disappeared).toEqual([
      {
        key: 'common.email',
        itemprop: 'email',
        section: 'common',
        from: 'found',
        to: 'hidden',
        requirement: 'required',
        title: 'Адреса электронной почты',
      },
    ]);
    expect(d.changed).toEqual([]);
    expect([d.channelsAppeared, d.channelsDisappeared]).toEqual([[], []]);
  });

  it('update heuristic (273-ФЗ art.29 ч.3): the second check notes what changed and between which dates', async () => {
    const h = await monitor.history(admin, f.school.id);
    const [latest, first] = await Promise.all(h.checks.map((c) => monitor.report(admin, c.id)));
    const rule = (r: typeof latest) => r!.siteChecks.find((c) => c.key === 'update_10_days');
    const none = 'год не указан ни в тексте ссылки, ни в имени файла';
    const noYear =
      'в подразделах нет ежегодных документов с указанием года; ' +
      `отчёт о самообследовании: ${none}; ` +
      `план финансово-хозяйственной деятельности (бюджетная смета): ${none}; ` +
      `учебный план или календарный учебный график: ${none}`;
    // The first check has nothing to compare with and no document names a year.
    expect(rule(first)).toMatchObject({
      status: 'not_checked',
      required: false,
      details: noYear,
      evidence: [],
    });
    const interTitles = interListed.map((k) => catalogueEntry(k)!.item.title.slice(0, 80));
    const range = 'между 22.11.2026 и 29.11.2026';
    expect(rule(latest)).toMatchObject({
      status: 'not_checked',
      details: `${noYear}; изменения замечены ${range} в подразделах: /sveden/common, /sveden/inter`,
      evidence: [
        `/sveden/common (${range}): Адреса электронной почты`,
        `/sveden/inter (${range}): ${interTitles.slice(0, 5).join('; ')}${
          interTitles.length > 5 ? ` и ещё ${interTitles.length - 5}` : ''
        }`,
      ],
    });
    // The organization's page shows the finding of its latest successful check.
    expect(h.freshness).toEqual(rule(latest));
  });

  it('report: each missing item with its legal basis, how to fix it and the markup', async () => {
    const h = await monitor.history(admin, f.school.id);
    const r = await monitor.report(admin, h.checks[1]!.id);
    expect(r.issues.map((i) => i.key)).toEqual(interRequired.map((i) => i.id));
    const dog = r.issues.find((i) => i.itemprop === 'internationalDog')!;
    expect(dog.legalBasis).toMatch(/приказ Рособрнадзора № 1493 п\.18/);
    expect(dog.howTo).toMatch(/^Подраздел \/sveden\/inter не найден/);
    expect(dog.example).toContain('itemprop="internationalDog"');
    expect(r.sections.find((s) => s.key === 'inter')).toMatchObject({ status: 'missing' });
    const latest = await monitor.report(admin, h.checks[0]!.id);
    expect(latest.issues).toEqual([
      expect.objectContaining({
        key: 'common.email',
        status: 'hidden',
        example: '<span itemprop="email">…</span>',
      }),
    ]);
    expect(latest.diff?.disappeared.map((c) => c.key)).toEqual(['common.email']);
  });

  it('summary: ranking by present/required share, ties share a rank, municipalities', async () => {
    const s = await monitor.summary(admin, {});
    expect(s.ranking.map((r) => [r.rank, r.organizationId, r.share])).toEqual([
      [1, f.kindergarten.id, 1],
      [2, f.school.id, 0.9894],
      [3, f.hanging.id, 0],
      [3, f.noSite.id, 0],
    ]);
    const [m0, m1] = f.region.municipalities;
    const mun = new Map(s.municipalities.map((m) => [m.municipalityId, m]));
    expect(mun.get(m1.id)).toMatchObject({
      organizations: 1,
      checked: 1,
      errors: 0,
      averageShare: 1,
    });
    expect(mun.get(m0.id)).toMatchObject({
      organizations: 3,
      checked: 3,
      errors: 2,
      present: 93,
      required: 94 * 3,
      averageShare: 0.3298,
    });
    expect(s.region).toMatchObject({ organizations: 4, checked: 4, errors: 2 });
  });

  it('XLSX exports: the ranking and the per-item results', async () => {
    const read = async (bytes: Uint8Array) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      return wb;
    };
    const summary = await read((await monitor.exportSummary(admin, {})).bytes);
    const rank = summary.getWorksheet('Рейтинг')!;
    expect(rank.getRow(2).values).toEqual(
      expect.arrayContaining([
        1,
        f.kindergarten.inn,
        'МБДОУ Детский сад № 5',
        'дошкольная',
        85,
        100,
      ]),
    );
    expect(rank.getRow(3).getCell(11).value).toBe(98.94);
    expect(rank.rowCount).toBe(5);
    expect(summary.getWorksheet('Регион')!.getRow(2).getCell(2).value).toBe(4);
    const items = await read((await monitor.exportItems(admin, {})).bytes);
    const rows = items.getWorksheet('Сведения')!.getSheetValues().slice(2) as unknown[][];
    const email = rows.find((r) => r[2] === f.school.shortName && r[8] === 'email');
    expect(email?.[10]).toBe('скрыто от посетителей');
    const listedForSchool = CATALOGUE.sections.flatMap((s) => listedItems(s, 'school', ruleset));
    expect(rows.filter((r) => r[2] === f.school.shortName)).toHaveLength(listedForSchool.length);
    const channels = items.getWorksheet('Каналы 1.2')!;
    expect(channels.getRow(1).getCell(4).value).toBe('телефон');
    // The update heuristic: one row per organization with a stored finding (the two sites read).
    const fresh = items.getWorksheet('Актуальность (справочно)')!;
    expect(fresh.getRow(1).getCell(4).value).toBe('Обновление (ст.29 ч.3 273-ФЗ), эвристика');
    const freshRows = fresh.getSheetValues().slice(2) as unknown[][];
    expect(freshRows.map((r) => [r[2], r[4]]).sort()).toEqual(
      [
        [f.kindergarten.shortName, 'не определить'],
        [f.school.shortName, 'не определить'],
      ].sort(),
    );
  });

  it('permissions: monitor.run to start (in scope), results.view to read (in scope)', async () => {
    const [m0, m1] = f.region.municipalities;
    const municipal: Caller = { role: 'municipal', territoryId: m0.id, label: 'УО' };
    const expert: Caller = { role: 'expert', label: 'эксперт' };
    const own: Caller = {
      role: 'organization',
      userId: 9003,
      organizationId: f.school.id,
      label: 'школа',
    };
    const anon: Caller = { role: 'public', label: 'гость' };
    const forbidden = { code: 'forbidden' };
    await expect(monitor.startRun(expert, {})).rejects.toMatchObject(forbidden);
    await expect(monitor.startRun(own, { organizationId: f.school.id })).rejects.toMatchObject(
      forbidden,
    );
    await expect(
      monitor.startRun(municipal, { organizationId: f.kindergarten.id }),
    ).rejects.toMatchObject(forbidden);
    await expect(monitor.startRun(municipal, { municipalityId: m1.id })).rejects.toMatchObject(
      forbidden,
    );
    const { run } = await monitor.startRun(municipal, { organizationId: f.noSite.id });
    expect(run).toMatchObject({ scope: 'organization', total: 1, done: 1, errors: 1 });
    expect((await monitor.history(expert, f.kindergarten.id)).canRun).toBe(false);
    expect((await monitor.history(own, f.school.id)).checks).toHaveLength(2);
    await expect(monitor.history(own, f.kindergarten.id)).rejects.toMatchObject(forbidden);
    await expect(monitor.history(municipal, f.kindergarten.id)).rejects.toMatchObject(forbidden);
    await expect(monitor.history(anon, f.school.id)).rejects.toMatchObject(forbidden);
    const mine = await monitor.summary(municipal, { municipalityId: m1.id });
    expect(mine.ranking.map((r) => r.organizationId).sort()).toEqual(
      [f.school.id, f.hanging.id, f.noSite.id].sort(),
    );
    const ownSummary = await monitor.summary(own, {});
    expect(ownSummary.ranking.map((r) => r.organizationId)).toEqual([f.school.id]);
    const check = (await monitor.history(admin, f.kindergarten.id)).checks[0]!.id;
    await expect(monitor.snapshot(own, check, 1)).rejects.toMatchObject(forbidden);
    await expect(monitor.getRun(expert, firstRun)).rejects.toMatchObject(forbidden);
  });

  it('bad input changes nothing and says why in Russian', async () => {
    await expect(monitor.startRun(admin, { organizationId: 'abc' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(monitor.startRun(admin, { organizationId: 999_999 })).rejects.toMatchObject({
      code: 'not_found',
      message: 'Организация не найдена',
    });
    await expect(monitor.report(admin, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
