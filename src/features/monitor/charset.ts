// Charset detection for Russian school sites, many of which are still windows-1251 (and a few
// KOI8-R): the HTTP header, then a BOM, then <meta charset>, then a guess. Node's TextDecoder has
// full ICU, so windows-1251 and koi8-r decode without extra packages.

function normalizeLabel(label: string): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!l) return null;
  try {
    return new TextDecoder(l).encoding;
  } catch {
    if (/1251/.test(l)) return 'windows-1251';
    if (/koi8/.test(l)) return 'koi8-r';
    if (/utf-?8/.test(l)) return 'utf-8';
    return null;
  }
}

function fromContentType(contentType: string | null): string | null {
  const m = /charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '');
  return m?.[1] ? normalizeLabel(m[1]) : null;
}

function fromBom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function fromMeta(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return m?.[1] ? normalizeLabel(m[1]) : null;
}

// Most frequent Russian lowercase letters: the right single-byte decoding yields many of them.
const FREQUENT = new Set('оеаинтсрвлкмдпу');

function russianScore(text: string): number {
  let score = 0;
  for (const ch of text) if (FREQUENT.has(ch)) score++;
  return score;
}

function guess(bytes: Uint8Array): string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 256 * 1024));
    return 'utf-8';
  } catch {
    const sample = bytes.subarray(0, 64 * 1024);
    const cp = russianScore(new TextDecoder('windows-1251').decode(sample));
    const koi = russianScore(new TextDecoder('koi8-r').decode(sample));
    return koi > cp ? 'koi8-r' : 'windows-1251';
  }
}

/** Detects the charset of an HTML response body. */
export function detectCharset(bytes: Uint8Array, contentType: string | null): string {
  return fromContentType(contentType) ?? fromBom(bytes) ?? fromMeta(bytes) ?? guess(bytes);
}

export function decodeHtml(
  bytes: Uint8Array,
  contentType: string | null,
): { text: string; charset: string } {
  const charset = detectCharset(bytes, contentType);
  // A UTF-8 page that lies in its header still decodes (with U+FFFD) rather than failing.
  return { text: new TextDecoder(charset).decode(bytes), charset };
}
