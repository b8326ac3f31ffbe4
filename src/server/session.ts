// Session and CSRF middleware (runs for every request, after the defaults of src/server/app.ts).
//
// Session: the cookie holds a random token; services.auth.resolve finds the live session by its
// sha256 and the request gets caller/user/sessionId/csrfToken of that user.
//
// CSRF: every unsafe request (POST, PUT, PATCH, DELETE) must carry a token in the form field
// `_csrf` or the header `X-CSRF-Token`:
// - with a session: the session's own token (sessions.csrfSecret);
// - without one (login form, later the public survey): a signed double-submit token. The visitor
//   gets an httpOnly cookie `nonce.hmac(key, nonce)` on the first page view and the same value is
//   put into forms; a post is accepted when the field equals the cookie and the signature holds.
//   A cross-site page can make the browser send the cookie but can neither read it nor forge the
//   field (SameSite=Lax already withholds it from cross-site POSTs; the token is the second line).
// Exempt: the public JSON API prefixes (anonymous by design, CSRF_EXEMPT_PREFIXES) and JSON
// requests without any Cookie header (and bodiless ones). These are non-browser clients: a
// browser cannot send a cross-site `application/json` body without a CORS preflight, which noko
// never grants, and a request without cookies carries no ambient credentials a forged request
// could abuse. Form and text/plain bodies are always checked, cookies or not: a forged anonymous
// login form would sign the victim in to the attacker's account (login CSRF).
import { isIP } from 'node:net';
import { createSecretKey, randomBytes } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { AppError, ERROR_CODES } from '../domain/errors.ts';
import { callerFromUser } from '../features/context.ts';
import {
  CLIENT_HASH_HEADER,
  clearSessionCookie,
  cookieNames,
  readCookie,
  serializeCookie,
} from '../features/accounts/cookies.ts';
import { hmacBase64url, newToken, safeEqual, sha256Hex } from '../features/accounts/tokens.ts';
import type { AppEnv } from './types.ts';

export const CSRF_EXEMPT_PREFIXES: readonly string[] = ['/api/v1/public/'];
export const CSRF_FAILED_MESSAGE =
  'Не удалось подтвердить отправку формы: страница устарела или форма отправлена с другого сайта. ' +
  'Обновите страницу и повторите действие.';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The anonymous CSRF cookie lives a day; forms older than that need a reload. */
const ANON_MAX_AGE = 24 * 60 * 60;

export interface SessionOptions {
  https: boolean;
  /**
   * Key signing anonymous CSRF cookies. Default: random per process, so after a restart an open
   * login form needs a reload, and several instances need a shared key (see the report/ADR).
   */
  csrfKey?: Uint8Array | string;
  exemptPrefixes?: readonly string[];
}

/** Anonymous double-submit tokens: `nonce.signature`. */
export function anonymousCsrf(key: Uint8Array | string) {
  // One KeyObject for the process: createHmac with raw key bytes imports the key on every call,
  // and every page view and form post signs or checks a token.
  const secret = createSecretKey(typeof key === 'string' ? Buffer.from(key, 'utf8') : key);
  const sign = (nonce: string) => hmacBase64url(secret, `noko-anon-csrf:${nonce}`);
  const verified = new Set<string>();
  return {
    issue: (): string => {
      const nonce = newToken(24);
      return `${nonce}.${sign(nonce)}`;
    },
    valid: (value: string | null | undefined): value is string => {
      if (!value || value.length > 200) return false;
      if (verified.has(value)) return true;
      const [nonce, sig, extra] = value.split('.');
      const ok = !!nonce && !!sig && extra === undefined && safeEqual(sig, sign(nonce));
      if (ok) {
        if (verified.size >= VERIFIED_MAX) verified.clear();
        verified.add(value);
      }
      return ok;
    },
  };
}

/**
 * Tokens already verified (their signature cannot change): a survey respondent's browser sends
 * the same cookie with the page view and the post, and every post would recompute the HMAC.
 */
const VERIFIED_MAX = 10_000;

// The content types a cross-site page can send without a CORS preflight (Fetch standard,
// "CORS-safelisted request-header"): only these can reach us in a forged request.
const SIMPLE_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** JSON (or no body at all): a browser would need a preflight to send it cross-site. */
function isNonSimpleBody(c: Context): boolean {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return !SIMPLE_TYPES.includes(type);
}

/**
 * The token the request submits: header first, else the `_csrf` form field. A urlencoded body is
 * read once (@hono/node-server's fast path, no web streams) and kept in `formBody`: API routes get
 * a new Request over the same bytes at once, pages when they need one (pageRequest). Cloning the
 * request instead tees the body through web streams, several times the cost of a survey
 * submission's own work (bench/survey.bench.ts).
 */
async function submittedToken(c: Context<AppEnv>): Promise<string> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  try {
    if (type.startsWith('application/x-www-form-urlencoded')) {
      const raw = c.req.raw;
      const bytes = await raw.arrayBuffer();
      const fields = new URLSearchParams(Buffer.from(bytes).toString('utf8'));
      c.set('formBody', { bytes, fields });
      if (c.req.path.startsWith('/api/')) c.req.raw = pageRequest(c);
      return fields.get('_csrf') ?? '';
    }
    if (type.startsWith('multipart/form-data')) {
      const value = (await c.req.raw.clone().formData()).get('_csrf');
      return typeof value === 'string' ? value : '';
    }
  } catch {
    // an unreadable body submits no token
  }
  return '';
}

