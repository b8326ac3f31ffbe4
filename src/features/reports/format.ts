// Russian typography for documents and exports (ГОСТ Р 7.0.97-2016 and common publishing practice,
// Мильчин «Справочник издателя и автора»): decimal comma (80,55), digits grouped by threes with a
// non-breaking space from five digits up (12 345; four-digit numbers stay 1234), a non-breaking space
// between «№» and its number and before «%» and «г.», «ёлочки» outside and „лапки“ inside quotes,
// an em dash with a non-breaking space before it. Numbers are rounded half away from zero in
// decimal arithmetic (methodology.md "Rounding") by the scoring engine's format2.
import { format2 } from '../../domain/scoring/index.ts';

export const NBSP = '\u00a0';
export const EMPTY = '—';

/** Groups the digits of an integer part by threes (from five digits up); minus as «−». */
function group(intPart: string): string {
  const negative = intPart.startsWith('-');
  const digits = negative ? intPart.slice(1) : intPart;
  const grouped = digits.length < 5 ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return negative ? `−${grouped}` : grouped;
}

/** A score or share with two decimals and a decimal comma: 84.435 → «84,44»; null → «—». */
export function num2(value: number | null | undefined, empty = EMPTY): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return empty;
  // Values of the read model are already rounded: toFixed is exact for them. Anything else is
  // rounded half away from zero in decimal arithmetic.
  const text = Number(value.toFixed(2)) === value ? value.toFixed(2) : format2(value);
  const [i = '0', f = '00'] = text.split('.');
  return `${group(i)},${f}`;
}

/** An integer count: 12345 → «12 345» (non-breaking space), 1234 → «1234». */
export function int(value: number | null | undefined, empty = EMPTY): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return empty;
  return group(String(Math.round(value)));
}

/** A percentage: 85 → «85,00 %» (non-breaking space before the sign). */
export function pct(value: number | null | undefined, empty = EMPTY): string {
  const n = num2(value, '');
  return n === '' ? empty : `${n}${NBSP}%`;
}

/** «текст» */
export function quote(text: string): string {
  return `«${text}»`;
}

/**
 * Cleans free text that users typed (organization names, council proposals): straight double quotes
 * become «ёлочки» (nested ones „лапки“), «№ 4» and «№4» get a non-breaking space, a spaced hyphen
 * becomes an em dash bound to the previous word, and «г. Каменск» keeps «г.» with its name.
 */
export function typo(text: string): string {
  let depth = 0;
  let out = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    if (ch !== '"') {
      out += ch;
      return;
    }
    const prev = chars[i - 1] ?? ' ';
    const opening = /[\s(«„[-]/.test(prev) || i === 0;
    if (opening) {
      out += depth === 0 ? '«' : '„';
      depth += 1;
    } else {
      depth = Math.max(0, depth - 1);
      out += depth === 0 ? '»' : '“';
    }
  });
  return out
    .replace(/№\s*(?=[\dA-Za-zА-Яа-я])/g, `№${NBSP}`)
    .replace(/ +- +/g, `${NBSP}— `)
    .replace(/ +— +/g, `${NBSP}— `)
    .replace(/(^|\s)(г|пгт|с|п|д|ул|д)\. +/g, `$1$2.${NBSP}`);
}

const MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

/** 12.11.2026 (the date in Moscow time, the region's offices being in Russia). */
export function dateShort(value: string | Date): string {
  const d = new Date(value);
  const parts = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}.${get('month')}.${get('year')}`;
}

/** «12 ноября 2026 г.» with non-breaking spaces inside. */
export function dateLong(value: string | Date): string {
  const [dd = '', mm = '', yyyy = ''] = dateShort(value).split('.');
  return `${Number(dd)}${NBSP}${MONTHS[Number(mm) - 1] ?? ''} ${yyyy}${NBSP}г.`;
}

/** Russian plural: plural(3, ['организация', 'организации', 'организаций']) → «организации». */
export function plural(n: number, forms: readonly [string, string, string]): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}

/** «12 организаций» — the count and its word bound by a non-breaking space. */
export function counted(n: number, forms: readonly [string, string, string]): string {
  return `${int(n)}${NBSP}${plural(n, forms)}`;
}
