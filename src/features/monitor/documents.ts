// Linked documents of a crawl: a few PDFs per site (the `*DocLink` items, most important first)
// are downloaded within their own size limit and checked for a text layer (Order 1493
// pp.22–26), a broken link and an embedded signature (PP 1802 p.18, a hint only). Item statuses
// never change; a scan or a dead link becomes a note on the item and a site check.
import type { DocumentCheck, SectionResult } from '../../domain/site-requirements/index.ts';
import type { Fetcher } from './fetcher.ts';
import { pdfTextLayer } from './pdf-text.ts';

export interface DocumentLimits {
  /** PDFs read per site (0 turns the check off). */
  maxPdfs: number;
  maxPdfBytes: number;
}

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxPdfs: 3,
  maxPdfBytes: 10 * 1024 * 1024,
};

// The documents a reader needs most come first: the charter, the licence, the rules, the reports.
const PRIORITY = [
  'ustavDocLink',
  'licenseDocLink',
  'reportEduDocLink',
  'finPlanDocLink',
  'priemDocLink',
  'modeDocLink',
  'accreditationDocLink',
  'divisionClauseDocLink',
];

function rank(itemprop: string): number {
  const i = PRIORITY.indexOf(itemprop);
  return i === -1 ? PRIORITY.length : i;
}

interface Candidate {
  url: string;
  items: string[];
  rank: number;
}

/** PDF-looking links of found `*DocLink` items (a `.pdf` name or no extension at all). */
export function documentCandidates(sections: readonly SectionResult[]): Candidate[] {
  const byUrl = new Map<string, Candidate>();
  for (const s of sections) {
    if (s.status !== 'found' || !s.url) continue;
    for (const i of s.items) {
      if (i.status !== 'found' || !i.value || !/DocLink$/.test(i.itemprop ?? '')) continue;
      let u: URL;
      try {
        u = new URL(i.value, s.url);
      } catch {
        continue;
      }
      if (u.hash) u.hash = '';
      const last = u.pathname.split('/').pop() ?? '';
      if (
        (u.protocol !== 'http:' && u.protocol !== 'https:') ||
        (/\.\w{1,5}$/.test(last) && !/\.pdf$/i.test(last))
      )
        continue;
      const c = byUrl.get(u.href) ?? { url: u.href, items: [], rank: Infinity };
      c.items.push(i.key);
      c.rank = Math.min(c.rank, rank(i.itemprop ?? ''));
      byUrl.set(u.href, c);
    }
  }
  return [...byUrl.values()].sort((a, b) => a.rank - b.rank);
}

async function checkOne(
  fetcher: Fetcher,
  c: Candidate,
  limits: DocumentLimits,
): Promise<DocumentCheck> {
  const base = { url: c.url, items: c.items, httpStatus: null, pages: null, signed: false };
  const r = await fetcher.fetchFile(c.url, {
    maxBytes: limits.maxPdfBytes,
    accept: 'application/pdf,*/*;q=0.5',
  });
  if (!r.ok) {
    const status = r.failure === 'too_large' ? 'too_large' : 'unavailable';
    return { ...base, status, reason: r.reason };
  }
  const withStatus = { ...base, httpStatus: r.status };
  if (r.status >= 400) return { ...withStatus, status: 'unavailable', reason: `HTTP ${r.status}` };
  const inspection = await pdfTextLayer(r.data);
  if (!inspection.pdf) {
    const html = /html/i.test(r.contentType ?? '');
    return html && /\.pdf$/i.test(new URL(c.url).pathname)
      ? { ...withStatus, status: 'unavailable', reason: 'вместо файла открывается веб-страница' }
      : { ...withStatus, status: 'not_pdf', reason: r.contentType ?? 'неизвестный формат' };
  }
  const out: DocumentCheck = {
    ...withStatus,
    pages: inspection.pages,
    signed: inspection.signed,
    status: inspection.textLayer === null ? 'unknown' : inspection.textLayer ? 'text' : 'scan',
  };
  if (inspection.textLayer === null && inspection.undecided) out.reason = inspection.undecided;
  return out;
}

/** Reads up to `maxPdfs` documents (at once: the fetcher's per-host limit keeps it polite). */
export async function checkDocuments(
  fetcher: Fetcher,
  sections: readonly SectionResult[],
  limits: DocumentLimits,
  canContinue: () => boolean,
): Promise<DocumentCheck[]> {
  if (limits.maxPdfs <= 0 || typeof fetcher.fetchFile !== 'function' || !canContinue()) return [];
  const chosen = documentCandidates(sections).slice(0, limits.maxPdfs);
  return Promise.all(chosen.map((c) => checkOne(fetcher, c, limits)));
}

const NOTE: Partial<Record<DocumentCheck['status'], (d: DocumentCheck) => string>> = {
  scan: () => 'документ без текстового слоя (скан)',
  unavailable: (d) => `документ по ссылке не открывается (${d.reason ?? 'ошибка'})`,
};

/** Notes on the items whose documents are scans or do not open. */
export function annotateItems(
  sections: SectionResult[],
  documents: readonly DocumentCheck[],
): void {
  const notes = new Map<string, string>();
  for (const d of documents) {
    const note = NOTE[d.status]?.(d);
    if (note) for (const key of d.items) notes.set(key, note);
  }
  if (notes.size === 0) return;
  for (const s of sections) {
    for (const i of s.items) {
      const note = notes.get(i.key);
      if (note) i.note = i.note ? `${i.note}; ${note}` : note;
    }
  }
}
