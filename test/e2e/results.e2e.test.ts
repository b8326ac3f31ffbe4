// Issue 6 journey, from an expert checklist to the published result card: the expert fills and
// confirms an organization's checklist in the collecting campaign, the campaign moves on to the
// calculation (the regional administrator holds `campaign.edit`), the operator recalculates from
// the results page and the explanation page shows the checklist-derived indicator, the council
// member approves (freezes) the results, the campaign is published, and an anonymous visitor's
// public result card shows exactly the stored total. A later recalculation makes a new version
// beside the frozen one, which the public card keeps showing.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS,
  demoPassword,
  hasChromium,
  launchBrowser,
  login,
  see,
  startApp,
  type RunningApp,
} from './harness.ts';

let app: RunningApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

const SECTIONS = ['stand', 'site', 'remoteChannels', 'comfort', 'premises', 'services'] as const;
const NO_CHECKLIST_NOTE = 'нет данных чек-листа';

interface OrgResult {
  organizationId: number;
  total: number | null;
  indicators: Record<string, number | null>;
  provenance: { indicators?: Record<string, { sourceNote?: string }> };
}
interface Run {
  version: number;
  status: 'current' | 'frozen' | 'superseded';
}

const step = (what: string) => process.stderr.write(`results journey: ${what}\n`);
const score = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : v.toFixed(2).replace('.', ',');

