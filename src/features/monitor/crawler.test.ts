// The crawler over the fixture sites of issue 5, served by a local server: exact item statuses
// for every listed item, section locations and notes, channels, and bad sites ending in `error`
// sections with a reason, never a crash or a hang.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../domain/site-requirements/index.ts';
import type { ItemStatus, MonitorResult, OrgKind } from '../../domain/site-requirements/index.ts';
import {
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

const path = (u: string | null) => (u ? new URL(u).pathname : null);
const sectionOf = (r: MonitorResult, key: string) => r.sections.find((s) => s.key === key)!;

describe('crawler on fixture sites', () => {
  it('compliant school (gzip, br, deflate): every item found, all six channels, full score', async () => {
    const r = await check('school');
    expect(statuses(r)).toEqual(expected('school'));
    expect(r).toMatchObject({
      rulesetVersion: '1493+1353',
      sectionLink: true,
      sectionLinkInNav: true,
      reachable: true,
    });
    expect(r.score).toEqual({ present: 94, required: 94, share: 1 });
    expect(r.sections.map((s) => [s.status, path(s.url), s.httpStatus])).toEqual(
      CATALOGUE.sections.map((s) => ['found', s.path, 200]),
    );
    expect(sectionOf(r, 'common').items.find((i) => i.itemprop === 'licenseDocLink')?.value).toBe(
      '/files/licenseDocLink.pdf',
    );
    expect(r.channels).toEqual([
      { channel: 'telephone', detected: true, evidence: 'tel:+74852123456' },
      { channel: 'email', detected: true, evidence: 'mailto:school7@example.ru' },
      {
        channel: 'e_service',
        detected: true,
        evidence: `форма обращения: ${server.url('school')}feedback`,
      },
      { channel: 'faq', detected: true, evidence: `${server.url('school')}faq` },
      {
        channel: 'quality_opinion',
        detected: true,
        evidence: 'https://bus.gov.ru/info-card/123456',
      },
      { channel: 'other', detected: true, evidence: 'https://vk.com/school7' },
    ]);
  });

  it('Bitrix site: subsections only with the trailing slash', async () => {
    const r = await check('bitrix');
    expect(statuses(r)).toEqual(expected('school'));
    expect(r.sections.map((s) => path(s.url))).toEqual(CATALOGUE.sections.map((s) => `${s.path}/`));
  });

  it('windows-1251 (declared in <meta> only) and KOI8-R (undeclared) pages decode', async () => {
    const r = await check('cp1251');
    expect(statuses(r)).toEqual(expected('school'));
    const value = (section: string, key: string) =>
      sectionOf(r, section).items.find((i) => i.key === key)?.value;
    // The label inside the marked element («<b>Полное наименование…:</b> …») is not the value.
    expect(value('common', 'common.fullName')).toBe(
      'Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 7»',
    );
    expect(value('employees', 'employees.teachingStaff.fio')).toBe('Иванова Мария Петровна');
  });

  it('legacy Order 831 layout: «Руководство» on /sveden/employees and «Доступная среда» on /sveden/ovz', async () => {
    const r = await check('legacy831');
    expect(statuses(r)).toEqual(expected('school'));
    expect(sectionOf(r, 'managers')).toMatchObject({ status: 'found', legacy831: true });
    expect(path(sectionOf(r, 'managers').url)).toBe('/sveden/employees');
    expect(sectionOf(r, 'managers').note).toMatch(/приказа № 831 \(\/sveden\/employees\)/);
    expect(path(sectionOf(r, 'objects').url)).toBe('/sveden/ovz');
    expect(sectionOf(r, 'objects').legacy831).toBe(true);
    expect(sectionOf(r, 'employees').legacy831).toBeUndefined();
  });

  it('placeholders «отсутствует», «не предусмотрено», «0» count as present', async () => {
    const r = await check('placeholders');
    const p: ItemStatus = 'placeholder';
    expect(statuses(r)).toEqual(
      expected('school', {
        'common.shortName': p,
        'paid_edu.paidEdu': p,
        'paid_edu.paidDog': p,
        'paid_edu.paidSt': p,
        'grants.grant': p,
        'grants.support': p,
        'budget.finPVolume': p,
        'budget.finBMVolume': p,
        'inter.internationalDog': p,
      }),
    );
    expect(r.score).toEqual({ present: 94, required: 94, share: 1 });
  });

  it('hidden markup (display:none, hidden container, hidden «Данные обновляются») is reported hidden', async () => {
    const r = await check('hidden');
    const h: ItemStatus = 'hidden';
    expect(statuses(r)).toEqual(
      expected('school', {
        'common.fullName': h,
        'common.email': h,
        'common.workTime': h,
        'common.uchredLaw': h,
        'common.uchredLaw.nameUchred': h,
        'common.uchredLaw.addressUchred': h,
        'common.uchredLaw.telUchred': h,
        'common.uchredLaw.mailUchred': h,
        'common.uchredLaw.websiteUchred': h,
      }),
    );
    expect(r.score).toEqual({ present: 89, required: 94, share: 0.9468 });
  });

  it('children outside their container or nested two levels deep are outside_parent', async () => {
    const r = await check('outside');
    const o: ItemStatus = 'outside_parent';
    expect(statuses(r)).toEqual(
      expected('school', {
        'common.uchredLaw.nameUchred': o,
        'managers.rucovodstvo.fio': o,
        'education.eduOp.educationPlan': o,
      }),
    );
  });

  it('known alias spellings are nonstandard, not missing', async () => {
    const r = await check('aliases');
    const n: ItemStatus = 'nonstandard';
    expect(statuses(r)).toEqual(
      expected('school', {
        'common.fullName': n,
        'common.regDate': n,
        'common.telephone': n,
        'common.uchredLaw.nameUchred': n,
        'education.eduOp.educationShedule': n,
      }),
    );
    expect(sectionOf(r, 'common').items.find((i) => i.key === 'common.fullName')?.note).toBe(
      'нестандартная разметка «fullNameOrg» вместо «fullName»',
    );
  });

  it('no link to the section from the main page: sectionLink false, subsections still checked', async () => {
    const r = await check('nolink');
    expect(r.sectionLink).toBe(false);
    expect(statuses(r)).toEqual(expected('school'));
  });

  it('kindergarten: the preschool list (no form of education, no accreditation)', async () => {
    const r = await check('kindergarten', 'preschool');
    expect(statuses(r)).toEqual(expected('preschool'));
    expect(r.score).toEqual({ present: 85, required: 85, share: 1 });
    expect(Object.keys(statuses(r))).not.toContain('education.eduAccred.eduForm');
  });

  it('slow responses within the limits are read normally', async () => {
    const r = await check('slow');
    expect(statuses(r)).toEqual(expected('school'));
  });

  it('under 1493 (before 01.03.2026) accreditation on «Образование» is accepted with its location', async () => {
    const now = new Date('2025-06-01T10:00:00Z');
    const r = await check('school', 'school', now);
    expect(r.rulesetVersion).toBe('1493');
    const acc = sectionOf(r, 'common').items.find((i) => i.itemprop === 'accreditationDocLink');
    expect(acc).toMatchObject({
      status: 'found',
      note: 'размещено в другом подразделе (/sveden/education)',
    });
    expect(r.score.present).toBe(r.score.required);
  });
});

describe('crawler on bad sites: error sections with a reason, bounded time', () => {
  it.each([
    ['loop', /^сайт недоступен: циклическое перенаправление/],
    ['hang', /^сайт недоступен: нет ответа за 1 с/],
    ['huge', /^сайт недоступен: страница больше 2 МиБ/],
  ])('%s: unreachable, every section error', async (site, reason) => {
    const started = Date.now();
    const r = await check(site);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.reachable).toBe(false);
    expect(r.sections.map((s) => s.status)).toEqual(CATALOGUE.sections.map(() => 'error'));
    for (const s of r.sections) expect(s.reason).toMatch(reason);
    expect(r.score.present).toBe(0);
    expect(statuses(r)).toEqual(
      expected(
        'school',
        sectionItems(
          'school',
          CATALOGUE.sections.map((x) => x.key),
          'missing',
        ),
      ),
    );
    expect(r.channels.every((c) => !c.detected)).toBe(true);
  });

  it('one site breaking every rule on its subsections: loop, no answer, endless body, garbage HTML', async () => {
    const started = Date.now();
    const r = await check('broken');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.reachable).toBe(true);
    const bad = ['budget', 'vacant', 'inter'];
    expect(bad.map((k) => [k, sectionOf(r, k).status, sectionOf(r, k).reason])).toEqual([
      ['budget', 'error', expect.stringMatching(/^циклическое перенаправление/)],
      ['vacant', 'error', 'нет ответа за 1 с'],
      ['inter', 'error', 'страница больше 2 МиБ'],
    ]);
    const missing = Object.fromEntries(
      [
        ...sectionOf(r, 'budget').items,
        ...sectionOf(r, 'vacant').items,
        ...sectionOf(r, 'inter').items,
        ...sectionOf(r, 'catering').items,
      ]
        .filter((i) => i.key !== 'catering.meals')
        .map((i) => [i.key, 'missing' as ItemStatus]),
    );
    expect(statuses(r)).toEqual(expected('school', missing));
  });
});

