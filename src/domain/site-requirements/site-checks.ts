// The general rules of site-monitoring.md («General rules a crawler checks») that are not items of
// the catalogue: access to the section from the main page and its menu (1493 p.3), the shared
// navigation of the section (1493 p.2), no registration (1493 p.4), file links that say what the
// file is (1493 p.4), a text layer in PDF documents (1493 pp.22–26), working document links,
// links to the two ministries (PP 1802 p.17), Russian (PP 1802 p.21), the version for the
// visually impaired (831 p.4, 1493 p.21, repealed by 1353 p.7: informational, evidence for НОК
// indicator 3.2) and the e-signature heuristic (PP 1802 p.18: never a failure). Pure functions
// over what the crawler saw; they never change item statuses or the score.
import { accessibilityCheck, informationAsImagesCheck } from './a11y-checks.ts';
import { CATALOGUE } from './catalogue.ts';
import type { Ruleset } from './rulesets.ts';
import {
  documentsAvailableCheck,
  eSignatureCheck,
  fileLinkPurposeCheck,
  pdfTextLayerCheck,
} from './document-checks.ts';
import { check, resolve } from './site-check.ts';
import type { CheckedPage, SiteCheck, SiteEvidence } from './site-check.ts';

const samePath = (p: string) =>
  p
    .replace(/\/(index\.(php|html?))?$/i, '')
    .replace(/\.html?$/i, '')
    .toLowerCase();

function sectionLinkCheck(e: SiteEvidence): SiteCheck {
  const title = 'Переход в раздел с главной страницы и из основного меню';
  const basis = 'приказ № 1493 п.3';
  if (!e.main)
    return check('section_link', title, basis, 'not_checked', 'главная страница не прочитана');
  if (!e.sectionLink)
    return check('section_link', title, basis, 'fail', 'на главной странице нет ссылки на раздел');
  if (!e.sectionLink.inNav)
    return check(
      'section_link',
      title,
      basis,
      'warning',
      'ссылка на раздел есть на главной странице, но не в меню',
      [e.sectionLink.url],
    );
  return check('section_link', title, basis, 'pass', null, [e.sectionLink.url]);
}

/** What a page links to: normalized paths, and the subsections named by MR path or by title. */
const SECTION_NAMES = CATALOGUE.sections.map((s) => ({
  key: s.key,
  path: s.path.toLowerCase(),
  title: s.title.toLowerCase().slice(0, 24),
}));

function linkTargets(page: CheckedPage): { paths: Set<string>; keys: Set<string> } {
  const paths = new Set<string>();
  const keys = new Set<string>();
  const base = new URL(page.url);
  for (const l of page.model.links) {
    const text = l.text.toLowerCase();
    const u = resolve(l.href, base);
    const path = u ? samePath(u.pathname) : null;
    if (path) paths.add(path);
    for (const s of SECTION_NAMES) {
      if ((path !== null && path.endsWith(s.path)) || text.startsWith(s.title)) keys.add(s.key);
    }
  }
  return { paths, keys };
}

function sharedNavigationCheck(e: SiteEvidence): SiteCheck {
  const title = 'Общий механизм навигации по страницам раздела';
  const basis = 'приказ № 1493 п.2';
  const pages = e.sections.filter((s, i, all) => all.findIndex((x) => x.url === s.url) === i);
  if (pages.length < 2)
    return check(
      'shared_navigation',
      title,
      basis,
      'not_checked',
      'найдено меньше двух подразделов',
    );
  const targets = pages.map((p) => ({
    key: p.key,
    url: p.url,
    path: samePath(new URL(p.url).pathname),
  }));
  const gaps: string[] = [];
  for (const page of pages) {
    const linked = linkTargets(page);
    const missing = targets.filter(
      (t) => t.url !== page.url && !linked.paths.has(t.path) && !linked.keys.has(t.key),
    );
    if (missing.length > 0) {
      const where = new URL(page.url).pathname;
      gaps.push(
        `${where}: нет ссылок на ${missing.map((m) => new URL(m.url).pathname).join(', ')}`,
      );
    }
  }
  if (gaps.length === 0) return check('shared_navigation', title, basis, 'pass', null);
  return check(
    'shared_navigation',
    title,
    basis,
    'fail',
    `на ${gaps.length} из ${pages.length} страниц подразделов нет ссылок на другие подразделы`,
    gaps,
  );
}

function noRegistrationCheck(e: SiteEvidence): SiteCheck {
  const title = 'Доступ к сведениям без регистрации';
  const basis = 'приказ № 1493 п.4';
  if (e.loginRequired.length > 0)
    return check(
      'no_registration',
      title,
      basis,
      'fail',
      'страницы подразделов открываются только после входа на сайт',
      e.loginRequired,
    );
  if (e.sections.length === 0)
    return check('no_registration', title, basis, 'not_checked', 'подразделы не найдены');
  return check('no_registration', title, basis, 'pass', null);
}

