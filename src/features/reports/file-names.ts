// Download names of the documents and the Content-Disposition that carries them: the Russian name in
// `filename*` (RFC 6266 with RFC 5987 UTF-8 encoding) and an ASCII `filename` for old clients.
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { FORMAT_INFO, type ReportFormat } from './reports.schema.ts';

const RU: Record<ReportFormat | 'card', [string, string]> = {
  docx: ['аналитический-отчёт', 'report'],
  pdf: ['аналитический-отчёт', 'report'],
  xlsx: ['результаты', 'results'],
  csv: ['открытые-данные', 'open-data'],
  json: ['открытые-данные', 'open-data'],
  'busgov-xlsx': ['для-bus.gov.ru', 'busgov'],
  'busgov-csv': ['для-bus.gov.ru', 'busgov'],
  card: ['карточка', 'card'],
};

/** Letters, digits, dots and dashes only: safe on every file system. */
export function safeName(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[«»"'„“№]/g, '')
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export function fileNames(
  results: CampaignResults,
  format: ReportFormat | 'card',
  org?: OrganizationResult,
): { filename: string; asciiFilename: string } {
  const { campaign, run } = results;
  const ext = format === 'card' ? 'pdf' : FORMAT_INFO[format].extension;
  const [ru, en] = RU[format];
  const who = org ? `-${org.inn}-${safeName(org.shortName)}` : `-${safeName(campaign.regionName)}`;
  return {
    filename: `НОК-${campaign.year}${who}-${ru}-в${run.version}.${ext}`,
    asciiFilename: `nok-${campaign.year}${org ? `-${org.inn}` : ''}-${en}-v${run.version}.${ext}`,
  };
}

/** RFC 5987 ext-value: UTF-8 percent-encoding of everything but attr-char. */
export function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(file: { filename: string; asciiFilename: string }): string {
  const ascii = file.asciiFilename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.filename)}`;
}

/** Headers of a download response. */
export function downloadHeaders(file: {
  filename: string;
  asciiFilename: string;
  contentType: string;
}): Record<string, string> {
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
}
