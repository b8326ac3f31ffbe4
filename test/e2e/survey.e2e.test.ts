// Issue 4 journey: the public survey form /s/{code}. With JavaScript a respondent answers by keyboard
// alone and dependent questions appear only after «Да»; without JavaScript a missing answer is listed
// in an error summary and everything typed is kept; an unknown code is a Russian 404 page. The JSON
// API stores one response per Idempotency-Key and rejects a malformed body. The page stays far below
// the 30 KB budget. Responses cannot be counted in the database (the server holds the PGlite
// folder), so storage is proven by response ids: they are an identity column, so the number of ids
// taken between two API answers is the number of responses stored in between.
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

const COLLECTION = 'Сбор информации (сайты, стенды, анкетирование)';
const THANKS = 'Спасибо! Ваш ответ сохранён.';
const ANSWERED_BEFORE =
  'С этого устройства уже отправлен ответ об этой организации. Если отвечает другой человек, заполните анкету ещё раз: повторный ответ будет учтён после проверки.';

let app: RunningApp;
let browser: Browser;
let code = '';
let campaignTitle = '';
let firstApiId = 0;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysFromNow = (n: number) => isoDay(new Date(Date.now() + n * 86_400_000));

/**
 * The demo campaign collects answers from 16 March to 30 September (default stage plan); outside
 * that window no survey is open. The admin stretches the collection stage around today through the
 * stage dates form, as a real administrator would to extend the survey.
 */
async function openCollectionWindow(page: Page): Promise<void> {
  await page.goto(`${app.url}/campaigns`);
  const row = page.locator('tbody tr', { hasText: 'Сбор данных' });
  expect(await row.count()).toBe(1);
  campaignTitle = (await row.locator('a').innerText()).trim();
  const href = await row.locator('a').getAttribute('href');
  await page.goto(`${app.url}${href}/stages`);
  const start = page.getByLabel(`Начало: ${COLLECTION}`);
  const end = page.getByLabel(`Окончание: ${COLLECTION}`);
  const yesterday = daysFromNow(-1);
  const later = daysFromNow(30);
  if ((await start.inputValue()) > yesterday) await start.fill(yesterday);
  if ((await end.inputValue()) < later) await end.fill(later);
  await page.getByRole('button', { name: 'Сохранить даты' }).click();
  await page.waitForURL(`${app.url}${href}`);
}

