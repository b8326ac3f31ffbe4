// Secrets of the accounts feature: random tokens, their sha256 digests (what the database keeps)
// and constant-time comparison. Server-only (node:crypto).
import { createHash, createHmac, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';

/** A new random token: 32 bytes (256 bits) as base64url, safe in cookies and form fields. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** HMAC-SHA256 as base64url; pass a KeyObject (createSecretKey) when the key is reused. */
export function hmacBase64url(key: Uint8Array | string | KeyObject, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Equal strings in time independent of where they differ (tokens from requests). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A readable one-time password (shown once to an administrator): 4 groups of 4, no look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
