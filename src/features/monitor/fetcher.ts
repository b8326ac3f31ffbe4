// HTTP fetching for the site monitor: polite (per-host and global limits, an honest User-Agent),
// bounded (connect and total timeouts, a body size limit that also caps decompressed bytes,
// a redirect limit with loop detection) and safe (no private or loopback targets unless allowed,
// checked on the resolved address). Transient failures are retried with exponential backoff.
import http from 'node:http';
import https from 'node:https';
import dns from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { decodeHtml } from './charset.ts';
import { FetchError, REDIRECTS, requestOnce } from './fetcher-request.ts';
import type { FetchFailure, Raw, RequestContext } from './fetcher-request.ts';
import { HostLimiter, Semaphore } from './limiter.ts';
import { isLocalHostname, isPrivateAddress } from './net-guard.ts';

export interface FetcherOptions {
  userAgent: string;
  allowPrivate: boolean;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  retries: number;
  retryBaseMs: number;
  perHost: number;
  global: number;
  /**
   * Bodies above this size are read by at most `largeBodies` requests at once (the others wait,
   * paused, with their clock stopped), so a crawl of many sites never holds many 20 MiB buffers.
   */
  largeBodyBytes: number;
  largeBodies: number;
  /** Name resolution override (tests map fixture host names to 127.0.0.1). */
  resolve?: (hostname: string) => Promise<string>;
}

export const DEFAULT_FETCHER_OPTIONS: Omit<FetcherOptions, 'userAgent' | 'allowPrivate'> = {
  connectTimeoutMs: 10_000,
  // Slow school servers take 5–6 s to the first byte and pages reach 15 MiB (site-monitoring.md).
  totalTimeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  retries: 2,
  retryBaseMs: 500,
  perHost: 2,
  global: 128,
  largeBodyBytes: 1024 * 1024,
  largeBodies: 1,
};

export type { FetchFailure } from './fetcher-request.ts';

export type FetchResult =
  | {
      ok: true;
      url: string;
      status: number;
      contentType: string | null;
      body: string;
      charset: string | null;
      bytes: number;
      redirects: string[];
    }
  | { ok: false; url: string; failure: FetchFailure; reason: string; redirects: string[] };

/** A binary download (a linked document): the bytes as received, decompressed. */
export type FileResult =
  | {
      ok: true;
      url: string;
      status: number;
      contentType: string | null;
      data: Buffer;
      redirects: string[];
    }
  | { ok: false; url: string; failure: FetchFailure; reason: string; redirects: string[] };

interface ReadLimits {
  maxBytes: number;
  accept: string;
}

