// Pages of one site during one crawl: fetched once (cached by URL), parsed into page models, and
// cut short when the site stops answering (a circuit breaker after consecutive failures) or the
// crawl runs past its deadline, so a hostile or dead site can never hang a job.
import { buildPageModel } from '../../domain/site-requirements/index.ts';
import type { PageModel } from '../../domain/site-requirements/index.ts';
import type { Fetcher, FetchFailure } from './fetcher.ts';

export type PageFetch =
  | { ok: true; url: string; status: number; model: PageModel | null; redirected: boolean }
  | { ok: false; url: string; failure: FetchFailure | 'deadline' | 'host_down'; reason: string };

export interface PageSourceOptions {
  deadline: number;
  /** Consecutive network failures after which the host is considered down for this crawl. */
  maxConsecutiveFailures: number;
  now: () => number;
  /** Cancels the crawl: no page is fetched after it fires (the job was stopped or timed out). */
  signal?: AbortSignal;
}

function isHtml(contentType: string | null, body: string): boolean {
  if (contentType) return /html|xml/i.test(contentType);
  return /<html|<body|<div|<!doctype/i.test(body.slice(0, 2048));
}

export function createPageSource(fetcher: Fetcher, options: PageSourceOptions) {
  const cache = new Map<string, Promise<PageFetch>>();
  let consecutiveFailures = 0;
  let fetched = 0;

  async function load(url: string): Promise<PageFetch> {
    if (options.signal?.aborted) {
      return { ok: false, url, failure: 'deadline', reason: 'проверка остановлена' };
    }
    if (options.now() > options.deadline) {
      return { ok: false, url, failure: 'deadline', reason: 'превышено время проверки сайта' };
    }
    if (consecutiveFailures >= options.maxConsecutiveFailures) {
      return { ok: false, url, failure: 'host_down', reason: 'сайт перестал отвечать' };
    }
    const r = await fetcher.fetchPage(url);
    fetched++;
    if (!r.ok) {
      if (r.failure === 'timeout' || r.failure === 'network' || r.failure === 'dns')
        consecutiveFailures++;
      return { ok: false, url: r.url, failure: r.failure, reason: r.reason };
    }
    consecutiveFailures = 0;
    const model = r.status === 200 && isHtml(r.contentType, r.body) ? buildPageModel(r.body) : null;
    return { ok: true, url: r.url, status: r.status, model, redirected: r.redirects.length > 0 };
  }

  function get(url: string): Promise<PageFetch> {
    let p = cache.get(url);
    if (!p) {
      p = load(url);
      cache.set(url, p);
    }
    return p;
  }

  return {
    get,
    get pagesFetched() {
      return fetched;
    },
    /** The circuit breaker is open: the site stopped answering during this crawl. */
    get hostDown() {
      return consecutiveFailures >= options.maxConsecutiveFailures;
    },
  };
}

export type PageSource = ReturnType<typeof createPageSource>;
