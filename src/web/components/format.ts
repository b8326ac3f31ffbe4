// Russian formatting shared by the pages. Times are shown in the region's time zone: noko serves
// one region, whose territories default to Europe/Moscow (src/db/schema/territories.ts).

export const REGION_TIME_ZONE = 'Europe/Moscow';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** 2026-03-01T09:05:00Z → «01.03.2026, 12:05» (in `timeZone`). */
export function formatDateTime(
  value: Date | string | null | undefined,
  timeZone = REGION_TIME_ZONE,
): string {
  if (value == null || value === '') return '—';
  const at = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(at.getTime())) return '—';
  let f = dateTimeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('ru-RU', {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(timeZone, f);
  }
  return f.format(at);
}

/** ISO calendar date 2026-03-16 (or a timestamp string) → «16.03.2026». */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Russian plural: plural(1, 'организация', 'организации', 'организаций') → «организация»;
 * 2–4 take the second form, 5–20 and 0 the third.
 */
export function plural(n: number, one: string, few: string, many: string): string {
  const mod100 = Math.abs(n) % 100;
  const mod10 = mod100 % 10;
  if (mod100 >= 11 && mod100 <= 14) return many;
  if (mod10 === 1) return one;
  if (mod10 >= 2 && mod10 <= 4) return few;
  return many;
}

/** «3 организации» */
export function countOf(n: number, one: string, few: string, many: string): string {
  return `${n} ${plural(n, one, few, many)}`;
}
