// WCAG 2.2 AA checks with axe-core on the pages people use most: the public survey form (with and
// without JavaScript, with its error summary), the thank-you page, the login page and the staff
// screens of a collecting campaign. A violation fails the test with the rule and the elements.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  demoPassword,
  hasChromium,
  launchBrowser,
  login,
  startApp,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let browser: Browser;
let campaignPath = '';
let code = '';

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

describe.skipIf(!hasChromium)('accessibility (axe-core, WCAG 2.2 AA)', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const page = await (await browser.newContext()).newPage();
    await login(page, app.url, 'operator@demo.noko', demoPassword(app));
    await page.goto(`${app.url}/campaigns`);
    const row = page.locator('tbody tr', { hasText: 'Сбор данных' });
    campaignPath = (await row.locator('a').first().getAttribute('href')) ?? '';
    const surveys = (await (await fetch(`${app.url}/api/v1/public/surveys`)).json()) as {
      surveys?: { code: string }[];
    };
    code = surveys.surveys?.[0]?.code ?? '';
    await page.context().close();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it('the login page', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${app.url}/login`);
    await expectAccessible(page, '/login');
    await page.context().close();
  });

  it('the survey form with JavaScript, and its error summary without JavaScript', async () => {
    expect(code).not.toBe('');
    const withJs = await (await browser.newContext()).newPage();
    await withJs.goto(`${app.url}/s/${code}`);
    await expectAccessible(withJs, '/s/{code} (JavaScript on)');
    await withJs.context().close();

    // axe needs JavaScript, so the page a browser without it received (the error summary after a
    // POST) is checked as static HTML, its scripts removed, in a page that can run axe.
    const noJs = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await noJs.goto(`${app.url}/s/${code}`);
    await noJs.getByRole('button', { name: 'Отправить анкету' }).click();
    await noJs.getByRole('alert').first().waitFor();
    const html = (await noJs.content()).replace(/<script[\s\S]*?<\/script>/g, '');
    const check = await (await browser.newContext()).newPage();
    await check.goto(`${app.url}/login`);
    await check.setContent(html);
    await expectAccessible(check, '/s/{code} without JavaScript, with the error summary');
    await check.context().close();
    await noJs.context().close();
  });

  it('the staff screens of a collecting campaign', async () => {
    expect(campaignPath).not.toBe('');
    const page = await (await browser.newContext()).newPage();
    await login(page, app.url, 'operator@demo.noko', demoPassword(app));
    for (const path of [
      '/dashboard',
      '/campaigns',
      campaignPath,
      `${campaignPath}/survey`,
      `${campaignPath}/paper`,
      `${campaignPath}/moderation`,
      '/registry',
    ]) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expectAccessible(page, path);
    }
    await page.context().close();
  });
});
