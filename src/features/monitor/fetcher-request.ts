// One HTTP GET of the site monitor's fetcher, bounded in every direction: a connect timeout, a
// total timeout, a body size limit counted on decompressed bytes (a gzip bomb is cut at the same
// limit), and a gate for large bodies — past `largeBodyBytes` a response may only keep reading
// while it holds one of a few «large body» slots, so a crawl of hundreds of sites never buffers
// more than a couple of 20 MiB pages at once (site-monitoring.md: pages of up to 15 MiB occur).
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Semaphore } from './limiter.ts';

export type FetchFailure =
  | 'timeout'
  | 'too_large'
  | 'redirect_loop'
  | 'too_many_redirects'
  | 'private_address'
  | 'dns'
  | 'network'
  | 'bad_url';

export class FetchError extends Error {
  readonly failure: FetchFailure;
  readonly transient: boolean;
  constructor(failure: FetchFailure, message: string, transient = false) {
    super(message);
    this.failure = failure;
    this.transient = transient;
  }
}

export interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface RequestContext {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  lookup: LookupFunction;
  userAgent: string;
  accept: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  largeBodyBytes: number;
  largeGate: Semaphore;
}

export const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED']);

export function mib(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} МиБ`;
}

function decompress(res: http.IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '')
    .toLowerCase()
    .trim();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (enc === 'br') return res.pipe(zlib.createBrotliDecompress());
  if (enc === 'deflate') return res.pipe(zlib.createInflate());
  return res;
}

function networkError(e: NodeJS.ErrnoException, url: URL): FetchError {
  if (e.code === 'EPRIVATE') return new FetchError('private_address', e.message);
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN')
    return new FetchError('dns', `имя ${url.hostname} не найдено в DNS`, e.code === 'EAI_AGAIN');
  return new FetchError(
    'network',
    `ошибка соединения: ${e.code ?? e.message}`,
    TRANSIENT_CODES.has(e.code ?? ''),
  );
}

/** One GET without following redirects (a redirect comes back as its status and headers). */
export function requestOnce(url: URL, ctx: RequestContext): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    let settled = false;
    // A large body reads only while holding a slot of the gate.
    let large: 'no' | 'waiting' | 'held' = 'no';
    let total: NodeJS.Timeout | undefined;
    let totalLeft = ctx.totalTimeoutMs;
    let totalStarted = Date.now();
    const startTotal = () => {
      totalStarted = Date.now();
      total = setTimeout(
        () => fail(new FetchError('timeout', `нет ответа за ${ctx.totalTimeoutMs / 1000} с`, true)),
        totalLeft,
      );
    };
    const stopTotal = () => {
      clearTimeout(total);
      totalLeft = Math.max(1, totalLeft - (Date.now() - totalStarted));
    };
    const cleanup = () => {
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      if (large === 'held') ctx.largeGate.release();
      large = 'no';
    };
    const fail = (e: FetchError) => {
      if (settled) return;
      cleanup();
      req.destroy();
      reject(e);
    };
    const req = mod.request(url, {
      method: 'GET',
      agent: url.protocol === 'https:' ? ctx.httpsAgent : ctx.httpAgent,
      lookup: ctx.lookup,
      headers: {
        'user-agent': ctx.userAgent,
        accept: ctx.accept,
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'ru,en;q=0.5',
      },
    });
    startTotal();
    const connect = setTimeout(
      () =>
        fail(
          new FetchError(
            'timeout',
            `не удалось подключиться за ${ctx.connectTimeoutMs / 1000} с`,
            true,
          ),
        ),
      ctx.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connect);
      else socket.once('connect', () => clearTimeout(connect));
    });
    req.on('error', (e: NodeJS.ErrnoException) => fail(networkError(e, url)));
    req.on('response', (res) => {
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > ctx.maxBytes) {
        fail(
          new FetchError('too_large', `страница больше ${mib(ctx.maxBytes)} (${mib(declared)})`),
        );
        return;
      }
      if (REDIRECTS.has(res.statusCode ?? 0)) {
        res.resume();
        cleanup();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) });
        return;
      }
      let chunks: Buffer[] = [];
      let size = 0;
      const stream = decompress(res);
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > ctx.maxBytes) {
          fail(new FetchError('too_large', `страница больше ${mib(ctx.maxBytes)}`));
          stream.destroy();
          chunks = [];
          return;
        }
        chunks.push(chunk);
        if (size > ctx.largeBodyBytes && large === 'no') {
          // Wait for a large-body slot with the stream paused and the clock stopped: the wait
          // is ours, not the site's.
          large = 'waiting';
          stream.pause();
          stopTotal();
          void ctx.largeGate.acquire().then(() => {
            if (settled) {
              ctx.largeGate.release();
              return;
            }
            large = 'held';
            startTotal();
            stream.resume();
          });
        }
      });
      stream.on('error', (e) =>
        fail(new FetchError('network', `ошибка чтения ответа: ${e.message}`, true)),
      );
      stream.on('end', () => {
        if (settled) return;
        const body = Buffer.concat(chunks, size);
        chunks = [];
        cleanup();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.end();
  });
}
