// HTML character references: numeric ones and the named ones seen on Russian school sites.
// A full table is not needed: an unknown name is left as written, which is what a reader sees.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  copy: '©',
  reg: '®',
  deg: '°',
  numero: '№',
  middot: '·',
  bull: '•',
  times: '×',
  shy: '\u00ad',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
};

const REF = /&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g;

function codePoint(n: number): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
    return '\ufffd';
  return String.fromCodePoint(n);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REF, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X'))
      return codePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return codePoint(parseInt(body.slice(1), 10));
    return NAMED[body] ?? NAMED[body.toLowerCase()] ?? whole;
  });
}
