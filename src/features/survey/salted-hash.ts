// Salted hashes of the anti-fraud data (client address, user agent, browser cookie): HMAC-SHA256
// with the campaign's (or the feedback quarter's) salt, so the raw values are never stored and,
// once the salt is destroyed, the hashes can never be linked to anybody again.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';

// createHmac with raw key bytes costs ~25 µs (the key is imported on every call), with a
// KeyObject ~5 µs; a submission hashes three values (bench/survey.bench.ts). One key per salt;
// emptied whenever a salt is destroyed.
export const saltKeys = new Map<string, KeyObject>();

function saltKey(salt: Uint8Array): KeyObject {
  const id = Buffer.from(salt).toString('base64');
  let key = saltKeys.get(id);
  if (!key) {
    if (saltKeys.size >= 100) saltKeys.clear();
    key = createSecretKey(salt);
    saltKeys.set(id, key);
  }
  return key;
}

/** hex HMAC-SHA256(salt, `${kind}:${value}`). */
export function saltedHash(salt: Uint8Array, kind: string, value: string): string {
  return createHmac('sha256', saltKey(salt)).update(`${kind}:${value}`).digest('hex');
}
