// The analytical report as DOCX, read back from word/document.xml: real figures of the fixture
// (the worked example's 84,44 in its annex, equal ranks for a tie), Russian typography, the
// methodology variant, page numbers, charts as SVG with a PNG fallback, one annex page per
// organization.
import { beforeAll, describe, expect, it } from 'vitest';
import { NBSP } from './format.ts';
import { analyticalReport } from './report-content.ts';
import { renderDocx } from './render-docx.ts';
import { reportsFixture } from './reports.fixture.ts';
import { docxParagraphs, docxParts, docxXml, FIXTURE_IDS, org } from './reports.test-support.ts';

const results = reportsFixture();
let bytes: Buffer;
let paragraphs: string[];

beforeAll(async () => {
  bytes = await renderDocx(
    analyticalReport(results, { generatedAt: new Date('2026-11-20T09:00:00Z') }),
  );
  paragraphs = docxParagraphs(bytes);
}, 60_000);

/** Paragraphs from the annex heading of an organization up to the next annex heading. */
function annexOf(shortName: string): string[] {
  const start = paragraphs.findIndex((p) => /^П\.\d+\. /.test(p) && p.includes(shortName));
  const end = paragraphs.findIndex((p, i) => i > start && /^П\.\d+\. /.test(p));
  return paragraphs.slice(start, end < 0 ? undefined : end);
}

describe('analytical report (DOCX)', () => {
  it('is a Word document with the sections of the report', () => {
    const parts = docxParts(bytes);
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
    for (const title of [
      'Аналитический отчёт',
      '1. Методика оценки',
      '2. Выборка',
      '3. Результаты по критериям и показателям',
      '4. Рейтинги организаций',
      '5. Недостатки и рекомендации',
      'Приложение. Результаты организаций',
    ]) {
      expect(paragraphs).toContain(title);
    }
  });

  it("prints the worked example's total 84,44 and its indicators in its annex page", () => {
    const worked = org(results, FIXTURE_IDS.workedExample);
    const annex = annexOf(`СОШ №${NBSP}4»`);
    expect(annex[0]).toBe(`П.${annex[0]!.match(/П\.(\d+)/)![1]}. МБОУ «СОШ №${NBSP}4»`);
    const text = annex.join('\n');
    expect(text).toContain(`84,44${NBSP}— «отлично»`);
    expect(text).toContain('200 из требуемых 192');
    for (const v of ['85,00', '90,00', '92,00', '89,30', '58,50', '95,80', '92,60'])
      expect(text).toContain(v);
    expect(worked.total).toBe(84.44);
  });

  it('gives tied organizations the same rank, marked with an asterisk', () => {
    const a = org(results, FIXTURE_IDS.tieA);
    const b = org(results, FIXTURE_IDS.tieB);
    expect(a.total).toBe(b.total);
    expect(a.ranks.kind).toBe(b.ranks.kind);
    const xml = docxXml(bytes);
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    const rankCell = (name: string) =>
      rows.find((r) => r.includes(name) && r.includes(`>${a.ranks.kind}*<`));
    expect(rankCell(a.shortName.replace('№ ', `№${NBSP}`))).toBeDefined();
    expect(rankCell(b.shortName.replace('№ ', `№${NBSP}`))).toBeDefined();
  });

  it('uses decimal commas, non-breaking spaces after № and «ёлочки»', () => {
    const xml = docxXml(bytes);
    expect(xml.match(/>\d+\.\d\d</g)).toBeNull();
    expect(xml).toMatch(/>\d+,\d\d</);
    expect(xml).toContain(`№${NBSP}4`);
    expect(xml.match(/№ \S{0,6}/g)).toBeNull();
    expect(paragraphs.filter((p) => p.includes('"'))).toEqual([]);
    expect(xml).toContain('«отлично»');
  });

  it('names the methodology variant and the legal basis', () => {
    const text = paragraphs.join('\n');
    expect(text).toContain('95.2 Федерального закона от 29.12.2012 №');
    expect(text).toContain('344н');
    expect(text).toContain(`№${NBSP}114`);
    expect(text).toMatch(
      /Знаменатели показателей 1\.3 и 4\.3: ответившие «Да» на фильтрующий вопрос/,
    );
    expect(text).toContain(`Версия результатов №${NBSP}2`);
  });

  it('lists the organizations below the sample and without data apart from the ratings', () => {
    const below = org(results, FIXTURE_IDS.belowSample);
    const insufficient = org(results, FIXTURE_IDS.insufficient);
    const text = paragraphs.join('\n');
    expect(text).toContain('2.1. Организации, не набравшие требуемую выборку');
    expect(text).toContain(
      `ниже требуемой выборки (${below.respondents} из ${below.requiredSample})`,
    );
    expect(text).toContain(
      `${insufficient.shortName.replace('№ ', `№${NBSP}`)}${NBSP}— недостаточно данных`,
    );
  });

  it('has one annex page per organization and page numbers in the footer', () => {
    const annexHeadings = paragraphs.filter((p) => /^П\.\d+\. /.test(p));
    expect(annexHeadings).toHaveLength(results.organizations.length);
    const xml = docxXml(bytes);
    expect(xml.match(/<w:pageBreakBefore\/>/g)!.length).toBeGreaterThanOrEqual(
      results.organizations.length,
    );
    const footers = Object.entries(docxParts(bytes)).filter(([n]) => n.startsWith('word/footer'));
    const footerXml = footers.map(([, d]) => Buffer.from(d).toString('utf8')).join('');
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('NUMPAGES');
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('embeds the charts as SVG with a PNG fallback', () => {
    const parts = docxParts(bytes);
    const svgs = Object.keys(parts).filter((n) => n.endsWith('.svg'));
    const pngs = Object.keys(parts).filter((n) => n.endsWith('.png'));
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    expect(pngs.length).toBe(svgs.length);
    const png = parts[pngs[0]!]!;
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(docxXml(bytes)).toContain('asvg:svgBlip');
    expect(Buffer.from(parts[svgs[0]!]!).toString('utf8')).not.toContain(':hover');
  });
});
