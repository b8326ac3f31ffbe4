// Browser smoke test: the real `noko serve` (demo region seeded), Debian's Chromium. The home page
// hydrates under the nonce-only CSP, the login form works without JavaScript, 404 is Russian.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS, hasChromium, launchBrowser, startApp, type RunningApp } from './harness.ts';

let app: RunningApp;
let browser: Browser;

describe.skipIf(!hasChromium)('browser smoke', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0); // graceful shutdown
  });

  it('renders the home page in Russian and hydrates under the CSP', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const res = await page.goto(app.url + '/');
    expect(res?.status()).toBe(200);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toContain('noko — независимая оценка качества условий образовательной деятельности');
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Перейти к содержимому',
    );
    await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });
    // Client navigation works, so the bundle ran despite the nonce-only script policy.
    await page.getByRole('link', { name: 'Войти' }).first().click();
    await page.waitForURL('**/login');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вход');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('posts the login form without JavaScript and shows Russian messages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(app.url + '/login');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Проверьте адрес и пароль');

    await page.getByLabel('Электронная почта').fill('admin@demo.noko');
    await page.getByLabel(/^Пароль/).fill('неверный-пароль');
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Войти' }).click(),
    ]);
    expect(response.status()).toBe(401);
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain(
      'Неверный адрес электронной почты или пароль',
    );
    expect(await page.getByLabel('Электронная почта').inputValue()).toBe('admin@demo.noko');
    await page.screenshot({ path: `${SHOTS}/login-nojs.png`, fullPage: true });
    await context.close();
  });

  it('shows the Russian 404 page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(app.url + '/no-such-page');
    expect(res?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Страница не найдена');
    await page.close();
  });
});
