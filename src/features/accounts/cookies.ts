// Cookie names and Set-Cookie values of the session and of the anonymous CSRF token. Pure (no
// node: imports): the login and logout page actions use it as well as src/server/session.ts.
// On https the `__Host-` prefix makes browsers refuse the cookie unless it is Secure, Path=/ and
// without Domain, so a sibling subdomain cannot plant a session or CSRF cookie (RFC 6265bis §4.1.3).

export interface CookieNames {
  session: string;
  csrf: string;
}

export function cookieNames(https: boolean): CookieNames {
  return https
    ? { session: '__Host-noko_session', csrf: '__Host-noko_csrf' }
    : { session: 'noko_session', csrf: 'noko_csrf' };
}

export function isHttps(publicUrl: string): boolean {
  return publicUrl.startsWith('https:');
}

/** Set-Cookie for `name=value`; httpOnly, SameSite=Lax, Path=/; Secure on https. */
export function serializeCookie(
  name: string,
  value: string,
  opts: { https: boolean; maxAgeSeconds?: number },
): string {
  const parts = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (opts.maxAgeSeconds !== undefined) parts.push(`Max-Age=${Math.max(0, opts.maxAgeSeconds)}`);
  if (opts.https) parts.push('Secure');
  return parts.join('; ');
}

export function sessionCookie(token: string, https: boolean, maxAgeSeconds: number): string {
  return serializeCookie(cookieNames(https).session, token, { https, maxAgeSeconds });
}

export function clearSessionCookie(https: boolean): string {
  return serializeCookie(cookieNames(https).session, '', { https, maxAgeSeconds: 0 });
}

/** Value of cookie `name` in a Cookie header, or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Internal request header with the hashed client address (set by the session middleware only). */
export const CLIENT_HASH_HEADER = 'x-noko-client-hash';
