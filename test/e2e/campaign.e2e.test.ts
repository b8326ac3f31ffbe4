// Issue 3 journey: the regional administrator creates next year's campaign, has the system propose
// the list, adjusts it (excludes one organization with a reason, adds one assessed last year), the
// council member approves the list with the decision and its protocol, and the audit log shows it.
import type { Browser, Page } from 'playwright-core';
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

interface ListRow {
  organizationId: number;
  status: 'proposed' | 'included' | 'excluded';
  mandatory: boolean;
  inn: string;
  shortName: string;
  frequency: string;
}

async function listRows(page: Page, campaignId: number): Promise<ListRow[]> {
  const res = await page.request.get(`${app.url}/api/v1/campaigns/${campaignId}/organizations`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { rows: ListRow[] }).rows;
}

// A tiny valid PDF: the protocol check looks at the file's content, not its name.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.skipIf(!hasChromium)('campaign list: propose, adjust, approve', () => {
  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    expect(await app?.stop()).toBe(0);
  });

  it('goes from a new campaign to a council-approved list, recorded in the audit log', async () => {
    const year = new Date().getFullYear() + 1;
    const admin = await browser.newContext();
    const page = await admin.newPage();
    await login(page, app.url, 'admin@demo.noko', demoPassword(app));

    // 1. Create.
    await page.goto(`${app.url}/campaigns/new`);
    await page.getByLabel('Название').fill(`НОК УООД ${year}`);
    await page.getByLabel('Год оценки').fill(String(year));
    await page.getByRole('button', { name: 'Создать кампанию' }).click();
    await page.waitForURL(/\/campaigns\/\d+$/);
    const campaignId = Number(new URL(page.url()).pathname.split('/').pop());
    await see(page, 'Формирование перечня');

    // 2. Propose.
    await page.goto(`${app.url}/campaigns/${campaignId}/list`);
    await page.getByRole('button', { name: 'Сформировать предложение' }).click();
    await page.getByRole('button', { name: 'Исключить' }).first().waitFor();
    const proposed = await listRows(page, campaignId);
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((r) => r.status === 'proposed')).toBe(true);
    // Nobody assessed this year (the demo's current campaign) is proposed for next year by default.
    const mandatory = proposed.find((r) => r.mandatory);
    expect(mandatory).toBeDefined();

    // 3a. Exclude a mandatory organization: a reason is required.
    await page.getByLabel(`Причина исключения: ${mandatory!.shortName}`).fill('Реорганизация');
    await page
      .getByRole('row', { name: new RegExp(mandatory!.inn) })
      .getByRole('button', { name: 'Исключить' })
      .click();
    await see(page, 'Обязательная, исключена');

    // 3b. Add an organization assessed in the current year's campaign (allowed, not proposed).
    const listRes = await page.request.get(`${app.url}/api/v1/campaigns`);
    const { campaigns } = (await listRes.json()) as {
      campaigns: Array<{ id: number; status: string }>;
    };
    const collecting = campaigns.find((c) => c.status === 'collecting');
    expect(collecting).toBeDefined();
    const candidates = await listRows(page, collecting!.id);
    const listed = new Set(proposed.map((r) => r.organizationId));
    const extra = candidates.find((r) => r.status === 'included' && !listed.has(r.organizationId));
    expect(extra).toBeDefined();
    await page.getByLabel('ИНН или код').fill(extra!.inn);
    await page.getByLabel('Комментарий').fill('По обращению учредителя');
    await page.getByRole('button', { name: 'Добавить', exact: true }).click();
    await page.getByRole('row', { name: new RegExp(extra!.inn) }).waitFor();

    const adjusted = await listRows(page, campaignId);
    expect(adjusted.find((r) => r.organizationId === mandatory!.organizationId)?.status).toBe(
      'excluded',
    );
    expect(adjusted.find((r) => r.organizationId === extra!.organizationId)?.status).toBe(
      'proposed',
    );
    expect(adjusted).toHaveLength(proposed.length + 1);
    await page.screenshot({ path: `${SHOTS}/campaign-list.png`, fullPage: true });
    await admin.close();

    // 4. The council member approves the list with the decision and the protocol file.
    const council = await browser.newContext();
    const cp = await council.newPage();
    await login(cp, app.url, 'council@demo.noko', demoPassword(app));
    await cp.goto(`${app.url}/campaigns/${campaignId}/approve`);
    await cp.getByLabel('Номер решения (протокола) общественного совета').fill('12/3');
    const today = await cp.getByLabel('Дата решения').getAttribute('max');
    await cp.getByLabel('Дата решения').fill(today!);
    await cp.setInputFiles('#protocol-file', {
      name: 'protocol.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await cp.getByRole('button', { name: 'Утвердить перечень' }).click();
    await cp.waitForURL(new RegExp(`/campaigns/${campaignId}$`));
    await see(cp, 'Перечень утверждён');
    const approved = await listRows(cp, campaignId);
    expect(approved.filter((r) => r.status === 'included')).toHaveLength(proposed.length);
    expect(approved.filter((r) => r.status === 'excluded')).toHaveLength(1);
    const protocol = await cp.request.get(`${app.url}/api/v1/campaigns/${campaignId}/protocol`);
    expect(Buffer.from(await protocol.body()).equals(PDF)).toBe(true);
    await council.close();

    // 5. The audit log shows every step with who did it.
    const again = await browser.newContext();
    const ap = await again.newPage();
    await login(ap, app.url, 'admin@demo.noko', demoPassword(app));
    const expected: Array<[string, string]> = [
      ['campaign.create', 'создание кампании'],
      ['campaign.propose', 'предложение перечня организаций'],
      ['campaign.excludeOrganization', 'исключение организации из перечня'],
      ['campaign.addOrganization', 'добавление организации в перечень'],
      ['campaign.approveList', 'утверждение перечня советом'],
    ];
    for (const [action, words] of expected) {
      await ap.goto(`${app.url}/admin/audit?action=${encodeURIComponent(action)}`);
      await ap.getByRole('row').filter({ hasText: words }).first().waitFor({ timeout: 5000 });
    }
    await ap.screenshot({ path: `${SHOTS}/audit-approve.png`, fullPage: true });
    await again.close();
  });
});