describe('crawler on hostile and huge pages', () => {
  it('endless redirect chain, a trickle, a declared 1 GiB body, binary garbage, 30,000 levels of nesting', async () => {
    const started = Date.now();
    const r = await check('hostile');
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.reachable).toBe(true);
    expect(
      ['document', 'grants', 'objects', 'paid_edu', 'struct'].map((k) => [
        k,
        sectionOf(r, k).status,
        sectionOf(r, k).reason,
      ]),
    ).toEqual([
      ['document', 'error', 'больше 5 перенаправлений'],
      ['grants', 'error', 'нет ответа за 1 с'],
      ['objects', 'error', 'страница больше 2 МиБ (1024 МиБ)'],
      ['paid_edu', 'found', undefined],
      ['struct', 'found', undefined],
    ]);
    // The garbage page answers 200 without markup: found, every item missing. The deeply nested
    // page keeps every item.
    expect(statuses(r)).toEqual(
      expected(
        'school',
        sectionItems('school', ['document', 'grants', 'objects', 'paid_edu'], 'missing'),
      ),
    );
  });

  it('a legitimate 12 MiB subsection is read within the default size limit', async () => {
    const big = testMonitor(server, { maxBytes: 20 * 1024 * 1024, totalTimeoutMs: 20_000 });
    try {
      const r = await big.check(server.url('bigpage'), { kind: 'school', now: FIXTURE_DATE });
      expect(sectionOf(r, 'employees')).toMatchObject({ status: 'found', httpStatus: 200 });
      expect(statuses(r)).toEqual(expected('school'));
    } finally {
      big.close();
    }
  });

  it('the same page over the test limit (2 MiB) is an error section, not a crash', async () => {
    const r = await check('bigpage');
    expect(sectionOf(r, 'employees')).toMatchObject({
      status: 'error',
      reason: expect.stringMatching(/^страница больше 2 МиБ/),
    });
    expect(statuses(r)).toEqual(
      expected('school', sectionItems('school', ['employees'], 'missing')),
    );
  });
});
