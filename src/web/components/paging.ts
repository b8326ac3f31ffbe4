// Page numbers from the query string and links that keep the other filters. Pure: loaders use
// `readPage`, the <Pagination> component uses `pageHref`.

export const DEFAULT_PAGE_SIZE = 50;

export interface PageRequest {
  /** 1-based page number. */
  page: number;
  limit: number;
  offset: number;
}

/** `?page=3` → { page: 3, limit, offset }; junk or missing → page 1. */
export function readPage(
  search: URLSearchParams | string,
  pageSize = DEFAULT_PAGE_SIZE,
): PageRequest {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const raw = Number(params.get('page'));
  const page = Number.isSafeInteger(raw) && raw >= 1 && raw <= 100_000 ? raw : 1;
  return { page, limit: pageSize, offset: (page - 1) * pageSize };
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The current query with `page` replaced (page 1 drops the parameter). */
export function pageHref(search: URLSearchParams | string, page: number, pathname = ''): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete('page');
  else params.set('page', String(page));
  const q = params.toString();
  return q ? `${pathname}?${q}` : pathname || '?';
}

/** Non-empty query parameters as an object (for filter forms and service filters). */
export function queryObject(search: URLSearchParams | string): Record<string, string> {
  const params = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (v.trim() !== '' && k !== 'page') out[k] = v.trim();
  return out;
}