async function as(email: string): Promise<Page> {
  const ctx = await browser.newContext();
  contexts.push(ctx);
  const page = await ctx.newPage();
  await login(page, app.url, email, demoPassword(app));
  return page;
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${app.url}/api/v1${path}`);
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

/** Answers every question of the shown section still without an answer with its first option. */
async function answerTheRest(page: Page): Promise<void> {
  const names = await page.evaluate(() => {
    const open = new Set<string>();
    const answered = new Set<string>();
    for (const el of document.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      if (!/^(answer|listed)\./.test(el.name)) continue;
      open.add(el.name);
      if (el.checked) answered.add(el.name);
    }
    return [...open].filter((n) => !answered.has(n));
  });
  for (const name of names) await checkRadio(page, `input[type=radio][name="${name}"]`);
}

/**
 * Checks a radio button, again if hydration (or the page restoring its saved draft) reset it
 * right after the click: under load the first click can land before React has taken the page over.
 */
async function checkRadio(page: Page, selector: string): Promise<void> {
  const radio = page.locator(selector).first();
  for (let attempt = 1; ; attempt++) {
    try {
      await radio.check({ timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.waitForTimeout(500);
    }
  }
}

/** Moves the campaign one status on from its card (the «Следующий шаг» buttons). */
async function moveTo(page: Page, campaignId: number, status: string, title: string) {
  await page.goto(`${app.url}/campaigns/${campaignId}`);
  await page.getByRole('button', { name: `Перейти: ${title}` }).click();
  await expect
    .poll(
      async () => (await getJson<{ status: string }>(page, `/campaigns/${campaignId}`)).status,
      {
        timeout: 30_000,
      },
    )
    .toBe(status);
}

describe.skipIf(!hasChromium)('results: checklist to published result card', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it(
    'goes from a confirmed checklist to the approved, published result card',
    { timeout: 300_000 },
    async () => {
      // 1. The expert picks an organization of the collecting campaign nobody has checked yet.
      const expert = await as('expert@demo.noko');
      const { campaigns } = await getJson<{ campaigns: { id: number; status: string }[] }>(
        expert,
        '/campaigns',
      );
      const campaignId = campaigns.find((c) => c.status === 'collecting')!.id;
      const list = await getJson<{ rows: { organizationId: number; status: string }[] }>(
        expert,
        `/campaigns/${campaignId}/checklists`,
      );
      const orgId = list.rows.find((r) => r.status === 'not_started')!.organizationId;

      // The demo's preliminary run scored it without a checklist.
      const operator = await as('operator@demo.noko');
      const orgPath = `/campaigns/${campaignId}/results/organizations/${orgId}`;
      const before = await getJson<{ run: Run; organization: OrgResult }>(operator, orgPath);
      expect(before.organization.provenance.indicators?.['2.1']?.sourceNote).toBe(
        NO_CHECKLIST_NOTE,
      );

      step('2. The expert fil');
      // 2. The expert fills every list through the form, section by section, and confirms.
      const form = `${app.url}/campaigns/${campaignId}/checklists/${orgId}`;
      for (const section of SECTIONS) {
        await expert.goto(`${form}?section=${section}`);
        await expert.waitForLoadState('networkidle');
        await answerTheRest(expert);
        await expert.getByRole('button', { name: 'Сохранить', exact: true }).click();
        await expert.waitForURL(/saved=/);
      }
      await expert.goto(`${form}/review`);
      await expert.getByRole('button', { name: 'Подтвердить чек-лист' }).click();
      await see(expert, 'Подтверждён экспертом');
      const checklist = await getJson<{ status: string }>(
        expert,
        `/campaigns/${campaignId}/checklists/${orgId}`,
      );
      expect(checklist.status).toBe('confirmed');
      await expert.screenshot({ path: `${SHOTS}/results-checklist.png`, fullPage: true });

      step('3. Data collectio');
      // 3. Data collection ends; the operator recalculates from the results page.
      const admin = await as('admin@demo.noko');
      await moveTo(admin, campaignId, 'calculating', 'Расчёт показателей');
      await operator.goto(`${app.url}/campaigns/${campaignId}/results`);
      await operator.getByRole('button', { name: 'Пересчитать результаты' }).click();
      // The confirmation itself queued a recalculation, which may have run first.
      await see(operator, /сохранена версия \d+|Данные не изменились с версии \d+/);
      const calculated = await getJson<{ run: Run; organization: OrgResult }>(operator, orgPath);
      expect(calculated.run).toMatchObject({ status: 'current' });
      expect(calculated.run.version).toBeGreaterThan(before.run.version);
      const comfort = calculated.organization.indicators['2.1'];
      expect(comfort).not.toBeNull();
      expect(calculated.organization.provenance.indicators?.['2.1']?.sourceNote).not.toBe(
        NO_CHECKLIST_NOTE,
      );

      step('4. The explanatio');
      // 4. The explanation page shows the checklist-derived indicator as stored.
      await operator.goto(`${app.url}${orgPath}`);
      const row = operator.getByRole('row').filter({ hasText: /^2\.1\s/ });
      await row.first().waitFor();
      await expect
        .poll(() => row.first().innerText(), { timeout: 30_000 })
        .toContain(score(comfort));
      expect(await row.first().innerText()).not.toContain(NO_CHECKLIST_NOTE);
      await operator.screenshot({ path: `${SHOTS}/results-explain.png`, fullPage: true });

      step('5. Report, counci');
      // 5. Report, council discussion; the council member approves the results.
      await moveTo(admin, campaignId, 'reporting', 'Подготовка отчёта');
      await moveTo(admin, campaignId, 'discussion', 'Обсуждение в общественном совете');
      const council = await as('council@demo.noko');
      await council.goto(`${app.url}/campaigns/${campaignId}/results`);
      const today = new Date().toISOString().slice(0, 10);
      await council.getByLabel('Номер решения (протокола) общественного совета').fill('9/1');
      await council.getByLabel('Дата решения').fill(today);
      await council.getByRole('button', { name: 'Утвердить результаты' }).click();
      await see(
        council,
        `Версия ${calculated.run.version} утверждена решением общественного совета`,
      );

      step('6. Publication');
      // 6. Publication; an anonymous visitor opens the public result card.
      await moveTo(admin, campaignId, 'published', 'Результаты опубликованы');
      const approved = await getJson<{ run: Run; organization: OrgResult }>(expert, orgPath);
      expect(approved.run).toMatchObject({ version: calculated.run.version, status: 'frozen' });
      const visitor = await browser.newContext();
      contexts.push(visitor);
      const card = await visitor.newPage();
      const res = await card.goto(`${app.url}/results/${campaignId}/org/${orgId}`);
      expect(res?.status()).toBe(200);
      const shownTotal = await card.locator('.facts .score').first().innerText();
      expect(shownTotal).toBe(score(approved.organization.total));
      await card.screenshot({ path: `${SHOTS}/results-public-card.png`, fullPage: true });

      step('7. A later recalc');
      // 7. A later recalculation (other settings) is a new version beside the frozen one.
      const csrf = await operator
        .goto(`${app.url}/campaigns/${campaignId}/results`)
        .then(() => operator.locator('input[name="_csrf"]').first().getAttribute('value'));
      const recalc = await operator.request.post(
        `${app.url}/api/v1/campaigns/${campaignId}/results/calculate`,
        { headers: { 'x-csrf-token': csrf! }, data: { rankBelowSample: true } },
      );
      expect(recalc.status()).toBe(200);
      const outcome = (await recalc.json()) as { stored: boolean; run: Run };
      expect(outcome).toMatchObject({
        stored: true,
        run: { version: calculated.run.version + 1, status: 'current' },
      });
      const { runs } = await getJson<{ runs: Run[] }>(
        operator,
        `/campaigns/${campaignId}/results/runs`,
      );
      expect(runs.slice(0, 2).map((r) => [r.version, r.status])).toEqual([
        [calculated.run.version + 1, 'current'],
        [calculated.run.version, 'frozen'],
      ]);
      await card.reload();
      expect(await card.locator('.facts .score').first().innerText()).toBe(
        score(approved.organization.total),
      );
    },
  );
});