/** The request with its body readable: rebuilt over `formBody` when the middleware read it. */
export function pageRequest(c: Context<AppEnv>): Request {
  const form = c.get('formBody');
  const raw = c.req.raw;
  if (!form || !raw.bodyUsed) return raw;
  return new Request(raw.url, { method: raw.method, headers: raw.headers, body: form.bytes });
}

const PRIVATE_V4 = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/**
 * The client's address: the socket peer, or — when the peer is a local/private proxy — the last
 * X-Forwarded-For entry, which that proxy appended itself (entries further left come from the
 * client and could be forged). Used only to throttle sign-in attempts, hashed.
 */
export function clientAddress(c: Context): string {
  let peer: string;
  try {
    peer = getConnInfo(c).remote.address ?? '';
  } catch {
    peer = ''; // not served by @hono/node-server (tests)
  }
  const bare = peer.replace(/^::ffff:/, '');
  const behindProxy = !bare || bare === '::1' || PRIVATE_V4.test(bare) || /^f[cd]/i.test(bare);
  const forwarded = c.req.header('x-forwarded-for');
  if (behindProxy && forwarded) {
    const last = forwarded.split(',').at(-1)!.trim();
    if (isIP(last)) return last;
  }
  return bare || 'unknown';
}

function isExempt(c: Context, prefixes: readonly string[]): boolean {
  if (prefixes.some((p) => c.req.path.startsWith(p))) return true;
  return isNonSimpleBody(c) && !c.req.header('cookie');
}

/** Pages get an anonymous CSRF cookie; the API, health checks and assets do not need one. */
function wantsAnonCookie(path: string): boolean {
  return !(path === '/healthz' || path.startsWith('/api/') || path.startsWith('/assets/'));
}

/**
 * The public survey (form and API) is anonymous by design: no session lookup there, so a signed-in
 * staff member filling in a survey is treated like anybody else (and keeps the session cookie).
 */
const ANONYMOUS_PREFIXES: readonly string[] = ['/api/v1/public/', '/s/'];

/**
 * Page actions (sign-in throttling, the survey form) read the hashed client address from this
 * header; any value sent by the client is replaced. Set in place: rebuilding the Request costs
 * more than the rest of the middleware together.
 */
function setClientHash(c: Context): void {
  const value = sha256Hex(`client:${clientAddress(c)}`);
  try {
    c.req.raw.headers.set(CLIENT_HASH_HEADER, value);
  } catch {
    const headers = new Headers(c.req.raw.headers);
    headers.set(CLIENT_HASH_HEADER, value);
    c.req.raw = new Request(c.req.raw, { headers });
  }
}

export function sessionMiddleware(opts: SessionOptions): MiddlewareHandler<AppEnv> {
  const names = cookieNames(opts.https);
  const anon = anonymousCsrf(opts.csrfKey ?? randomBytes(32));
  const exempt = opts.exemptPrefixes ?? CSRF_EXEMPT_PREFIXES;

  return async (c, next) => {
    const path = c.req.path;
    const cookies = c.req.header('cookie');
    const anonymousOnly = ANONYMOUS_PREFIXES.some((p) => path.startsWith(p));
    const token = anonymousOnly ? null : readCookie(cookies, names.session);
    const services = c.get('services') as AppEnv['Variables']['services'] | undefined;
    const session = token && services ? await services.auth.resolve(token) : null;
    const setCookies: string[] = [];
    let expected: string | null;
    if (session) {
      c.set('user', session.user);
      c.set('caller', callerFromUser(session.user, c.get('requestId')));
      c.set('sessionId', session.sessionId);
      c.set('csrfToken', session.csrfToken);
      expected = session.csrfToken;
    } else {
      if (token) setCookies.push(clearSessionCookie(opts.https)); // expired or unknown
      const existing = readCookie(cookies, names.csrf);
      expected = anon.valid(existing) ? existing : null;
      if (!expected && !UNSAFE.has(c.req.method) && wantsAnonCookie(path)) {
        expected = anon.issue();
        setCookies.push(
          serializeCookie(names.csrf, expected, { https: opts.https, maxAgeSeconds: ANON_MAX_AGE }),
        );
      }
      c.set('csrfToken', expected ?? '');
    }

    if (UNSAFE.has(c.req.method)) {
      // Before the body is read below: the Request handed on must carry the header. API routes
      // read the address themselves; there a client-sent value is still never passed on.
      if (!path.startsWith('/api/') || c.req.header(CLIENT_HASH_HEADER) !== undefined) {
        setClientHash(c);
      }
      if (!isExempt(c, exempt)) {
        const sent = await submittedToken(c);
        if (!expected || !sent || !safeEqual(sent, expected)) {
          throw new AppError(ERROR_CODES.CSRF, CSRF_FAILED_MESSAGE);
        }
      }
    }

    await next();
    for (const value of setCookies) {
      try {
        c.res.headers.append('Set-Cookie', value);
      } catch {
        // immutable headers (proxied responses): the cookie is issued on the next page view
      }
    }
  };
}
