// The general-rule checks on small hand-made pages: what counts as a link to a subsection, a file
// link with a purpose, a ministry link, Russian text and a version for the visually impaired.
import { describe, expect, it } from 'vitest';
import { buildPageModel } from './page-model.ts';
import { rulesetFor } from './rulesets.ts';
import { siteChecks } from './site-checks.ts';
import type { SiteCheckKey, SiteEvidence } from './site-check.ts';

const NOW = rulesetFor(new Date('2026-11-22T10:00:00Z'));
const BASE = 'https://school.example';

function evidence(e: Partial<SiteEvidence>): SiteEvidence {
  return {
    main: null,
    sectionLink: null,
    sections: [],
    loginRequired: [],
    documents: [],
    signatureFiles: [],
    ...e,
  };
}

function statusOf(e: Partial<SiteEvidence>, key: SiteCheckKey) {
  const c = siteChecks(evidence(e), NOW).find((x) => x.key === key);
  return c && { status: c.status, details: c.details, evidence: c.evidence };
}

const main = (body: string, lang = 'ru') => ({
  url: `${BASE}/`,
  model: buildPageModel(`<html lang="${lang}"><body>${body}</body></html>`),
});
const sectionPage = (key: string, path: string, body: string) => ({
  key,
  url: `${BASE}${path}`,
  model: buildPageModel(`<html><body>${body}</body></html>`),
});

describe('file links say what the file is (1493 p.4)', () => {
  it.each([
    ['Устав школы (PDF, 1,2 МБ)', 'pass'],
    ['Положение о приёме.pdf', 'pass'],
    ['Скачать', 'fail'],
    ['скачать (pdf, 120 КБ)', 'fail'],
    ['Подробнее →', 'fail'],
    ['', 'fail'],
    ['1', 'fail'],
  ])('«%s» → %s', (text, status) => {
    const page = sectionPage(
      'document',
      '/sveden/document',
      `<a href="/files/ustav.pdf">${text}</a>`,
    );
    expect(statusOf({ sections: [page] }, 'file_link_purpose')?.status).toBe(status);
  });

  it('is not checked without file links', () => {
    const page = sectionPage('document', '/sveden/document', '<a href="/news">Новости</a>');
    expect(statusOf({ sections: [page] }, 'file_link_purpose')?.status).toBe('not_checked');
  });
});

describe('shared navigation (1493 p.2)', () => {
  const menu =
    '<a href="/sveden/common/">Основные сведения</a><a href="/sveden/struct">Структура</a>';
  it('each page links to the others by path, trailing slash or not', () => {
    const pages = [
      sectionPage('common', '/sveden/common', menu),
      sectionPage('struct', '/sveden/struct/', menu),
    ];
    expect(statusOf({ sections: pages }, 'shared_navigation')?.status).toBe('pass');
  });

  it('a title link counts; a page without links fails with the missing paths', () => {
    const pages = [
      sectionPage(
        'common',
        '/sveden/common',
        '<a href="/page?id=7">Структура и органы управления образовательной организацией</a>',
      ),
      sectionPage('struct', '/sveden/struct', '<p>без меню</p>'),
    ];
    expect(statusOf({ sections: pages }, 'shared_navigation')).toEqual({
      status: 'fail',
      details: 'на 1 из 2 страниц подразделов нет ссылок на другие подразделы',
      evidence: ['/sveden/struct: нет ссылок на /sveden/common'],
    });
  });
});

describe('links to the ministries (PP 1802 p.17)', () => {
  it.each([
    ['<a href="https://minobrnauki.gov.ru/">М</a><a href="https://edu.gov.ru/">П</a>', 'pass'],
    [
      '<a href="http://www.minobrnauki.gov.ru">М</a><a href="https://edu.gov.ru/press/">П</a>',
      'pass',
    ],
    ['<a href="https://edu.gov.ru/">П</a>', 'fail'],
    [
      '<a href="https://edu.gov.ru.evil.example/">П</a><a href="https://minobrnauki.gov.ru/">М</a>',
      'fail',
    ],
  ])('%s → %s', (body, status) => {
    expect(statusOf({ main: main(body) }, 'ministry_links')?.status).toBe(status);
  });
});

describe('Russian (PP 1802 p.21) and the version for the visually impaired', () => {
  it.each([
    ['Школа номер семь', 'ru', 'pass'],
    ['Школа номер семь', 'en', 'warning'],
    ['School number seven, welcome', 'en', 'fail'],
  ])('«%s», lang=%s → %s', (text, lang, status) => {
    expect(statusOf({ main: main(`<p>${text}</p>`, lang) }, 'russian_language')?.status).toBe(
      status,
    );
  });

  it.each([
    ['<a href="/?special=1">Версия для слабовидящих</a>', 'pass'],
    ['<a itemprop="copy" href="/eye">👁</a>', 'pass'],
    ['<script src="/js/bvi.min.js"></script>', 'pass'],
    ['<a href="/news">Новости</a>', 'warning'],
  ])('%s → %s (informational after 1353)', (body, status) => {
    expect(statusOf({ main: main(body) }, 'visually_impaired_version')?.status).toBe(status);
  });
});
