// Documents and exports of campaign results (issue 6 items 6–7): the analytical report (DOCX, PDF),
// the XLSX workbook, open data (CSV, JSON), the bus.gov.ru table and the one-page result card of an
// organization. The results come from the results service, which decides which run and which
// organizations the caller may see (approved runs for most roles, own organization for staff).
import { authorize } from '../../domain/permissions/index.ts';
import { parse } from '../campaigns/campaigns.shared.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { createResultsService } from '../results/results.service.ts';
import type { AggregateResult, CampaignResults } from '../results/results.schema.ts';
import { busGovCsv, busGovXlsx } from './busgov.ts';
import { renderCard } from './card-pdf.ts';
import { fileNames } from './file-names.ts';
import { openDataCsv, openDataJson } from './open-data.ts';
import { analyticalReport } from './report-content.ts';
import { renderDocx } from './render-docx.ts';
import { renderReportPdf } from './render-pdf.ts';
import {
  BuildCardInput,
  BuildReportInput,
  FORMAT_INFO,
  type ReportFile,
  type ReportFormat,
} from './reports.schema.ts';
import { buildWorkbook } from './xlsx.ts';

/** What the reports need from the results service (tests may pass their own). */
export interface ResultsReader {
  getCampaignResults(
    caller: Caller,
    input: { campaignId: number; version?: number },
  ): Promise<CampaignResults>;
  getOrganizationResult(
    caller: Caller,
    input: { campaignId: number; organizationId: number; version?: number },
  ): Promise<
    Omit<CampaignResults, 'organizations' | 'aggregates'> & {
      organization: CampaignResults['organizations'][number];
    }
  >;
  getAggregates(
    caller: Caller,
    input: { campaignId: number; version?: number },
  ): Promise<AggregateResult[]>;
}

export interface ReportsServiceOptions {
  results?: ResultsReader;
  /** Progress of long builds (the CLI prints it on stderr). */
  onProgress?: (message: string) => void;
}

/** Builds the bytes of one format from results already read. */
export async function renderFormat(
  results: CampaignResults,
  format: ReportFormat,
  generatedAt: Date,
  progress: (message: string) => void = () => {},
): Promise<Buffer> {
  switch (format) {
    case 'docx':
    case 'pdf': {
      progress(`составление отчёта: ${results.organizations.length} организаций`);
      const doc = analyticalReport(results, { generatedAt });
      progress(format === 'docx' ? 'вёрстка DOCX' : 'вёрстка PDF');
      return format === 'docx' ? renderDocx(doc) : renderReportPdf(doc);
    }
    case 'xlsx':
      return buildWorkbook(results, generatedAt);
    case 'csv':
      return openDataCsv(results);
    case 'json':
      return openDataJson(results);
    case 'busgov-xlsx':
      return busGovXlsx(results);
    case 'busgov-csv':
      return busGovCsv(results);
  }
}

export function createReportsService(deps: ServiceDeps, options: ReportsServiceOptions = {}) {
  const results = options.results ?? createResultsService(deps);
  return {
    /** One campaign document or export, as a download. */
    async buildReport(caller: Caller, raw: unknown): Promise<ReportFile> {
      authorize(caller, 'results.view');
      const input = parse(BuildReportInput, raw);
      const progress = options.onProgress ?? (() => {});
      progress('чтение результатов');
      const data = await results.getCampaignResults(caller, {
        campaignId: input.campaignId,
        ...(input.version !== undefined ? { version: input.version } : {}),
      });
      const body = await renderFormat(data, input.format, deps.now(), progress);
      const info = FORMAT_INFO[input.format];
      return { ...fileNames(data, input.format), contentType: info.contentType, body };
    },

    /** The one-page result card of an organization (PDF). */
    async buildCard(caller: Caller, raw: unknown): Promise<ReportFile> {
      authorize(caller, 'results.view');
      const input = parse(BuildCardInput, raw);
      const version = input.version !== undefined ? { version: input.version } : {};
      const one = await results.getOrganizationResult(caller, {
        campaignId: input.campaignId,
        organizationId: input.organizationId,
        ...version,
      });
      const aggregates = await results.getAggregates(caller, {
        campaignId: input.campaignId,
        version: one.run.version,
      });
      const data: CampaignResults = { ...one, organizations: [one.organization], aggregates };
      const body = await renderCard(data, one.organization, {
        publicUrl: deps.config.publicUrl,
        generatedAt: deps.now(),
      });
      return { ...fileNames(data, 'card', one.organization), contentType: 'application/pdf', body };
    },
  };
}

export type ReportsService = ReturnType<typeof createReportsService>;
