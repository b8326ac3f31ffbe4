// Cross-cutting middleware: request logging, security headers, request body size limit.
//
// Every request pays for these, so they avoid the expensive parts of the Web API objects on the
// hot path (bench/survey.bench.ts, issue 4 item 10): the body limit trusts Content-Length and
// never touches `request.body` (which makes @hono/node-server build a full undici Request and
// stream the body through web streams), the CSP nonce comes from a pooled random buffer, the
// security header values are computed once, and the access log is a periodic summary at `info`
// (one line per request only at `debug`, and for 5xx and slow requests).
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';
import type { Logger } from 'pino';
import { AppError, ERROR_CODES } from '../domain/errors.ts';
import type { AppEnv } from './types.ts';

/** Sets a response header; responses with immutable headers (rare: proxied fetches) are left alone. */
export function setHeader(res: Response, name: string, value: string): void {
  try {
    res.headers.set(name, value);
  } catch {
    // immutable headers
  }
}

/**
 * The request id: a sane incoming X-Request-Id (≤ 64 word characters, `-`, `=`) or a new UUID.
 * (hono's requestId also prepares the response header before the handler runs, which makes every
 * response build an extra Headers object; requestLogger sets the header afterwards instead.)
 */
export function requestIdentity(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = c.req.header('x-request-id');
    c.set(
      'requestId',
      sent && sent.length <= 64 && !/[^\w\-=]/.test(sent) ? sent : crypto.randomUUID(),
    );
    await next();
  };
}

/**
 * gzip/deflate for clients that accept it (hono's compress). For the others — API clients, the
 * survey load — only the `Vary: Accept-Encoding` hono's compress would add, set in place: hono
 * sets it with c.header, which rebuilds the whole Response.
 */
export function compression(threshold = 1024): MiddlewareHandler<AppEnv> {
  const compressing = compress({ threshold });
  return async (c, next) => {
    const accepts = c.req.header('accept-encoding');
    if (accepts && /gzip|deflate|\*/i.test(accepts)) return compressing(c, next);
    await next();
    const res = c.res;
    const h = res.headers;
    const length = h.get('Content-Length');
    const type = h.get('Content-Type');
    if (
      res.status === 206 ||
      c.req.method === 'HEAD' ||
      h.has('Content-Encoding') ||
      h.has('Transfer-Encoding') ||
      (length && Number(length) < threshold) ||
      !type ||
      !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type) ||
      /(?:^|,)\s*?no-transform\s*?(?:,|$)/i.test(h.get('Cache-Control') ?? '')
    ) {
      return;
    }
    const vary = h.get('Vary');
    if (vary === '*' || (vary && /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary))) return;
    try {
      h.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    } catch {
      // immutable headers
    }
  };
}

/** Requests slower than this are logged one by one at `warn`, whatever the level. */
export const SLOW_REQUEST_MS = 1000;
/** The access summary covers this long. */
export const ACCESS_SUMMARY_MS = 60_000;
const SUMMARY_SAMPLES = 10_000;

/** Counts and durations of the requests of one summary window. */
class AccessSummary {
  started = performance.now();
  count = 0;
  byStatus: Record<string, number> = {};
  samples: number[] = [];

  add(status: number, ms: number): void {
    this.count++;
    const group = `${Math.floor(status / 100)}xx`;
    this.byStatus[group] = (this.byStatus[group] ?? 0) + 1;
    // A uniform sample of the window's durations (reservoir) keeps memory bounded.
    if (this.samples.length < SUMMARY_SAMPLES) this.samples.push(ms);
    else {
      const i = Math.floor(Math.random() * this.count);
      if (i < SUMMARY_SAMPLES) this.samples[i] = ms;
    }
  }

  line(now: number) {
    const sorted = Float64Array.from(this.samples).sort();
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return {
      seconds: Math.round((now - this.started) / 100) / 10,
      requests: this.count,
      status: this.byStatus,
      p50ms: at(0.5),
      p99ms: at(0.99),
      maxMs: sorted[sorted.length - 1],
    };
  }
}

/**
 * Gives each request a child logger carrying its id. Access log: every request at `debug`; at
 * `info` one summary line per ACCESS_SUMMARY_MS (requests, status groups, p50/p99/max), 5xx at
 * `error` and slow requests at `warn` one by one. A line per request costs more CPU than the rest
 * of a survey submission's middleware together.
 */
export function requestLogger(root: Logger): MiddlewareHandler<AppEnv> {
  let summary = new AccessSummary();
  return async (c, next) => {
    const started = performance.now();
    const logger = root.child({ reqId: c.get('requestId') });
    c.set('logger', logger);
    await next();
    setHeader(c.res, 'X-Request-Id', c.get('requestId'));
    const now = performance.now();
    const ms = Math.round((now - started) * 10) / 10;
    const status = c.res.status;
    if (status >= 500)
      logger.error({ method: c.req.method, path: c.req.path, status, ms }, 'request');
    else if (ms >= SLOW_REQUEST_MS) {
      logger.warn({ method: c.req.method, path: c.req.path, status, ms }, 'slow request');
    } else if (root.isLevelEnabled('debug')) {
      logger.debug({ method: c.req.method, path: c.req.path, status, ms }, 'request');
    }
    summary.add(status, ms);
    if (now - summary.started >= ACCESS_SUMMARY_MS) {
      root.info(summary.line(now), 'requests');
      summary = new AccessSummary();
    }
  };
}

