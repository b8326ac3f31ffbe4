// Issue 4 journeys of the operator's side of the survey: paper entry of a packet at the keyboard
// (a dependent question disabled by skip logic, running totals, double entry and its mismatch
// report), import of a CSV file with errors (validation report, valid rows stored, the same file
// again adds nothing), the print page's downloads (poster PDF, QR SVG), reminders to lagging
// organizations (queued letters reach the outbox: SMTP is not configured), moderation of flagged
// responses (include or exclude with a reason) and feedback between campaigns (the public form of
// a finished campaign without JavaScript, the quarterly summary for staff).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS,
  demoPassword,
  hasChromium,
  launchBrowser,
  login,
  startApp,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let browser: Browser;
let operator: BrowserContext;
let campaignId = 0;
let closedCampaignId = 0;

const BATCH = 'E2E-7';

/** Ids of the demo campaigns: the one collecting data and a finished one. */
async function findCampaigns(page: Page): Promise<void> {
  await page.goto(`${app.url}/campaigns`);
  const id = async (status: RegExp) => {
    const row = page.locator('tbody tr', { hasText: status }).first();
    const href = (await row.locator('a').first().getAttribute('href')) ?? '';
    return Number(/\/campaigns\/(\d+)/.exec(href)?.[1] ?? 0);
  };
  campaignId = await id(/Сбор данных/);
  closedCampaignId = await id(/Завершена|Закрыта/);
  expect(campaignId).toBeGreaterThan(0);
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? `${el.name}=${el.value}` : '';
  });

/**
 * Keys one questionnaire from question 1 on: «Да»/«Нет» per yes/no question by arrow keys (the
 * first radio of a group is «Да»; ArrowRight selects «Нет»), Tab to the next question; a
 * dependent question whose filter is «Нет» is disabled, so Tab skips it.
 */
async function keyQuestionnaire(page: Page, answers: Record<string, 'yes' | 'no'>) {
  for (let n = 1; n <= 14; n++) {
    const q = `q${n}`;
    const a = answers[q];
    if (a === undefined) continue; // disabled: Tab has already skipped it
    expect(await focusedName(page), `focus on ${q}`).toMatch(new RegExp(`^${q}=`));
    if (a === 'yes') await page.keyboard.press('Space');
    else await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
  }
}

/** A complete valid answer set (q2 after «Да» to q1; q4, q7, q11 skipped after «Нет»). */
const VALID = {
  q1: true,
  q2: true,
  q3: false,
  q5: true,
  q6: false,
  q8: true,
  q9: true,
  q10: false,
  q12: true,
  q13: true,
  q14: true,
};

/** The survey code of the campaign's first organization, from the print page's survey link. */
async function surveyCode(page: Page, campaign: number): Promise<string> {
  await page.goto(`${app.url}/campaigns/${campaign}/print`);
  const href = (await page.locator('a[href*="/s/"]').first().getAttribute('href')) ?? '';
  const code = /\/s\/([A-Z0-9]+)/.exec(href)?.[1] ?? '';
  expect(code).not.toBe('');
  return code;
}

/** `yn-…` (questions 1–14 in order) as answers; `-` leaves a question out. */
function answersOf(keys: string): Record<string, 'yes' | 'no'> {
  const out: Record<string, 'yes' | 'no'> = {};
  [...keys].forEach((k, i) => {
    if (k !== '-') out[`q${i + 1}`] = k === 'y' ? 'yes' : 'no';
  });
  return out;
}

