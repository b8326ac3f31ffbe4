// Downloads through the HTTP app: the API routes and the download page with its resource routes —
// status codes, Content-Type, Content-Disposition (RFC 5987 UTF-8 name with an ASCII fallback),
// and who may download what.
import { beforeAll, expect, it } from 'vitest';
import {
  createTestApp,
  loadTestBuild,
  loginAs,
  type TestApp,
  type TestSession,
} from '../../../test/app.ts';
import { describeBackends } from '../../../test/db.ts';
import {
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  WORKED_SURVEY,
  type ResultsCampaign,
} from '../results/results.test-support.ts';

describeBackends('report downloads over HTTP', ({ db }) => {
  let app: TestApp;
  let c: ResultsCampaign;
  let operator: TestSession;
  let hasPages = false;

  beforeAll(async () => {
    const build = await loadTestBuild();
    hasPages = build !== undefined;
    app = createTestApp(db(), {
      now: new Date('2026-10-05T09:00:00Z'),
      ...(build ? { build } : {}),
    });
    c = await createResultsCampaign(db(), {
      status: 'calculating',
      orgs: [{}, { kind: 'preschool' }],
    });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[0]!.id, WORKED_SURVEY);
    await app.services.results.calculate(caller('operator'), c.campaignId);
    operator = await loginAs(app, db(), 'operator');
  });

  const get = (path: string, who?: TestSession) =>
    app.request(path, who ? { headers: { cookie: who.cookie } } : {});

  it('answers each format as an attachment with a UTF-8 file name', async () => {
    const expected: Record<string, string> = {
      csv: 'text/csv; charset=utf-8',
      json: 'application/json; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'busgov-csv': 'text/csv; charset=utf-8',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await get(`/api/v1/campaigns/${c.campaignId}/reports/${format}`, operator);
      expect(res.status, format).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      const disposition = res.headers.get('content-disposition')!;
      expect(disposition).toMatch(
        /^attachment; filename="nok-2026-[a-z-]+-v1\.[a-z]+"; filename\*=UTF-8''%D0%9D/,
      );
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toMatch(
        /^НОК-2026-.+-в1\.[a-z]+$/,
      );
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const docx = new Uint8Array(
      await (await get(`/api/v1/campaigns/${c.campaignId}/reports/docx`, operator)).arrayBuffer(),
    );
    expect([...docx.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('answers the card of an organization as PDF', async () => {
    const res = await get(
      `/api/v1/campaigns/${c.campaignId}/reports/cards/${c.orgs[0]!.id}`,
      operator,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('refuses anonymous visitors (403), unknown formats and unapproved results for readers', async () => {
    expect((await get(`/api/v1/campaigns/${c.campaignId}/reports/csv`)).status).toBe(403);
    const bad = await get(`/api/v1/campaigns/${c.campaignId}/reports/odt`, operator);
    expect(bad.status).toBe(400);
    // Readers without the right to calculate see approved runs only; none is approved yet.
    const expert = await loginAs(app, db(), 'expert');
    const res = await get(`/api/v1/campaigns/${c.campaignId}/reports/csv`, expert);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain(
      'не утверждены',
    );
  });

  it('lists the formats and the cards on the download page, and downloads from it', async () => {
    if (!hasPages) return;
    const page = await get(`/campaigns/${c.campaignId}/reports`, operator);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Отчёты и выгрузки');
    expect(html).toContain(`href="/campaigns/${c.campaignId}/reports/docx?version=1"`);
    expect(html).toContain(
      `href="/campaigns/${c.campaignId}/reports/card/${c.orgs[0]!.id}?version=1"`,
    );
    const file = await get(`/campaigns/${c.campaignId}/reports/xlsx?version=1`, operator);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const card = await get(`/campaigns/${c.campaignId}/reports/card/${c.orgs[0]!.id}`, operator);
    expect(card.headers.get('content-type')).toBe('application/pdf');
    const nothing = await get(`/campaigns/${c.campaignId}/reports/odt`, operator);
    expect(nothing.status).toBe(404);
    const anonymous = await get(`/campaigns/${c.campaignId}/reports`);
    expect(anonymous.status).toBe(302);
  });
});
