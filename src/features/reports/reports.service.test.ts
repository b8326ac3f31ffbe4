// The reports service over the real calculation on a database: the worked example calculated from
// survey rows, checklist and site facts, frozen by the council, then exported — the figures the
// documents print are the stored results; permissions and input errors.
import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeBackends } from '../../../test/db.ts';
import { campaigns } from '../../db/schema/index.ts';
import { fixedInputs } from '../results/inputs.ts';
import { createResultsService } from '../results/results.service.ts';
import {
  WORKED_CHECKLIST,
  WORKED_SITE,
  WORKED_SURVEY,
  caller,
  createResultsCampaign,
  insertSurveyCounts,
  resultsDeps,
  type ResultsCampaign,
} from '../results/results.test-support.ts';
import { NBSP } from './format.ts';
import { createReportsService } from './reports.service.ts';
import { docxParagraphs, pdfPages } from './reports.test-support.ts';

const operator = caller('operator');
const council = caller('council', { label: 'Председатель совета' });

describeBackends('reports over stored results', ({ db }) => {
  const clock = { now: new Date('2026-10-05T09:00:00Z') };
  let c: ResultsCampaign;
  const services = () => {
    const org = c.orgs[0]!.id;
    const results = createResultsService(resultsDeps(db(), clock), {
      inputs: fixedInputs(new Map([[org, WORKED_CHECKLIST]]), new Map([[org, WORKED_SITE]])),
    });
    return { results, reports: createReportsService(resultsDeps(db(), clock), { results }) };
  };

  beforeAll(async () => {
    c = await createResultsCampaign(db(), {
      status: 'calculating',
      orgs: [{ contingent: 480 }, { kind: 'preschool', municipality: 1 }, {}],
    });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[0]!.id, WORKED_SURVEY, { flagged: 2 });
    await insertSurveyCounts(db(), c.campaignId, c.orgs[1]!.id, {
      ...WORKED_SURVEY,
      respondents: 150,
      q14: 140,
    });
    await services().results.calculate(operator, c.campaignId);
    await db()
      .update(campaigns)
      .set({ status: 'discussion' })
      .where(eq(campaigns.id, c.campaignId));
    await services().results.freeze(council, c.campaignId, {
      decisionNumber: '4',
      decisionDate: '2026-10-02',
    });
  });

  it('exports open data with the stored total 84.44 of the worked example', async () => {
    const f = await services().reports.buildReport(operator, {
      campaignId: c.campaignId,
      format: 'csv',
    });
    expect(f.contentType).toBe('text/csv; charset=utf-8');
    expect(f.asciiFilename).toBe('nok-2026-open-data-v1.csv');
    const lines = f.body.toString('utf8').trim().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0]!.split(',');
    const row = lines.find((l) => l.includes(c.orgs[0]!.inn!))!.split(',');
    expect(row[header.indexOf('total')]).toBe('84.44');
    expect(row[header.indexOf('run_status')]).toBe('frozen');
  });

  it('builds the analytical report with the council decision and the annex figures', async () => {
    const f = await services().reports.buildReport(council, {
      campaignId: String(c.campaignId),
      format: 'docx',
    });
    const paragraphs = docxParagraphs(f.body);
    const text = paragraphs.join('\n');
    expect(text).toContain(`Решение общественного совета №${NBSP}4 от 02.10.2026`);
    expect(text).toContain(`84,44${NBSP}— «отлично»`);
    expect(paragraphs.filter((p) => /^П\.\d+\. /.test(p))).toHaveLength(3);
  });

  it('builds the one-page card of an organization', async () => {
    const f = await services().reports.buildCard(operator, {
      campaignId: c.campaignId,
      organizationId: c.orgs[0]!.id,
    });
    expect(f.contentType).toBe('application/pdf');
    const pages = await pdfPages(f.body);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('84,44');
    expect(pages[0]).toContain(`/results/${c.campaignId}/org/${c.orgs[0]!.id}`);
  });

  it('shows organization staff only their own organization', async () => {
    const staff = caller('organization', { organizationId: c.orgs[1]!.id });
    const f = await services().reports.buildReport(staff, {
      campaignId: c.campaignId,
      format: 'json',
    });
    const rows = JSON.parse(f.body.toString('utf8')) as { organization_id: number }[];
    expect(rows.map((r) => r.organization_id)).toEqual([c.orgs[1]!.id]);
    await expect(
      services().reports.buildCard(staff, {
        campaignId: c.campaignId,
        organizationId: c.orgs[0]!.id,
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses the public, bad formats and unknown campaigns', async () => {
    const svc = services().reports;
    await expect(
      svc.buildReport(caller('public'), { campaignId: c.campaignId, format: 'csv' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(
      svc.buildReport(operator, { campaignId: c.campaignId, format: 'odt' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(
      svc.buildReport(operator, { campaignId: 999999, format: 'csv' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
