// The analytical report as blocks (blocks.ts): title page, method, sample, results, ratings,
// shortcomings and recommendations, and the per-organization annex. Laid out by render-docx.ts and
// render-pdf.ts.
import type { CampaignResults } from '../results/results.schema.ts';
import { finishBlocks, type ReportDocument } from './blocks.ts';
import { annexSection } from './content-annex.ts';
import { findingsSection } from './content-findings.ts';
import { methodSection, sampleSection, titlePage } from './content-front.ts';
import { ratingsSection, resultsSection } from './content-results.ts';
import { NBSP } from './format.ts';
import { buildModel } from './model.ts';

export interface ReportOptions {
  /** The moment printed on the title page (the caller's clock). */
  generatedAt: Date;
  /** Leave out the per-organization annex (e.g. a short version). */
  annex?: boolean;
}

export function analyticalReport(results: CampaignResults, options: ReportOptions): ReportDocument {
  const m = buildModel(results);
  const { campaign, run } = results;
  return {
    title: `Аналитический отчёт о результатах НОК УООД: ${campaign.regionName}, ${campaign.year}`,
    header: `НОК УООД ${campaign.year}${NBSP}г. · ${campaign.regionName} · версия результатов №${NBSP}${run.version}`,
    blocks: finishBlocks([
      ...titlePage(m, options.generatedAt),
      ...methodSection(m),
      ...sampleSection(m),
      ...resultsSection(m),
      ...ratingsSection(m),
      ...findingsSection(m),
      ...(options.annex === false ? [] : annexSection(m)),
    ]),
  };
}
