// The general rules of site-monitoring.md on fixture sites: every check's status on a compliant
// school, and each defect fixture failing exactly its own check — with item statuses unchanged
// (the checks never touch «Инорм.сайт»).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorResult, OrgKind, SiteCheckKey } from '../../domain/site-requirements/index.ts';
import {
  checkStatuses,
  expectedStatuses as expected,
  FIXTURE_DATE,
  sectionItems,
  startFixtureSites,
  statuses,
  testMonitor,
} from '../../../test/fixtures/sites/index.ts';
import type { FixtureServer } from '../../../test/fixtures/sites/index.ts';
import type { SiteMonitor } from './crawler.ts';

let server: FixtureServer;
let monitor: SiteMonitor;

beforeAll(async () => {
  server = await startFixtureSites();
  monitor = testMonitor(server);
});
afterAll(async () => {
  monitor.close();
  await server.close();
});

function check(site: string, kind: OrgKind = 'school', now = FIXTURE_DATE): Promise<MonitorResult> {
  return monitor.check(server.url(site), { kind, now });
}

const PASSING: Record<SiteCheckKey, string> = {
  section_link: 'pass',
  shared_navigation: 'pass',
  no_registration: 'pass',
  file_link_purpose: 'pass',
  pdf_text_layer: 'pass',
  documents_available: 'pass',
  ministry_links: 'pass',
  russian_language: 'pass',
  visually_impaired_version: 'pass',
  // No signature in the fixture PDFs: a hint to look, never a failure.
  e_signature: 'warning',
  accessibility: 'pass',
  information_as_images: 'pass',
};

const checkOf = (r: MonitorResult, key: SiteCheckKey) => r.checks?.find((c) => c.key === key);
const itemOf = (r: MonitorResult, key: string) =>
  r.sections.flatMap((s) => s.items).find((i) => i.key === key);

