// Issue 3 journey: every demo role logs in through the real form, lands on its dashboard, sees only
// the navigation its permissions allow, is refused a page it may not open, and logs out.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_TITLES, type Role } from '../../src/domain/permissions/index.ts';
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

const ROLES: Array<[Role, string, { nav: string[]; hidden: string[] }]> = [
  [
    'regional_admin',
    'admin@demo.noko',
    { nav: ['Реестр', 'Кампании', 'Журнал аудита', 'Пользователи'], hidden: [] },
  ],
  [
    'municipal',
    'mo@demo.noko',
    { nav: ['Реестр', 'Кампании'], hidden: ['Журнал аудита', 'Пользователи'] },
  ],
  [
    'operator',
    'operator@demo.noko',
    { nav: ['Реестр', 'Кампании'], hidden: ['Журнал аудита', 'Пользователи'] },
  ],
  [
    'expert',
    'expert@demo.noko',
    { nav: ['Реестр', 'Кампании'], hidden: ['Журнал аудита', 'Пользователи'] },
  ],
  [
    'council',
    'council@demo.noko',
    { nav: ['Реестр', 'Кампании'], hidden: ['Журнал аудита', 'Пользователи'] },
  ],
  [
    'organization',
    'school@demo.noko',
    { nav: ['Реестр', 'Кампании'], hidden: ['Журнал аудита', 'Пользователи'] },
  ],
];

describe.skipIf(!hasChromium)('log in as each role', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it.each(ROLES)('%s (%s)', async (role, email, { nav, hidden }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, app.url, email, demoPassword(app));
    await page.getByText(ROLE_TITLES[role], { exact: true }).first().waitFor();
    const header = page.getByRole('banner');
    for (const link of nav) {
      expect(await header.getByRole('link', { name: link, exact: true }).count(), link).toBe(1);
    }
    for (const link of hidden) {
      expect(await header.getByRole('link', { name: link, exact: true }).count(), link).toBe(0);
    }
    await page.screenshot({ path: `${SHOTS}/dashboard-${role}.png`, fullPage: true });

    const audit = await page.goto(`${app.url}/admin/audit`);
    expect(audit?.status()).toBe(role === 'regional_admin' ? 200 : 403);

    await page.goto(`${app.url}/dashboard`);
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.getByRole('link', { name: 'Войти' }).first().waitFor();
    const again = await page.goto(`${app.url}/dashboard`);
    expect(new URL(again?.url() ?? '').pathname).toBe('/login');
    await context.close();
  });
});
