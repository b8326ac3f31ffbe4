// The analytical report and the result card as PDF, read back with unpdf: figures of the fixture,
// running header and page numbers, the card on one page with its link to the public page.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from './card-pdf.ts';
import { analyticalReport } from './report-content.ts';
import { renderReportPdf } from './render-pdf.ts';
import { reportsFixture } from './reports.fixture.ts';
import { FIXTURE_IDS, org, pdfPages } from './reports.test-support.ts';

const results = reportsFixture();
const generatedAt = new Date('2026-11-20T09:00:00Z');
/** unpdf returns text with ordinary spaces in place of non-breaking ones in some fonts. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

describe('analytical report (PDF)', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = (await pdfPages(await renderReportPdf(analyticalReport(results, { generatedAt })))).map(
      plain,
    );
  }, 120_000);

  it('has the title page, the sections and one annex page per organization', () => {
    expect(pages[0]).toContain('Аналитический отчёт');
    expect(pages[0]).not.toContain('Страница');
    const all = pages.join('\n');
    for (const s of [
      '1. Методика оценки',
      '2. Выборка',
      '4. Рейтинги организаций',
      '5. Недостатки и рекомендации',
    ]) {
      expect(all).toContain(s);
    }
    const annex = pages.filter((p) => /П\.\d+\. /.test(p));
    expect(annex).toHaveLength(results.organizations.length);
  });

  it("shows the worked example's figures on its annex page", () => {
    const page = pages.find((p) => p.includes('СОШ № 4»') && /П\.\d+\./.test(p))!;
    expect(page).toContain('84,44');
    expect(page).toContain('«отлично»');
    expect(page).toContain('200 из требуемых 192');
  });

  it('numbers the pages and repeats the header', () => {
    const n = pages.length;
    expect(pages[1]).toContain(`Страница 2 из ${n}`);
    expect(pages[n - 1]).toContain(`Страница ${n} из ${n}`);
    expect(pages[1]).toContain('версия результатов № 2');
  });
});

describe('result card (PDF)', () => {
  it('fits one page with total, band, criteria against the means and the public link', async () => {
    const worked = org(results, FIXTURE_IDS.workedExample);
    const bytes = await renderCard(results, worked, {
      publicUrl: 'https://nok.example.ru/',
      generatedAt,
    });
    const pages = (await pdfPages(bytes)).map(plain);
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain('МБОУ «СОШ № 4»');
    expect(text).toContain('84,44');
    expect(text).toContain('«отлично»');
    expect(text).toContain('89,30');
    const region = results.aggregates.find((a) => a.level === 'region')!;
    expect(text).toContain(String(region.total).replace('.', ','));
    expect(text).toContain(
      `https://nok.example.ru/results/${results.campaign.id}/org/${worked.organizationId}`,
    );
    expect(text).toContain('Респонденты: 200 из требуемых 192');
  });

  it('says «недостаточно данных» for an organization without a total', async () => {
    const none = org(results, FIXTURE_IDS.insufficient);
    const pages = (
      await pdfPages(await renderCard(results, none, { publicUrl: 'http://x', generatedAt }))
    ).map(plain);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('недостаточно данных');
    expect(pages[0]).toContain('в рейтинг не включена');
  });
});