// 16 random bytes per nonce (as hono's secureHeaders), cut from a 4 KB buffer refilled when used
// up: one call into OpenSSL per 256 requests instead of one per request.
let pool = Buffer.alloc(0);
let poolOffset = 0;

export function cspNonce(): string {
  if (poolOffset + 16 > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  const nonce = pool.toString('base64', poolOffset, poolOffset + 16);
  poolOffset += 16;
  return nonce;
}

/**
 * Security headers for pages and API alike (the values hono's secureHeaders gave with these
 * options). Inline scripts need the per-request nonce (React Router's hydration data, Mantine's
 * colour-scheme script, the survey form's skip logic); Mantine sets inline style attributes, hence
 * 'unsafe-inline' for styles only. Frames are denied.
 */
export function securityHeaders(opts: { https: boolean; dev: boolean }): MiddlewareHandler<AppEnv> {
  const scriptSrc = opts.dev ? "'self' 'unsafe-inline'" : "'self' 'nonce-";
  const before = [
    "default-src 'self'",
    "base-uri 'self'",
    `connect-src ${opts.dev ? "'self' ws: wss:" : "'self'"}`,
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    `script-src ${scriptSrc}`,
  ].join('; ');
  const after = [
    opts.dev ? '' : "'",
    "; style-src 'self' 'unsafe-inline'",
    opts.https ? '; upgrade-insecure-requests' : '',
  ].join('');
  const fixed: [string, string][] = [
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Origin-Agent-Cluster', '?1'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ...(opts.https
      ? ([['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']] as [
          string,
          string,
        ][])
      : []),
    ['X-Content-Type-Options', 'nosniff'],
    ['X-DNS-Prefetch-Control', 'off'],
    ['X-Download-Options', 'noopen'],
    ['X-Frame-Options', 'DENY'],
    ['X-Permitted-Cross-Domain-Policies', 'none'],
    ['X-XSS-Protection', '0'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ];
  return async (c, next) => {
    const nonce = opts.dev ? '' : cspNonce();
    if (!opts.dev) c.set('secureHeadersNonce', nonce);
    await next();
    const headers = c.res.headers;
    try {
      for (const [name, value] of fixed) headers.set(name, value);
      headers.set('Content-Security-Policy', `${before}${nonce}${after}`);
      headers.delete('X-Powered-By');
    } catch {
      // immutable headers (proxied responses)
    }
  };
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Largest file upload (council protocols up to 10 MB, registry files up to 5 MB) plus form fields. */
export const UPLOAD_BODY_LIMIT = 12 * 1024 * 1024;

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} МБ`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} КБ` : `${bytes} байт`;
}

/**
 * Rejects request bodies above `maxBytes` by calling `onError` (which throws). A body with a
 * Content-Length is judged by it (Node's parser never delivers more bytes than it announces),
 * without touching `request.body`; chunked bodies are counted by hono's bodyLimit.
 */
export function bodyLimitOf(
  maxBytes: number,
  onError: (c: Context) => never,
): MiddlewareHandler<AppEnv> {
  const streamed = bodyLimit({ maxSize: maxBytes, onError });
  return (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    const headers = c.req.raw.headers;
    const length = headers.get('content-length');
    if (length !== null && !headers.has('transfer-encoding')) {
      if (Number.parseInt(length, 10) > maxBytes) onError(c);
      return next();
    }
    return streamed(c, next);
  };
}

function limitOf(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimitOf(maxBytes, () => {
    throw new AppError(
      ERROR_CODES.PAYLOAD_TOO_LARGE,
      `Размер запроса превышает ${sizeText(maxBytes)}`,
      { maxBytes },
    );
  });
}

/**
 * Bodies are small (JSON, ordinary forms: `maxBytes`, 1 MiB by default) except file uploads
 * (multipart/form-data), which may reach `uploadBytes`. Each feature still checks its own file
 * size and type with a precise message.
 */
export function requestBodyLimit(
  maxBytes = DEFAULT_BODY_LIMIT,
  uploadBytes = Math.max(maxBytes, UPLOAD_BODY_LIMIT),
): MiddlewareHandler<AppEnv> {
  const small = limitOf(maxBytes);
  const upload = limitOf(uploadBytes);
  return (c, next) => {
    const type = c.req.header('content-type') ?? '';
    return type.startsWith('multipart/form-data') ? upload(c, next) : small(c, next);
  };
}
