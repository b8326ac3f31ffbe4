// Issue 3 journey: import a registry file with errors, read the report, fix the file, import.
// Everything runs with JavaScript OFF (plain multipart forms), as the admin of the demo region, then
// as the municipal user of ГО Приозёрск (PRI-01), who may load only their own municipality's rows.
// The files are test/fixtures/registry/*.xlsx (scripts/make-registry-fixtures.ts): five new
// organizations, four of them broken in with-errors.xlsx.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from '../../src/features/demo/names.ts';
import {
  ROOT,
  SHOTS,
  demoPassword,
  hasChromium,
  launchBrowser,
  login,
  startApp,
  type RunningApp,
} from './harness.ts';

const FIXTURES = path.join(ROOT, 'test/fixtures/registry');
const WITH_ERRORS = path.join(FIXTURES, 'with-errors.xlsx');
const FIXED = path.join(FIXTURES, 'fixed.xlsx');

/** INNs of the fixture rows 2…6 (completeInn('69990000N')). */
const INN = ['6999000018', '6999000025', '6999000032', '6999000040', '6999000057'] as const;
const munName = (code: string) => MUNICIPALITIES.find((m) => m.code === code)!.name;

/** What /registry shows for each fixed row: name, INN, kind, municipality, contingent. */
const FIXED_ROWS: Array<[string, string, string, string, string]> = [
  ['МБОУ «Озёрная СОШ»', INN[0], 'Общеобразовательная', munName('PRI-01'), '640'],
  ['МБДОУ «Детский сад „Берёзка“»', INN[1], 'Дошкольная', munName('PRI-02'), '180'],
  ['МБУ ДО «Дом творчества»', INN[2], 'Дополнительного образования', munName('PRI-03'), '900'],
  ['ГБПОУ «Приозёрский колледж»', INN[3], 'Профессиональная', munName('PRI-01'), '1200'],
  ['МБОУ «Лесная ООШ»', INN[4], 'Общеобразовательная', munName('PRI-08'), '95'],
];

const REPORT_WITH_ERRORS = [
  ['3', 'ИНН', 'неверная контрольная цифра ИНН'],
  [
    '4',
    'Тип организации',
    'неизвестный тип «Кружок»; допустимо: Дошкольная, Общеобразовательная, Профессиональная, Дополнительного образования',
  ],
  ['4', 'Электронная почта', 'неверный адрес электронной почты'],
  ['5', 'Муниципальное образование', 'нет такого муниципального образования: «PRI-99»'],
  ['6', 'Учредитель', 'не заполнено'],
  ['6', 'Контингент обучающихся', 'нужно целое неотрицательное число'],
];

const OWN_ONLY = 'можно загружать только организации своего муниципального образования';

let app: RunningApp;
let browser: Browser;
let admin: BrowserContext;
let page: Page;

/** Uploads a file on /registry/import and waits for the answer page; returns its HTTP status. */
async function upload(
  p: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<number> {
  await p.goto(`${app.url}/registry/import`);
  await p.getByLabel('Файл реестра (XLSX или CSV)').setInputFiles(file);
  const [res] = await Promise.all([
    p.waitForResponse((r) => r.request().method() === 'POST'),
    p.getByRole('button', { name: 'Проверить файл' }).click(),
  ]);
  await p.waitForLoadState();
  return res.status();
}

/** The report's summary lines and its error table (row, column, message). */
async function report(p: Page) {
  const summary = await p.locator('main ul li').allInnerTexts();
  const table = p.getByRole('table');
  const rows =
    (await table.count()) === 0
      ? []
      : await table
          .locator('tbody tr')
          .evaluateAll((trs) =>
            trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
          );
  return { summary, rows };
}

async function commit(p: Page, button: RegExp | string): Promise<string> {
  await p.getByRole('button', { name: button }).click();
  await p.waitForLoadState();
  return (await p.getByRole('status').innerText()).trim();
}

/** Rows of /registry searched by name or INN (all states): the visible table cells. */
async function search(p: Page, q: string): Promise<string[][]> {
  await p.goto(`${app.url}/registry?q=${encodeURIComponent(q)}&status=all`);
  const table = p.getByRole('table');
  if ((await table.count()) === 0) {
    expect(await p.getByText('Организации не найдены. Измените условия отбора.').count()).toBe(1);
    return [];
  }
  return table
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
    );
}