const PAGE_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createFetcher(options: FetcherOptions) {
  const limiter = new HostLimiter({ perHost: options.perHost, global: options.global });
  // Idle keep-alive sockets are dropped after 1 s (agent `timeout` applies to free sockets): a
  // crawl visits a host once, and thousands of idle sockets would hold buffers for nothing.
  const agentOptions = {
    keepAlive: true,
    maxSockets: options.perHost,
    maxFreeSockets: options.perHost,
    maxTotalSockets: options.global,
    timeout: 1_000,
  };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent({ ...agentOptions, rejectUnauthorized: false });

  const guardedLookup: LookupFunction = (hostname, opts, callback) => {
    const done = (address: string) => {
      if (!options.allowPrivate && isPrivateAddress(address)) {
        const err = Object.assign(new Error(`адрес ${address} относится к частной сети`), {
          code: 'EPRIVATE',
        });
        callback(err, '', 4);
        return;
      }
      const family = isIP(address) || 4;
      if (opts.all) callback(null, [{ address, family }]);
      else callback(null, address, family);
    };
    if (options.resolve) {
      options
        .resolve(hostname)
        .then(done, (e: unknown) => callback(e as NodeJS.ErrnoException, '', 4));
      return;
    }
    dns.lookup(hostname, { family: 0 }, (err, address) => {
      if (err) callback(err, '', 4);
      else done(address);
    });
  };

  const largeGate = new Semaphore(options.largeBodies);
  const context = (limits: ReadLimits): RequestContext => ({
    httpAgent,
    httpsAgent,
    lookup: guardedLookup,
    userAgent: options.userAgent,
    accept: limits.accept,
    connectTimeoutMs: options.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs,
    maxBytes: limits.maxBytes,
    largeBodyBytes: options.largeBodyBytes,
    largeGate,
  });

  async function attempt(url: URL, ctx: RequestContext): Promise<Raw> {
    for (let n = 0; ; n++) {
      try {
        const raw = await limiter.run(url.host, () => requestOnce(url, ctx));
        if (!TRANSIENT_STATUS.has(raw.status) || n >= options.retries) return raw;
      } catch (e) {
        if (!(e instanceof FetchError) || !e.transient || n >= options.retries) throw e;
      }
      const jitter = Math.random() * options.retryBaseMs;
      await sleep(options.retryBaseMs * 2 ** n + jitter);
    }
  }

  type Fetched =
    | { ok: true; url: URL; raw: Raw; redirects: string[] }
    | { ok: false; url: string; failure: FetchFailure; reason: string; redirects: string[] };

  /** GET following redirects (with loop detection and a limit); never throws. */
  async function get(input: string, limits: ReadLimits): Promise<Fetched> {
    const redirects: string[] = [];
    let url: URL;
    try {
      url = new URL(input);
    } catch {
      return {
        ok: false,
        url: input,
        failure: 'bad_url',
        reason: `неверный адрес ${input}`,
        redirects,
      };
    }
    const ctx = context(limits);
    const seen = new Set<string>();
    try {
      for (;;) {
        if (url.protocol !== 'http:' && url.protocol !== 'https:') {
          throw new FetchError('bad_url', `неподдерживаемая схема ${url.protocol}`);
        }
        if (!options.allowPrivate && isLocalHostname(url.hostname)) {
          throw new FetchError('private_address', `адрес ${url.hostname} относится к частной сети`);
        }
        seen.add(url.href);
        const raw = await attempt(url, ctx);
        const location = raw.headers.location;
        if (!REDIRECTS.has(raw.status) || !location) return { ok: true, url, raw, redirects };
        const next = new URL(location, url);
        next.hash = '';
        redirects.push(next.href);
        if (seen.has(next.href))
          throw new FetchError('redirect_loop', `циклическое перенаправление (${next.href})`);
        if (redirects.length > options.maxRedirects) {
          throw new FetchError(
            'too_many_redirects',
            `больше ${options.maxRedirects} перенаправлений`,
          );
        }
        url = next;
      }
    } catch (e) {
      const failure = e instanceof FetchError ? e.failure : 'network';
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, url: url.href, failure, reason, redirects };
    }
  }

  /** GETs a page following redirects; never throws (failures come back as `ok: false`). */
  async function fetchPage(input: string): Promise<FetchResult> {
    const r = await get(input, { maxBytes: options.maxBytes, accept: PAGE_ACCEPT });
    if (!r.ok) return r;
    const contentType = r.raw.headers['content-type'] ?? null;
    const textual = !contentType || /text|html|xml/i.test(contentType);
    const decoded = textual ? decodeHtml(r.raw.body, contentType) : { text: '', charset: null };
    return {
      ok: true,
      url: r.url.href,
      status: r.raw.status,
      contentType,
      body: decoded.text,
      charset: decoded.charset,
      bytes: r.raw.body.length,
      redirects: r.redirects,
    };
  }

  /** GETs a linked file (a document) as bytes, within its own size limit; never throws. */
  async function fetchFile(
    input: string,
    limits: { maxBytes: number; accept?: string },
  ): Promise<FileResult> {
    const r = await get(input, { maxBytes: limits.maxBytes, accept: limits.accept ?? '*/*' });
    if (!r.ok) return r;
    return {
      ok: true,
      url: r.url.href,
      status: r.raw.status,
      contentType: r.raw.headers['content-type'] ?? null,
      data: r.raw.body,
      redirects: r.redirects,
    };
  }

  function close(): void {
    httpAgent.destroy();
    httpsAgent.destroy();
  }

  return { fetchPage, fetchFile, close };
}

export type Fetcher = ReturnType<typeof createFetcher>;