describe('general rules on fixture sites', () => {
  it('compliant school: every check passes; three PDFs read, all with a text layer', async () => {
    const r = await check('school');
    expect(checkStatuses(r)).toEqual(PASSING);
    expect(r.documents?.map((d) => [new URL(d.url).pathname, d.status, d.pages, d.items])).toEqual([
      ['/files/ustavDocLink.pdf', 'text', 2, ['document.ustavDocLink']],
      ['/files/licenseDocLink.pdf', 'text', 2, ['common.licenseDocLink']],
      ['/files/reportEduDocLink.pdf', 'text', 2, ['document.reportEduDocLink']],
    ]);
    expect(checkOf(r, 'visually_impaired_version')).toMatchObject({
      required: false,
      evidence: ['?special=1'],
    });
    expect(checkOf(r, 'ministry_links')?.evidence).toEqual([
      'https://minobrnauki.gov.ru/',
      'https://edu.gov.ru/',
    ]);
  });

  it('a scanned charter, a signed licence and a dead report link: notes on the items, statuses unchanged', async () => {
    const r = await check('scans');
    expect(statuses(r)).toEqual(expected('school'));
    expect(r.score).toEqual({ present: 94, required: 94, share: 1 });
    expect(checkStatuses(r)).toEqual({
      ...PASSING,
      pdf_text_layer: 'fail',
      documents_available: 'fail',
      e_signature: 'pass',
    });
    expect(
      r.documents?.map((d) => [new URL(d.url).pathname, d.status, d.signed, d.httpStatus]),
    ).toEqual([
      ['/files/ustavDocLink.pdf', 'scan', false, 200],
      ['/files/licenseDocLink.pdf', 'text', true, 200],
      ['/files/reportEduDocLink.pdf', 'unavailable', false, 404],
    ]);
    expect(itemOf(r, 'document.ustavDocLink')).toMatchObject({
      status: 'found',
      note: 'документ без текстового слоя (скан)',
    });
    expect(itemOf(r, 'document.reportEduDocLink')).toMatchObject({
      status: 'found',
      note: 'документ по ссылке не открывается (HTTP 404)',
    });
    expect(itemOf(r, 'common.licenseDocLink')?.note).toBeUndefined();
  });

  it('accessibility defects and a figure pasted as a picture fail their checks (PP 102; 1493 pp.22–26)', async () => {
    const r = await check('inaccessible');
    // The picture is no text: the marked element is empty, so the item is missing.
    expect(statuses(r)).toEqual(expected('school', { 'budget.finBFVolume': 'missing' }));
    expect(checkStatuses(r)).toEqual({
      ...PASSING,
      accessibility: 'fail',
      information_as_images: 'fail',
    });
    const common = server.url('inaccessible').replace(/\/$/, '/sveden/common');
    expect(checkOf(r, 'accessibility')).toMatchObject({
      required: true,
      basis: 'ПП РФ № 102 от 07.02.2026; ГОСТ Р 52872-2019',
      details:
        'изображений без текстовой альтернативы (alt): 1; полей форм без подписи (label): 1 (проверено страниц: 15)',
      evidence: [`${common}: <img src="/logo.png"> без alt`, `${common}: поле «q» без подписи`],
    });
    expect(checkOf(r, 'information_as_images')).toMatchObject({
      details:
        'размеченные сведения размещены изображением (их нельзя найти и скопировать в браузере): 1',
      evidence: ['/sveden/budget: itemprop="finBFVolume"'],
    });
    // Before 01.03.2026 (ruleset 1493) accessibility is a warning under Minцифры order 953.
    const before = await check('inaccessible', 'school', new Date('2025-11-22T10:00:00Z'));
    expect(checkOf(before, 'accessibility')).toMatchObject({ status: 'warning', required: false });
  });

  it('subsection pages without the section menu fail the shared navigation (1493 p.2)', async () => {
    const r = await check('nonav');
    expect(statuses(r)).toEqual(expected('school'));
    expect(checkStatuses(r)).toEqual({ ...PASSING, shared_navigation: 'fail' });
    expect(checkOf(r, 'shared_navigation')?.details).toBe(
      'на 14 из 14 страниц подразделов нет ссылок на другие подразделы',
    );
    expect(checkOf(r, 'shared_navigation')?.evidence[0]).toMatch(
      /^\/sveden\/common: нет ссылок на \/sveden\/struct, \/sveden\/document, /,
    );
  });

  it('no ministries, no special version, lang="en", «Скачать» links: each its own check', async () => {
    const r = await check('bare');
    expect(statuses(r)).toEqual(expected('school'));
    expect(checkStatuses(r)).toEqual({
      ...PASSING,
      file_link_purpose: 'fail',
      ministry_links: 'fail',
      russian_language: 'warning',
      // Repealed by 1353 p.7: informational on the fixture date (evidence for indicator 3.2).
      visually_impaired_version: 'warning',
    });
    expect(checkOf(r, 'file_link_purpose')?.details).toBe(
      'у 12 из 16 ссылок на файлы текст не говорит, что это за файл',
    );
    expect(checkOf(r, 'russian_language')?.evidence).toEqual(['lang="en"']);
  });

  it('before the repeal (1493, June 2025) the version for the visually impaired is required', async () => {
    const now = new Date('2025-06-01T10:00:00Z');
    const bare = await check('bare', 'school', now);
    expect(checkOf(bare, 'visually_impaired_version')).toMatchObject({
      status: 'fail',
      required: true,
    });
    const school = await check('school', 'school', now);
    expect(checkOf(school, 'visually_impaired_version')).toMatchObject({
      status: 'pass',
      required: true,
    });
  });

  it('subsections behind a login are error sections and fail «no registration» (1493 p.4)', async () => {
    const r = await check('login');
    for (const key of ['budget', 'vacant']) {
      expect(r.sections.find((s) => s.key === key)).toMatchObject({
        status: 'error',
        loginRequired: true,
        reason: 'страница открывается только после входа на сайт (приказ № 1493 п.4)',
        url: expect.stringContaining('/auth/?login=yes'),
      });
    }
    expect(statuses(r)).toEqual(
      expected('school', sectionItems('school', ['budget', 'vacant'], 'missing')),
    );
    expect(checkStatuses(r)).toEqual({ ...PASSING, no_registration: 'fail' });
  });

  it('no link from the main page: section_link fails, the rest is still checked', async () => {
    const r = await check('nolink');
    expect(checkStatuses(r)).toEqual({ ...PASSING, section_link: 'fail' });
  });

  it('an unreachable site: every check not_checked', async () => {
    const r = await check('loop');
    expect(new Set(Object.values(checkStatuses(r)))).toEqual(new Set(['not_checked']));
    expect(r.documents).toEqual([]);
  });

  it('the PDF cap per site and the switch-off', async () => {
    const one = testMonitor(server, { documents: { maxPdfs: 1 } });
    const none = testMonitor(server, { documents: { maxPdfs: 0 } });
    try {
      const r1 = await one.check(server.url('school'), { kind: 'school', now: FIXTURE_DATE });
      expect(r1.documents?.map((d) => new URL(d.url).pathname)).toEqual([
        '/files/ustavDocLink.pdf',
      ]);
      const r0 = await none.check(server.url('school'), { kind: 'school', now: FIXTURE_DATE });
      expect(r0.documents).toEqual([]);
      expect(checkStatuses(r0)).toMatchObject({
        pdf_text_layer: 'not_checked',
        documents_available: 'not_checked',
        e_signature: 'not_checked',
      });
    } finally {
      one.close();
      none.close();
    }
  });

  it('«обновление не позднее 10 рабочих дней»: a heuristic beside the checks, never a failure', async () => {
    // The compliant school names no year in its document links: nothing to compare.
    const plain = await check('school');
    expect(plain.freshness).toMatchObject({
      key: 'update_10_days',
      status: 'not_checked',
      required: false,
      evidence: [],
    });
    expect(plain.checks?.some((c) => c.key === 'update_10_days')).toBe(false);
    // On 22.11.2026 the report for 2024 and the curriculum for 2025/2026 are late; the 2026 plan
    // is current. Items and score are untouched.
    const r = await check('dated');
    expect(statuses(r)).toEqual(expected('school'));
    expect(checkStatuses(r)).toEqual(PASSING);
    const base = server.url('dated');
    expect(r.freshness).toEqual({
      key: 'update_10_days',
      status: 'warning',
      required: false,
      basis: '273-ФЗ ст.29 ч.3; ПП РФ № 1802 п.16',
      title: 'Сведения обновляются не позднее 10 рабочих дней (эвристика по датам документов)',
      details:
        'возможно, сведения не обновлены (проверка на 22.11.2026); ' +
        'отчёт о самообследовании: новейший найденный — за 2024 год, с 05.05.2026 ожидается за 2025 год; ' +
        'учебный план или календарный учебный график: новейший найденный — за 2025/2026 учебный год, с 14.09.2026 ожидается за 2026/2027 учебный год',
      evidence: [
        `${base}files/reportEduDocLink.pdf — «Отчёт о результатах самообследования за 2024 год» (2024 год)`,
        expect.stringMatching(
          /^http:\/\/.*\/sveden\/education\/? — «.*Учебный план на 2025-2026 учебный год» \(2025\/2026 учебный год\)$/,
        ),
      ],
    });
  });
});