async function post(body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.url}/api/v1/public/responses`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as unknown };
}

/** A complete valid answer set (q2 shown after «Да» to q1; q4, q7, q11 skipped after «Нет»). */
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
  q16: 'female',
  q17: 35,
  q18: 'parent',
};

const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const isHidden = (page: Page, filter: string) =>
  page.locator(`[data-filter="${filter}"]`).evaluate((d) => (d as HTMLElement).hidden);
const checkedIds = (page: Page) =>
  page.locator('input[type=radio]:checked').evaluateAll((els) => els.map((e) => e.id));

describe.skipIf(!hasChromium)('public survey form /s/{code}', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const admin = await browser.newContext({ javaScriptEnabled: false });
    const page = await admin.newPage();
    await login(page, app.url, 'admin@demo.noko', demoPassword(app));
    await openCollectionWindow(page);
    await admin.close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it('lists the open surveys of the collecting campaign', async () => {
    const res = await fetch(`${app.url}/api/v1/public/surveys`);
    expect(res.status).toBe(200);
    const { surveys } = (await res.json()) as {
      surveys: { code: string; organization: string; campaign: string; url: string }[];
    };
    expect(surveys).toHaveLength(120); // the demo's current list (src/features/demo/seed-campaigns.ts)
    for (const s of surveys) {
      expect(s.campaign).toBe(campaignTitle);
      expect(s.code).toMatch(/^[A-Z0-9]{8}$/);
      // Only the path: PUBLIC_URL is unset and `serve --port 0` still reports port 3000 there.
      expect(new URL(s.url).pathname).toBe(`/s/${s.code}`);
    }
    code = surveys[0]!.code;
  });

  it('API: one response per Idempotency-Key; a malformed body is 400 validation_failed', async () => {
    const body = JSON.stringify({ surveyCode: code, answers: VALID });
    const first = await post(body, { 'Idempotency-Key': 'e2e-survey-1' });
    expect(first.status).toBe(201);
    firstApiId = (first.json as { id: number }).id;
    expect(Number.isInteger(firstApiId)).toBe(true);
    const again = await post(body, { 'Idempotency-Key': 'e2e-survey-1' });
    expect([again.status, again.json, again.headers.get('idempotency-replayed')]).toEqual([
      200,
      { id: firstApiId },
      'true',
    ]);

    const broken = await post('{"surveyCode": "' + code + '", "answers": {');
    expect(broken.status).toBe(400);
    expect(broken.json).toMatchObject({
      error: {
        code: 'validation_failed',
        message: 'Тело запроса — не JSON',
        details: { issues: [{ code: 'invalid_body', message: 'Тело запроса — не JSON' }] },
      },
    });
    const skipped = await post(
      JSON.stringify({ surveyCode: code, answers: { ...VALID, q3: false, q4: true } }),
    );
    expect(skipped.status).toBe(400);
    expect(skipped.json).toMatchObject({
      error: {
        code: 'validation_failed',
        details: {
          issues: [
            {
              path: 'answers.q4',
              code: 'skipped_question_answered',
              message:
                'Вопрос 4 задаётся только тем, кто ответил «Да» на вопрос 3; уберите ответ на него',
            },
          ],
        },
      },
    });
  });

  it('the form page is one request under 30 KB (HTML with its inline CSS and script)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const res = (await page.goto(`${app.url}/s/${code}`))!;
    await page.waitForLoadState('load');
    expect(res.status()).toBe(200);
    expect(requests).toEqual([`${app.url}/s/${code}`]); // no stylesheet, script, font or image
    const decoded = (await res.body()).length;
    const sizes = await res.request().sizes();
    // Chromium sends Accept-Encoding: gzip, deflate, br, zstd; responseBodySize is the bytes on the
    // wire (compressed), `decoded` the HTML itself. Both must fit the budget.
    console.log(
      `survey form: ${decoded} bytes HTML, ${sizes.responseBodySize} bytes transferred ` +
        `(${res.headers()['content-encoding'] ?? 'identity'}) + ${sizes.responseHeadersSize} bytes of headers`,
    );
    expect(decoded).toBeLessThan(30 * 1024);
    expect(sizes.responseBodySize + sizes.responseHeadersSize).toBeLessThan(30 * 1024);
    expect(res.headers()['content-encoding']).toBe('gzip');
    await context.close();
  });

  it('JavaScript on: answered by keyboard alone, dependent questions appear only after «Да»', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${app.url}/s/${code}`);
    expect(await page.locator('p.org').innerText()).toBe(campaignTitle);
    expect(await page.locator('h1').innerText()).toMatch(/^Анкета получателя услуг: \S.+$/);
    for (const filter of ['q1', 'q3', 'q6', 'q10']) expect(await isHidden(page, filter)).toBe(true);

    const key = async (k: string, expectFocus: string) => {
      await page.keyboard.press(k);
      expect(await focused(page), `${k} → ${expectFocus}`).toBe(expectFocus);
    };
    await key('Tab', 'q1-0');
    await key('Space', 'q1-0'); // «Да»
    expect(await isHidden(page, 'q1')).toBe(false);
    await key('Tab', 'q2-0');
    await key('Space', 'q2-0');
    await key('Tab', 'q3-0');
    await key('ArrowRight', 'q3-1'); // «Нет»: question 4 stays hidden and is skipped by Tab
    expect(await isHidden(page, 'q3')).toBe(true);
    await key('Tab', 'q5-0');
    await key('Space', 'q5-0');
    await key('Tab', 'q6-0');
    await key('ArrowRight', 'q6-1');
    expect(await isHidden(page, 'q6')).toBe(true);
    for (const q of ['q8', 'q9']) {
      await key('Tab', `${q}-0`);
      await key('Space', `${q}-0`);
    }
    await key('Tab', 'q10-0');
    expect(await isHidden(page, 'q10')).toBe(true);
    await key('Space', 'q10-0');
    expect(await isHidden(page, 'q10')).toBe(false);
    await key('Tab', 'q11-0');
    await key('ArrowRight', 'q11-1');
    for (const q of ['q12', 'q13', 'q14']) {
      await key('Tab', `${q}-0`);
      await key('Space', `${q}-0`);
    }
    await key('Tab', 'q15');
    await page.keyboard.type('Больше кружков после уроков');
    await key('Tab', 'q16-0');
    await key('ArrowRight', 'q16-1'); // «Женский»
    await key('Tab', 'q17');
    await page.keyboard.type('38');
    await key('Tab', 'q18-0');
    await key('Space', 'q18-0'); // «Родитель (законный представитель)»
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Отправить анкету');
    expect(await checkedIds(page)).toEqual([
      'q1-0',
      'q2-0',
      'q3-1',
      'q5-0',
      'q6-1',
      'q8-0',
      'q9-0',
      'q10-0',
      'q11-1',
      'q12-0',
      'q13-0',
      'q14-0',
      'q16-1',
      'q18-0',
    ]);
    await page.screenshot({ path: `${SHOTS}/survey-keyboard.png`, fullPage: true });
    await Promise.all([
      page.waitForURL(`${app.url}/s/${code}/thanks`),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('h1').innerText()).toBe(THANKS);
    expect(await page.title()).toBe('Спасибо за ответ');

    // The same browser is recognised on its next visit: the response was stored with its token.
    await page.goto(`${app.url}/s/${code}`);
    expect(await page.locator('p.note').innerText()).toBe(ANSWERED_BEFORE);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('JavaScript off: the error summary lists missing answers, typed answers are kept', async () => {
    const context: BrowserContext = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.url}/s/${code}`);
    // Without the script every dependent block is shown, labelled «Отвечайте, только если…».
    for (const filter of ['q1', 'q3', 'q6', 'q10'])
      expect(await isHidden(page, filter)).toBe(false);
    expect(await page.locator('[data-filter="q1"] > p').innerText()).toBe(
      'Отвечайте, только если на вопрос 1 Вы ответили «Да».',
    );
    // q2 (shown: q1 «Да») and q5 left out; q7 answered although q6 is «Нет» (dropped on save).
    const chosen = ['q1-0', 'q3-1', 'q6-1', 'q7-0', 'q8-0', 'q9-0', 'q10-1', 'q12-0', 'q13-1'];
    for (const id of [...chosen, 'q14-0', 'q16-0', 'q18-2']) await page.locator(`#${id}`).check();
    await page.locator('#q15').fill('Нужен пандус у входа');
    await page.locator('#q17').fill('41');
    const [bad] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Отправить анкету' }).click(),
    ]);
    expect(bad.status()).toBe(400);
    await page.waitForLoadState();
    const summary = page.getByRole('alert');
    expect(await summary.locator('h2').innerText()).toBe('Анкета не отправлена: исправьте ошибки');
    const items = await summary
      .locator('li a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    expect(items).toEqual([
      ['#q2-0', 'Вопрос 2: нужен ответ «Да» или «Нет» (Вы ответили «Да» на вопрос 1)'],
      ['#q5-0', 'Вопрос 5: нужен ответ «Да» или «Нет»'],
    ]);
    expect(await page.locator('#q5-err').innerText()).toBe('Вопрос 5: нужен ответ «Да» или «Нет»');
    expect(await page.locator('#q5-0').getAttribute('aria-describedby')).toBe('q5-err');
    expect(await checkedIds(page)).toEqual([...chosen, 'q14-0', 'q16-0', 'q18-2']);
    expect(await page.locator('#q15').inputValue()).toBe('Нужен пандус у входа');
    expect(await page.locator('#q17').inputValue()).toBe('41');
    await page.screenshot({ path: `${SHOTS}/survey-nojs-errors.png`, fullPage: true });

    await page.locator('#q2-1').check();
    await page.locator('#q5-0').check();
    const [ok] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Отправить анкету' }).click(),
    ]);
    expect(ok.status()).toBe(303);
    expect(ok.headers().location).toBe(`/s/${code}/thanks`);
    await page.waitForURL(`${app.url}/s/${code}/thanks`);
    expect(await page.locator('h1').innerText()).toBe(THANKS);
    await page.screenshot({ path: `${SHOTS}/survey-nojs-thanks.png`, fullPage: true });
    await context.close();
  });

  it('an unknown code is a Russian 404 page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${app.url}/s/NOSUCH99`);
    expect(res?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').innerText()).toBe('Анкета не найдена');
    expect(await page.locator('main p').innerText()).toBe(
      'Анкета с кодом «NOSUCH99» не найдена. Проверьте код в приглашении.',
    );
    expect(await page.locator('form').count()).toBe(0);
    await page.close();
  });

  it('stored exactly the two form responses since the first API answer', async () => {
    const last = await post(JSON.stringify({ surveyCode: code, answers: VALID }), {
      'Idempotency-Key': 'e2e-survey-2',
    });
    expect(last.status).toBe(201);
    // firstApiId, then the keyboard form, then the form without JavaScript, then this one.
    expect((last.json as { id: number }).id).toBe(firstApiId + 3);
  });
});