const MINISTRIES = [
  {
    name: 'Минобрнауки России (minobrnauki.gov.ru)',
    host: /(^|\.)(minobrnauki\.gov\.ru|xn--80abucjiibhv9a\.xn--p1ai)$/i,
  },
  { name: 'Минпросвещения России (edu.gov.ru)', host: /(^|\.)edu\.gov\.ru$/i },
];

function ministryLinksCheck(e: SiteEvidence): SiteCheck {
  const title = 'Ссылки на сайты Минобрнауки и Минпросвещения';
  const basis = 'ПП РФ № 1802 п.17';
  if (!e.main)
    return check('ministry_links', title, basis, 'not_checked', 'главная страница не прочитана');
  const found: string[] = [];
  const missing: string[] = [];
  for (const m of MINISTRIES) {
    const link = e.main.model.links.find((l) => {
      const u = resolve(l.href, e.main?.url ?? '');
      return u !== null && m.host.test(u.hostname);
    });
    if (link) found.push(link.href);
    else missing.push(m.name);
  }
  if (missing.length === 0) return check('ministry_links', title, basis, 'pass', null, found);
  return check(
    'ministry_links',
    title,
    basis,
    'fail',
    `на главной странице нет ссылок: ${missing.join('; ')}`,
    found,
  );
}

/** Share of Cyrillic among Cyrillic and Latin letters (counted, not matched: pages are long). */
function cyrillicShare(text: string): number {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x400 && c <= 0x4ff) cyrillic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cyrillic + latin === 0 ? 0 : cyrillic / (cyrillic + latin);
}

function russianLanguageCheck(e: SiteEvidence): SiteCheck {
  const title = 'Сведения на русском языке';
  const basis = 'ПП РФ № 1802 п.21';
  // The main page and a few subsections are enough to tell the language of a site.
  const pages = [...(e.main ? [e.main] : []), ...e.sections.slice(0, 4)];
  const text = pages.map((p) => p.model.text.slice(0, 5_000)).join(' ');
  if (pages.length === 0 || text.trim().length === 0)
    return check('russian_language', title, basis, 'not_checked', 'текст страниц не прочитан');
  const share = cyrillicShare(text);
  const pct = `${Math.round(share * 100)} % букв — кириллица`;
  if (share < 0.3)
    return check('russian_language', title, basis, 'fail', `текст не на русском языке: ${pct}`);
  const lang = e.main?.model.lang ?? null;
  if (lang && !/^ru\b/i.test(lang.trim()))
    return check(
      'russian_language',
      title,
      basis,
      'warning',
      `в разметке указан язык «${lang}», хотя ${pct}`,
      [`lang="${lang}"`],
    );
  return check('russian_language', title, basis, 'pass', pct, lang ? [`lang="${lang}"`] : []);
}

const VI_TEXT =
  /(верси\S*|режим\S*)\s+для\s+(слабовидящих|слепых|людей с нарушени\S* зрения)|для\s+слабовидящих|специальн\S*\s+верси/i;
const VI_SCRIPT =
  /bvi|button-visually-impaired|lidrekon|uhpv|special-?version|visually-?impaired|finevision/i;

function visuallyImpairedCheck(e: SiteEvidence, ruleset: Ruleset): SiteCheck {
  const title = 'Версия сайта для слабовидящих (показатель 3.2)';
  const basis = ruleset.visuallyImpairedVersionRequired
    ? 'приказ № 1493 п.21'
    : 'приказ № 1493 п.21 утратил силу (приказ № 1353 п.7); сведения для показателя 3.2';
  const required = ruleset.visuallyImpairedVersionRequired;
  if (!e.main)
    return check(
      'visually_impaired_version',
      title,
      basis,
      'not_checked',
      'главная страница не прочитана',
      [],
      required,
    );
  const m = e.main.model;
  const evidence =
    m.links.find((l) => VI_TEXT.test(l.text))?.href ??
    (m.marked.some((x) => x.props.includes('copy')) ? 'itemprop="copy"' : null) ??
    m.embeds.find((s) => VI_SCRIPT.test(s)) ??
    (VI_TEXT.test(m.text) ? 'текст «версия для слабовидящих» на главной странице' : null);
  if (evidence)
    return check('visually_impaired_version', title, basis, 'pass', null, [evidence], required);
  return check(
    'visually_impaired_version',
    title,
    basis,
    required ? 'fail' : 'warning',
    'на главной странице нет перехода к версии для слабовидящих',
    [],
    required,
  );
}

/** Every general-rule check, in SITE_CHECKS order. */
export function siteChecks(e: SiteEvidence, ruleset: Ruleset): SiteCheck[] {
  return [
    sectionLinkCheck(e),
    sharedNavigationCheck(e),
    noRegistrationCheck(e),
    fileLinkPurposeCheck(e),
    pdfTextLayerCheck(e),
    documentsAvailableCheck(e),
    ministryLinksCheck(e),
    russianLanguageCheck(e),
    visuallyImpairedCheck(e, ruleset),
    eSignatureCheck(e),
    accessibilityCheck(e, ruleset),
    informationAsImagesCheck(e),
  ];
}
