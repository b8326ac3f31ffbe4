// Evidence of a check: the pages the crawler read, captured by wrapping its fetcher (the crawler
// itself is unchanged). Each page text is compressed with brotli as soon as it arrives, so a crawl
// holds compressed bytes only; sha-256 of the text lets the store keep identical pages once.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { SnapshotEncoding } from '../../db/schema/index.ts';
import type { Fetcher } from './fetcher.ts';
import { Semaphore } from './limiter.ts';

const brotli = promisify(zlib.brotliCompress);
const unbrotli = promisify(zlib.brotliDecompress);
const gunzip = promisify(zlib.gunzip);

export interface CapturedPage {
  url: string;
  httpStatus: number;
  contentType: string | null;
  sha256: string;
  encoding: SnapshotEncoding;
  size: number;
  data: Uint8Array;
}

export interface CaptureLimits {
  /** Pages kept per check (the section and its addRef pages are a few dozen at most). */
  maxPages: number;
  /** Larger pages are read by the crawler but not kept. */
  maxPageBytes: number;
}

export const DEFAULT_CAPTURE: CaptureLimits = { maxPages: 80, maxPageBytes: 8 * 1024 * 1024 };

// Compressions at once per thread. Each one in flight holds a UTF-8 copy of its page and a brotli
// encoder (native memory, on the libuv pool): with 32 checks crawling at once, hundreds of pages
// could be compressing together (bench/monitor.bench.ts --app). Two keep the pool busy.
const compressing = new Semaphore(2);

export async function compressText(
  text: string,
): Promise<{ sha256: string; size: number; data: Uint8Array }> {
  await compressing.acquire();
  try {
    return await compressNow(text);
  } finally {
    compressing.release();
  }
}

async function compressNow(
  text: string,
): Promise<{ sha256: string; size: number; data: Uint8Array }> {
  const bytes = Buffer.from(text, 'utf8');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Quality 6: most of the ratio of 11 at a fraction of the time on multi-megabyte pages. The
  // window fits the page (brotli's default 4 MiB window costs ~20 MB of native memory per
  // compression in flight, for pages that are mostly ~50 KB).
  const lgwin = Math.min(22, Math.max(16, Math.ceil(Math.log2(bytes.length + 1))));
  const data = await brotli(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
      [zlib.constants.BROTLI_PARAM_LGWIN]: lgwin,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  return { sha256, size: bytes.length, data: new Uint8Array(data) };
}

export async function decompressText(
  encoding: SnapshotEncoding,
  data: Uint8Array,
): Promise<string> {
  const buf = encoding === 'br' ? await unbrotli(data) : await gunzip(data);
  return buf.toString('utf8');
}

/**
 * A fetcher that passes every request to `inner` and keeps the answered pages (status 200 with a
 * text body), at most one per final URL. `pages()` waits for the compression still in flight.
 */
export function recordingFetcher(inner: Fetcher, limits: CaptureLimits = DEFAULT_CAPTURE) {
  const pending: Promise<CapturedPage | null>[] = [];
  const seen = new Set<string>();
  const fetcher: Fetcher = {
    ...inner,
    fetchPage: async (url: string) => {
      const r = await inner.fetchPage(url);
      if (
        r.ok &&
        r.status === 200 &&
        r.body.length > 0 &&
        !seen.has(r.url) &&
        seen.size < limits.maxPages &&
        r.body.length <= limits.maxPageBytes
      ) {
        seen.add(r.url);
        const page = { url: r.url, httpStatus: r.status, contentType: r.contentType };
        pending.push(
          compressText(r.body).then(
            (c) => ({ ...page, ...c, encoding: 'br' as const }),
            () => null,
          ),
        );
      }
      return r;
    },
  };
  return {
    fetcher,
    async pages(): Promise<CapturedPage[]> {
      const all = await Promise.all(pending);
      return all.filter((p): p is CapturedPage => p !== null);
    },
  };
}