/** The id of an organization from its link on /registry. */
async function orgId(p: Page, inn: string): Promise<string> {
  await search(p, inn);
  const href = await p.locator('tbody tr a').first().getAttribute('href');
  return /^\/registry\/(\d+)$/.exec(href ?? '')![1]!;
}

async function registryTotal(p: Page): Promise<string> {
  await p.goto(`${app.url}/registry?status=all`);
  return p.getByText(/^Показаны 1–50 из \d+$/).innerText();
}

describe.skipIf(!hasChromium)('registry import: errors, fix, import (JavaScript off)', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    admin = await browser.newContext({ javaScriptEnabled: false });
    page = await admin.newPage();
    await login(page, app.url, 'admin@demo.noko', demoPassword(app));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it('refuses a file that is not a spreadsheet with a Russian message and changes nothing', async () => {
    const before = await registryTotal(page);
    const status = await upload(page, {
      name: 'скан.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n'),
    });
    expect(status).toBe(400);
    const alert = page.getByRole('alert');
    expect(await alert.count()).toBe(1);
    expect((await alert.innerText()).split('\n').map((s) => s.trim())).toEqual([
      'Не получилось',
      'Неподходящий тип файла: загрузите таблицу XLSX или CSV (разделитель «;» или «,», кодировка UTF-8)',
    ]);
    // The upload form is shown again, no report.
    expect(await page.getByRole('button', { name: 'Проверить файл' }).count()).toBe(1);
    expect(await page.getByRole('table').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/registry-import-not-a-sheet.png`, fullPage: true });

    // A .txt is read as CSV: plain text without the template's headers lists the missing columns.
    expect(
      await upload(page, {
        name: 'заметки.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('просто текст, не таблица\n'),
      }),
    ).toBe(200);
    const txt = await report(page);
    expect(txt.summary).toEqual([
      'Всего строк с данными: 0',
      'Корректных: 0 (будет добавлено 0, обновлено 0)',
      'С ошибками: 0',
    ]);
    expect(txt.rows).toEqual(
      [
        'ИНН',
        'Тип организации',
        'Краткое наименование',
        'Полное наименование',
        'Муниципальное образование',
        'Учредитель',
        'Контингент обучающихся',
      ].map((col) => ['1', col, 'нет обязательного столбца']),
    );
    expect(await page.getByRole('button', { name: /^Импортировать/ }).count()).toBe(0);
    expect(await registryTotal(page)).toBe(before);
  });

  it('reports every mistake of with-errors.xlsx; «Ничего не импортировать» changes nothing', async () => {
    const before = await registryTotal(page);
    expect(await upload(page, WITH_ERRORS)).toBe(200);
    expect(await page.locator('h2').first().innerText()).toBe(
      'Шаг 2. Результат проверки файла «with-errors.xlsx»',
    );
    const r = await report(page);
    expect(r.summary).toEqual([
      'Всего строк с данными: 5',
      'Корректных: 1 (будет добавлено 1, обновлено 0)',
      'С ошибками: 4',
    ]);
    expect(await page.locator('caption').innerText()).toBe('Ошибки в файле: 6');
    expect(r.rows).toEqual(REPORT_WITH_ERRORS);
    await page.screenshot({ path: `${SHOTS}/registry-import-report.png`, fullPage: true });

    expect(await commit(page, 'Ничего не импортировать')).toBe(
      'Файл не импортирован\nРеестр не изменился. Перейти к реестру',
    );
    for (const inn of INN) expect(await search(page, inn), inn).toEqual([]);
    expect(await registryTotal(page)).toBe(before);
  });

  it('«Импортировать корректные строки» creates only the valid row', async () => {
    expect(await upload(page, WITH_ERRORS)).toBe(200);
    expect(await commit(page, 'Импортировать корректные строки (1 строка)')).toBe(
      'Импорт выполнен\nДобавлено: 1, обновлено: 0, пропущено строк с ошибками: 4. Перейти к реестру',
    );
    const [row] = await search(page, INN[0]);
    expect([row![0], row![1], row![2], row![3], row![5], row![6], row![7]]).toEqual([
      ...FIXED_ROWS[0]!.slice(0, 4),
      '640',
      '2023',
      'действует',
    ]);
    for (const inn of INN.slice(1)) expect(await search(page, inn), inn).toEqual([]);
  });

  it('fixed.xlsx has no errors and loads all five rows, updating the earlier one', async () => {
    expect(await upload(page, FIXED)).toBe(200);
    const r = await report(page);
    expect(r.summary).toEqual([
      'Всего строк с данными: 5',
      'Корректных: 5 (будет добавлено 4, обновлено 1)',
      'С ошибками: 0',
    ]);
    expect(r.rows).toEqual([]);
    expect((await page.getByRole('alert').innerText()).split('\n')).toEqual([
      'Ошибок нет',
      'Все строки файла корректны.',
    ]);
    expect(await commit(page, 'Импортировать корректные строки (5 строк)')).toBe(
      'Импорт выполнен\nДобавлено: 4, обновлено: 1, пропущено строк с ошибками: 0. Перейти к реестру',
    );
    for (const [name, inn, kind, mun, contingent] of FIXED_ROWS) {
      const rows = await search(page, inn);
      expect(rows, inn).toHaveLength(1); // updated, not duplicated
      const [row] = rows;
      expect([row![0], row![1], row![2], row![3], row![5]]).toEqual([
        name,
        inn,
        kind,
        mun,
        contingent,
      ]);
    }
    await search(page, '69990000');
    await page.screenshot({ path: `${SHOTS}/registry-after-import.png`, fullPage: true });
  });

  it('the municipal user gets the other municipalities’ rows of fixed.xlsx as errors', async () => {
    const mo = await browser.newContext({ javaScriptEnabled: false });
    const p = await mo.newPage();
    await login(p, app.url, 'mo@demo.noko', demoPassword(app));
    expect(await upload(p, FIXED)).toBe(200);
    const r = await report(p);
    expect(r.summary).toEqual([
      'Всего строк с данными: 5',
      'Корректных: 2 (будет добавлено 0, обновлено 2)',
      'С ошибками: 3',
    ]);
    expect(r.rows).toEqual([
      ['3', 'Муниципальное образование', OWN_ONLY],
      ['4', 'Муниципальное образование', OWN_ONLY],
      ['6', 'Муниципальное образование', OWN_ONLY],
    ]);
    await p.screenshot({ path: `${SHOTS}/registry-import-municipal.png`, fullPage: true });
    expect(await commit(p, 'Ничего не импортировать')).toBe(
      'Файл не импортирован\nРеестр не изменился. Перейти к реестру',
    );
    await mo.close();
  });

  it('the audit log lists one «импорт» entry per created or updated organization', async () => {
    const ids: string[] = [];
    for (const inn of INN) ids.push(await orgId(page, inn));
    await page.goto(`${app.url}/admin/audit?action=import`);
    expect(await page.getByLabel('Действие').inputValue()).toBe('import');
    const rows = await page
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())),
      );
    // Newest first: the five rows of fixed.xlsx (one transaction, file order reversed; the first
    // organization only «updated» with no field changed), then the single row of the partial import.
    const actor = 'Соколова Ирина Викторовна'; // the demo admin (seeded PRNG: always this name)
    expect(await page.getByRole('banner').getByText(actor, { exact: true }).count()).toBe(1);
    const entity = (i: number) => `организация № ${ids[i]}`;
    expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual(
      [entity(4), entity(3), entity(2), entity(1), entity(0), entity(0)].map((e) => [
        actor,
        'импорт',
        e,
      ]),
    );
    expect(rows[4]![4]).toBe('Поля не менялись');
    for (const change of [
      'inn: — → 6999000018,',
      'shortName: — → МБОУ «Озёрная СОШ»,',
      'contingent: — → 640,',
    ])
      expect(rows[5]![4]).toContain(change);
    expect(await page.getByText('Показаны 1–6 из 6').count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/registry-audit-import.png`, fullPage: true });
  });
});