describe.skipIf(!hasChromium)('survey operator journeys', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    operator = await browser.newContext();
    const page = await operator.newPage();
    await login(page, app.url, 'operator@demo.noko', demoPassword(app));
    await findCampaigns(page);
    await page.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it('paper entry of a packet at the keyboard: skip logic, running totals', async () => {
    const page = await operator.newPage();
    await page.goto(`${app.url}/campaigns/${campaignId}/paper`);
    // The organization by arrow keys, the packet typed, Enter starts the entry.
    const org = page.getByLabel('Организация', { exact: true });
    await org.focus();
    await page.keyboard.press('ArrowDown'); // the first organization of the list
    const orgName = (await org.locator('option:checked').innerText()).trim();
    await page.getByLabel('Номер пакета').focus();
    await page.keyboard.type(BATCH);
    await Promise.all([page.waitForURL(/batch=E2E-7/), page.keyboard.press('Enter')]);
    await page.getByRole('form', { name: 'Анкета' }).waitFor();
    expect(await page.getByText(/введено анкет — 0/).count()).toBe(1);

    // Questions 1–14 of each questionnaire: y «Да», n «Нет», - skipped (its filter is «Нет»).
    const forms = ['n-yyyn-yyn-yny', 'yyn-nynyyyyyyy', 'ynynyn-nyn-yyn'].map(answersOf);
    for (const [i, answers] of forms.entries()) {
      // After the page (re)loads, the focus waits on question 1.
      await page.waitForFunction(() => (document.activeElement as HTMLInputElement)?.name === 'q1');
      await keyQuestionnaire(page, answers);
      if (i === 0) {
        // Question 2 depends on question 1 («Нет»): its radios are disabled and marked.
        const q2 = page.locator('fieldset', { has: page.locator('input[name="q2"]') });
        expect(await q2.locator('input:disabled').count()).toBe(2);
        expect(await q2.innerText()).toContain('пропускается (фильтр «Нет»)');
        await page.screenshot({ path: `${SHOTS}/paper-entry.png`, fullPage: true });
      }
      // q15–q18 are optional on paper: Tab past them to the submit button, Enter saves.
      const onButton = () =>
        page.evaluate(() => document.activeElement?.textContent === 'Сохранить анкету');
      for (let t = 0; t < 8 && !(await onButton()); t++) await page.keyboard.press('Tab');
      expect(await onButton()).toBe(true);
      await Promise.all([page.waitForURL(/saved=/), page.keyboard.press('Enter')]);
      await page
        .getByText(`Анкета № ${i + 1} пакета «${BATCH}» сохранена.`)
        .waitFor({ timeout: 20_000 });
      expect(await page.getByText(`введено анкет — ${i + 1}`).count()).toBe(1);
    }
    expect(orgName).not.toBe('');
    await page.close();
  });

  it('double entry: a differing answer is reported question by question', async () => {
    const page = await operator.newPage();
    await page.goto(`${app.url}/campaigns/${campaignId}/paper`);
    await page.getByLabel('Организация', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Номер пакета').fill(BATCH);
    await page.getByLabel('Ввод', { exact: true }).selectOption('second');
    await Promise.all([
      page.waitForURL(/mode=second/),
      page.getByRole('button', { name: 'Начать ввод' }).click(),
    ]);
    await page.getByRole('form', { name: 'Анкета' }).waitFor();
    await page.getByLabel('Номер анкеты в пакете (повторный ввод)').fill('1');
    // The first questionnaire again, with question 13 keyed «Да» instead of «Нет».
    const answers = answersOf('n-yyyn-yyn-yyy');
    for (const [q, v] of Object.entries(answers)) {
      await page.locator(`input[name="${q}"][value="${v}"]`).check();
    }
    await Promise.all([
      page.waitForURL(/saved=/),
      page.getByRole('button', { name: 'Сохранить повторный ввод' }).click(),
    ]);
    await page
      .getByText('Повторный ввод анкеты № 1: расхождения в вопросах 13.')
      .waitFor({ timeout: 20_000 });

    await page.goto(`${app.url}/campaigns/${campaignId}/paper/double-entry`);
    await page.getByText('С расхождениями: 1').waitFor();
    const row = page.locator('tr', { hasText: BATCH }).first();
    expect(await row.innerText()).toContain('13: Нет → Да');
    await page.close();
  });

  it('import of a CSV file with errors: report, valid rows stored, a second import adds nothing', async () => {
    const page = await operator.newPage();
    const csv = [
      'q1;q2;q3;q4;q5;q6;q7;q8;q9;q10;q11;q12;q13;q14',
      'Да;Да;Нет;;Да;Нет;;Да;Да;Нет;;Да;Да;Да',
      'Нет;;Да;Да;Да;Нет;;Да;Нет;Да;Да;Да;Да;Нет',
      'Да;может быть;Нет;;Да;Нет;;Да;Да;Нет;;Да;Да;Да',
      'Нет;Да;Нет;;Да;Нет;;Да;Да;Нет;;Да;Да;Да',
    ].join('\n');
    const file = { name: 'yandex-forms.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

    const upload = async () => {
      await page.goto(`${app.url}/campaigns/${campaignId}/survey-import`);
      await page.getByLabel('Файл (XLSX или CSV)').setInputFiles(file);
      await page.getByRole('button', { name: 'Загрузить' }).click();
      await page
        .getByText(/Шаг 2\. Сопоставьте столбцы файла «yandex-forms\.csv» \(4 строк/)
        .waitFor();
      await page
        .getByLabel('Организация (если в файле нет столбца с кодом анкеты)')
        .selectOption({ index: 1 });
    };

    await upload();
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByRole('heading', { name: 'Результат проверки' }).waitFor();
    const report = await page.locator('main').innerText();
    expect(report).toContain('Строк с данными: 4');
    expect(report).toContain('Корректных: 3');
    expect(report).toContain('С ошибками: 1');
    expect(report).toContain('Ответов на пропускаемые вопросы отброшено: 1');
    await page.screenshot({ path: `${SHOTS}/survey-import-report.png`, fullPage: true });

    await page.getByRole('button', { name: 'Импортировать корректные строки' }).click();
    await page.getByText('Добавлено ответов: 3.').waitFor({ timeout: 30_000 });

    await upload();
    await page.getByRole('button', { name: 'Импортировать корректные строки' }).click();
    await page
      .getByText('Ничего не добавлено: все корректные строки этого файла уже были импортированы.')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').innerText()).toContain('Уже импортированы раньше: 3');
    await page.close();
  });

  it('print page: the poster downloads as PDF, the QR code as SVG', async () => {
    const page = await operator.newPage();
    await page.goto(`${app.url}/campaigns/${campaignId}/print`);
    const poster = page.getByRole('link', { name: /^Плакат \(PDF\) — / }).first();
    const svg = page.getByRole('link', { name: /^QR \(SVG\) — / }).first();
    const pdfRes = await page.request.get(
      new URL((await poster.getAttribute('href'))!, app.url).href,
    );
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toContain('application/pdf');
    expect((await pdfRes.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const svgRes = await page.request.get(new URL((await svg.getAttribute('href'))!, app.url).href);
    expect(svgRes.status()).toBe(200);
    expect(svgRes.headers()['content-type']).toContain('image/svg+xml');
    expect(await svgRes.text()).toContain('<svg');
    // The browser's own download of the link works too.
    const [download] = await Promise.all([page.waitForEvent('download'), poster.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await page.close();
  });

  it('reminders: the button queues letters that reach the outbox', async () => {
    const page = await operator.newPage();
    await page.goto(`${app.url}/campaigns/${campaignId}/reminders`);
    const lagging = Number(
      /Отстают сейчас: (\d+)/.exec(await page.locator('main').innerText())?.[1] ?? '0',
    );
    expect(lagging).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Отправить напоминания сейчас' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toMatch(
      /поставлены в очередь|Отправлено напоминаний: \d+/,
    );
    // The job runs in the background: reload until the history lists the letters.
    let rows = 0;
    for (let i = 0; i < 60 && rows === 0; i++) {
      await page.waitForTimeout(2000);
      await page.goto(`${app.url}/campaigns/${campaignId}/reminders`);
      rows = await page.locator('table[aria-labelledby="history-title"] tbody tr').count();
    }
    expect(rows).toBeGreaterThan(0);
    expect(
      await page.locator('table[aria-labelledby="history-title"] tbody tr').first().innerText(),
    ).toContain('кнопка оператора');
    await page.close();

    // SMTP is not configured: the administrator finds the letters in the outbox.
    const admin = await browser.newContext({ javaScriptEnabled: false });
    const a = await admin.newPage();
    await login(a, app.url, 'admin@demo.noko', demoPassword(app));
    await a.goto(`${app.url}/admin/outbox`);
    await a
      .getByText(/Анкетирование: учтено \d+ из \d+ анкет/)
      .first()
      .waitFor();
    await admin.close();
  }, 180_000);

  it('moderation: flagged responses excluded and included with a reason', async () => {
    const page = await operator.newPage();
    // A computer class answering from one address: from the 21st response in ten minutes on,
    // responses are flagged (burst; outside the collection window every one is flagged).
    const code = await surveyCode(page, campaignId);
    for (let i = 0; i < 23; i++) {
      const res = await fetch(`${app.url}/api/v1/public/responses`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Idempotency-Key': `e2e-moderation-${i}`,
          'X-Forwarded-For': '203.0.113.7',
        },
        body: JSON.stringify({ surveyCode: code, answers: VALID }),
      });
      expect(res.status).toBe(201);
    }
    await page.goto(`${app.url}/campaigns/${campaignId}/moderation`);
    const boxes = page.getByRole('checkbox', { name: /^Выбрать ответ № \d+$/ });
    expect(await boxes.count()).toBeGreaterThanOrEqual(3);
    const ids = await boxes.evaluateAll((els) =>
      els.slice(0, 3).map((e) => (e as HTMLInputElement).value),
    );

    for (const id of ids.slice(0, 2)) {
      await page.getByRole('checkbox', { name: `Выбрать ответ № ${id}` }).check();
    }
    await page.getByRole('radio', { name: 'Исключить' }).check();
    // The reason is mandatory: the browser does not send the form without it.
    expect(
      await page.getByLabel('Причина').evaluate((e) => (e as HTMLTextAreaElement).required),
    ).toBe(true);
    await page.getByLabel('Причина').fill('Серия одинаковых ответов с одного адреса');
    await Promise.all([
      page.waitForURL(/done=2/),
      page.getByRole('button', { name: 'Принять решение' }).click(),
    ]);
    await page.getByText('Исключены ответы: 2.').waitFor();

    await page.getByRole('checkbox', { name: `Выбрать ответ № ${ids[2]}` }).check();
    await page.getByRole('radio', { name: 'Учитывать' }).check();
    await page.getByLabel('Причина').fill('Ответ учителя после уроков, проверен');
    await Promise.all([
      page.waitForURL(/decision=included/),
      page.getByRole('button', { name: 'Принять решение' }).click(),
    ]);
    await page.getByText('Учитываются ответы: 1.').waitFor();

    // The excluded ones are listed with their decision, reason and who decided.
    await page.getByLabel('Решение', { exact: true }).selectOption('excluded');
    await Promise.all([
      page.waitForURL(/status=excluded/),
      page.getByRole('button', { name: 'Показать' }).click(),
    ]);
    for (const id of ids.slice(0, 2)) {
      const row = page.locator('tbody tr', {
        has: page.getByRole('rowheader', { name: id!, exact: true }),
      });
      expect(await row.innerText()).toContain('Исключён');
      expect(await row.innerText()).toContain('Серия одинаковых ответов с одного адреса');
    }
    await page.screenshot({ path: `${SHOTS}/moderation-excluded.png`, fullPage: true });
    await page.close();
  });

  it('feedback between campaigns: the public form without JavaScript, the quarterly summary', async () => {
    const staff = await operator.newPage();
    const code = await surveyCode(staff, closedCampaignId);

    const visitor = await browser.newContext({ javaScriptEnabled: false });
    const page = await visitor.newPage();
    await page.goto(`${app.url}/s/${code}`);
    expect(await page.locator('main').innerText()).toMatch(/отзыв/i);
    for (const id of [
      'q1-1',
      'q3-1',
      'q5-0',
      'q6-1',
      'q8-0',
      'q9-0',
      'q10-1',
      'q12-0',
      'q13-0',
      'q14-0',
    ])
      await page.locator(`#${id}`).check();
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: /Отправить/ }).click(),
    ]);
    expect(res.status()).toBe(303);
    await page.waitForURL(`${app.url}/s/${code}/thanks`);
    await visitor.close();

    await staff.goto(`${app.url}/feedback`);
    await staff.getByRole('heading', { level: 1, name: 'Отзывы между кампаниями' }).waitFor();
    const text = await staff.locator('main').innerText();
    expect(text).toMatch(/Всего отзывов: [1-9]\d*/);
    await staff.close();
  });
});
