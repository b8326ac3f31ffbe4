// The results workbook read back with exceljs: every sheet, frozen headers, autofilters, number
// formats, and real figures of the fixture in «Итоги», «Исходные данные», «Доли и интервалы».
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { busGovXlsx } from './busgov.ts';
import { reportsFixture } from './reports.fixture.ts';
import { FIXTURE_IDS, org } from './reports.test-support.ts';
import { buildWorkbook, flattenCounts } from './xlsx.ts';

const results = reportsFixture();
let wb: ExcelJS.Workbook;

async function read(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Row values keyed by the header of row 1. */
function rowsOf(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const out: Record<string, unknown>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    out.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]).filter(([h]) => h)));
  });
  return out;
}

beforeAll(async () => {
  wb = await read(await buildWorkbook(results, new Date('2026-11-20T09:00:00Z')));
});

describe('results workbook (XLSX)', () => {
  it('has the six sheets with frozen headers and autofilters', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Итоги',
      'Исходные данные',
      'Доли и интервалы',
      'Недостатки',
      'Муниципалитеты',
      'Методика',
    ]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
  });

  it('«Итоги»: one row per organization with numbers and two-decimal formats', () => {
    const ws = wb.getWorksheet('Итоги')!;
    const rows = rowsOf(ws);
    expect(rows).toHaveLength(results.organizations.length);
    const worked = rows.find((r) => r.ID === FIXTURE_IDS.workedExample)!;
    expect(worked).toMatchObject({
      Итог: 84.44,
      К1: 89.3,
      '1.1': 85,
      '1.3': 92,
      Оценка: 'отлично',
      Респондентов: 200,
      Требуется: 192,
      'В рейтинге': 'да',
    });
    const insufficient = rows.find((r) => r.ID === FIXTURE_IDS.insufficient)!;
    expect(insufficient).toMatchObject({
      Итог: null,
      'Недостаточно данных': 'да',
      'В рейтинге': 'нет',
    });
    const header = (ws.getRow(1).values as unknown[]).map(String);
    expect(ws.getColumn(header.indexOf('Итог')).numFmt).toBe('0.00');
    expect(ws.getColumn(header.indexOf('ИНН')).numFmt).toBe('@');
    const tieA = rows.find((r) => r.ID === FIXTURE_IDS.tieA)!;
    const tieB = rows.find((r) => r.ID === FIXTURE_IDS.tieB)!;
    expect(tieA['Место среди своего типа']).toBe(tieB['Место среди своего типа']);
  });

  it('«Исходные данные»: every raw count given to the engine', () => {
    const rows = rowsOf(wb.getWorksheet('Исходные данные')!);
    const worked = rows.find((r) => r.ID === FIXTURE_IDS.workedExample)!;
    expect(worked).toMatchObject({
      'Стенд: есть (stand.present)': 9,
      'Сайт: требуется (site.required)': 50,
      'Респондентов (N) (survey.respondents)': 200,
      'В1 «Да» (survey.q1)': 120,
      'В14 «Да» (survey.q14)': 188,
    });
    expect(Object.keys(flattenCounts(org(results, FIXTURE_IDS.workedExample).counts))).toHaveLength(
      25,
    );
  });

  it('«Доли и интервалы»: shares with Wilson bounds around them', () => {
    const rows = rowsOf(wb.getWorksheet('Доли и интервалы')!).filter(
      (r) => r.ID === FIXTURE_IDS.workedExample,
    );
    expect(rows).toHaveLength(10);
    const q2 = rows.find((r) => r.Вопрос === 'В2')!;
    expect(q2).toMatchObject({ Показатель: '1.3', '«Да»': 108, Из: 120, 'Доля, %': 90 });
    expect(q2['Нижняя граница 95 %']).toBeLessThan(90);
    expect(q2['Верхняя граница 95 %']).toBeGreaterThan(90);
  });

  it('«Недостатки», «Муниципалитеты» and «Методика» carry their data', () => {
    const shortcomings = rowsOf(wb.getWorksheet('Недостатки')!);
    expect(shortcomings).toHaveLength(
      results.organizations.reduce((s, o) => s + o.shortcomings.length, 0),
    );
    const munis = rowsOf(wb.getWorksheet('Муниципалитеты')!);
    expect(munis.at(-1)!.Муниципалитет).toBe('Итого: Приозёрская область');
    const method = rowsOf(wb.getWorksheet('Методика')!);
    expect(method.find((r) => r.Параметр === 'Версия результатов')!.Значение).toBe(2);
    expect(
      String(method.find((r) => String(r.Параметр).startsWith('Знаменатели'))!.Значение),
    ).toContain('filter');
  });
});

describe('bus.gov.ru table (XLSX)', () => {
  it('has INN, name, year, 14 indicators, 5 criteria, total, respondents and proposals', async () => {
    const book = await read(await busGovXlsx(results));
    const rows = rowsOf(book.worksheets[0]!);
    expect(rows).toHaveLength(results.organizations.length);
    const worked = org(results, FIXTURE_IDS.workedExample);
    const row = rows.find((r) => r.ИНН === worked.inn)!;
    expect(row).toMatchObject({
      'Год проведения оценки': 2026,
      'Показатель 1.1': 85,
      'Показатель 5.3': 94,
      'Критерий К1': 89.3,
      'Итоговый балл': 84.44,
      'Число респондентов': 200,
    });
    expect(row['Предложения общественного совета']).toBe(worked.councilProposals);
    expect(Object.keys(row)).toHaveLength(3 + 14 + 5 + 4);
  });
});
