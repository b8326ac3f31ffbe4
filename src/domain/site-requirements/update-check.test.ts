// The heuristic of «обновление не позднее 10 рабочих дней» (273-ФЗ art.29 ч.3; PP 1802 p.16) on
// small hand-made subsection pages: the year a document is for, and which yearly documents are
// older than expected on a given day.
import { describe, expect, it } from 'vitest';
import { buildPageModel } from './page-model.ts';
import type { SiteEvidence } from './site-check.ts';
import { documentYear, updateCheck } from './update-check.ts';

const BASE = 'https://school.example';

function evidence(pages: Record<string, string>): SiteEvidence {
  return {
    main: null,
    sectionLink: null,
    sections: Object.entries(pages).map(([key, body]) => ({
      key,
      url: `${BASE}/sveden/${key}/`,
      model: buildPageModel(`<html><body>${body}</body></html>`),
    })),
    loginRequired: [],
    documents: [],
    signatureFiles: [],
  };
}

const at = (day: string) => new Date(`${day}T09:00:00Z`);
const report = (text: string, href = '/files/report.pdf') =>
  `<a itemprop="reportEduDocLink" href="${href}">${text}</a>`;

describe('documentYear', () => {
  it.each([
    ['Отчёт о самообследовании за 2025 год', 2025],
    ['План ФХД на 2026 год и плановый период 2027 и 2028 годов', 2026],
    ['Учебный план на 2025-2026 учебный год', 2025],
    ['Календарный учебный график 2026/27', 2026],
    ['Отчёт о результатах самообследования (утв. 15.04.2026)', null],
    ['Отчёт о самообследовании (PDF, 2048 КБ)', null],
    ['otchet samoobsledovanie 2023.pdf', 2023],
    ['Приказ 2019 г., изменения 2024 г.', 2024],
    ['Устав', null],
  ])('%s → %s', (text, year) => {
    expect(documentYear(text)).toBe(year);
  });
});

describe('updateCheck', () => {
  it.each([
    // After 20 April + 10 working days (5 May 2026) the report must be for 2025.
    ['2026-11-22', 'Отчёт о самообследовании за 2025 год', 'pass'],
    ['2026-11-22', 'Отчёт о самообследовании за 2024 год', 'warning'],
    ['2026-05-05', 'Отчёт о самообследовании за 2024 год', 'pass'],
    ['2026-05-06', 'Отчёт о самообследовании за 2024 год', 'warning'],
    ['2026-03-01', 'Отчёт о самообследовании за 2024 год', 'pass'],
    ['2026-03-01', 'Отчёт о самообследовании за 2023 год', 'warning'],
  ])('on %s «%s» → %s', (day, text, status) => {
    expect(updateCheck(evidence({ document: report(text) }), at(day)).status).toBe(status);
  });

  it('an outdated report: the finding names what is expected since when, with the link', () => {
    const c = updateCheck(
      evidence({
        document: report('Отчёт о самообследовании', '/files/samoobsledovanie_2023.pdf'),
      }),
      at('2026-11-22'),
    );
    expect(c).toEqual({
      key: 'update_10_days',
      status: 'warning',
      required: false,
      basis: '273-ФЗ ст.29 ч.3; ПП РФ № 1802 п.16',
      title: 'Сведения обновляются не позднее 10 рабочих дней (эвристика по датам документов)',
      details:
        'возможно, сведения не обновлены (проверка на 22.11.2026); отчёт о самообследовании: новейший найденный — за 2023 год, с 05.05.2026 ожидается за 2025 год',
      evidence: [
        'https://school.example/files/samoobsledovanie_2023.pdf — «Отчёт о самообследовании» (2023 год)',
      ],
    });
  });

  it('the newest of several copies counts: an archive beside the current report passes', () => {
    const body =
      report('Отчёт о самообследовании за 2023 год', '/files/r2023.pdf') +
      report('Отчёт о самообследовании за 2025 год', '/files/r2025.pdf');
    expect(updateCheck(evidence({ document: body }), at('2026-11-22')).status).toBe('pass');
  });

  it.each([
    ['2026-11-22', 'План ФХД на 2026 год и плановый период 2027 и 2028 годов', 'pass'],
    ['2026-11-22', 'План ФХД на 2025 год', 'warning'],
    // The tenth working day of 2026 is 22 January: until then last year's plan will do.
    ['2026-01-22', 'План финансово-хозяйственной деятельности на 2025 год', 'pass'],
    ['2026-01-23', 'Бюджетная смета на 2025 год', 'warning'],
  ])('on %s «%s» (a budget link, marked or not) → %s', (day, text, status) => {
    const marked = `<a itemprop="finPlanDocLink" href="/files/plan.pdf">${text}</a>`;
    const plain = `<a href="/files/plan.pdf">${text}</a>`;
    expect(updateCheck(evidence({ budget: marked }), at(day)).status).toBe(status);
    expect(updateCheck(evidence({ budget: plain }), at(day)).status).toBe(status);
  });

  it.each([
    ['2026-09-14', 'Учебный план на 2025-2026 учебный год', 'pass'],
    ['2026-09-15', 'Учебный план на 2025-2026 учебный год', 'warning'],
    ['2026-11-22', 'Календарный учебный график на 2026/2027 учебный год', 'pass'],
  ])('on %s «%s» → %s', (day, text, status) => {
    const body = `<div itemprop="eduOp"><a itemprop="educationPlan" href="/files/up.pdf">${text}</a></div>`;
    expect(updateCheck(evidence({ education: body }), at(day)).status).toBe(status);
  });

  it('no yearly document with a year: not checked, and says which documents had no year', () => {
    const c = updateCheck(
      evidence({ document: report('Отчёт о самообследовании (PDF, 2048 КБ)') }),
      at('2026-11-22'),
    );
    expect(c.status).toBe('not_checked');
    expect(c.details).toBe(
      'в подразделах нет ежегодных документов с указанием года; отчёт о самообследовании: год не указан ни в тексте ссылки, ни в имени файла',
    );
    expect(updateCheck(evidence({}), at('2026-11-22')).status).toBe('not_checked');
  });

  it('a placeholder «отсутствует» and a hidden link are not documents', () => {
    const body =
      '<span itemprop="reportEduDocLink">отсутствует</span>' +
      '<a itemprop="finPlanDocLink" hidden href="/files/plan-2020.pdf">План ФХД на 2020 год</a>';
    expect(updateCheck(evidence({ document: body }), at('2026-11-22')).status).toBe('not_checked');
  });
});
