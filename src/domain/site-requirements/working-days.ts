// Russian working days, for the «не позднее 10 рабочих дней» rule of the site monitor (273-ФЗ
// art.29 ч.3; PP 1802 p.16). Labour Code (ТК РФ) art.111: Saturday and Sunday are days off (the
// five-day week); art.112 ч.1: the non-working holidays are 1–6 and 8 January (Новогодние
// каникулы), 7 January, 23 February, 8 March, 1 May, 9 May, 12 June and 4 November. Art.112 ч.2: a
// holiday falling on a day off moves that day off to the next working day, except the January
// holidays; art.112 ч.5: the Government moves days off by a decree for each year (e.g. the two
// January days off that fall on a weekend). Those decrees are year-specific and are not built in:
// pass them as a `WorkCalendar`. For a year with a decree given, the decree is authoritative (it
// lists every moved day, the ч.2 carry-overs included) and no carry-over is computed.
// Dates are calendar days (YYYY-MM-DD, no time zone); the caller decides which day «today» is.

/** Non-working holidays of ТК РФ art.112 ч.1: [month, day]. */
export const HOLIDAYS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, 2],
  [1, 3],
  [1, 4],
  [1, 5],
  [1, 6],
  [1, 7],
  [1, 8],
  [2, 23],
  [3, 8],
  [5, 1],
  [5, 9],
  [6, 12],
  [11, 4],
];

/** A Government decree moving days off in one year (ТК РФ art.112 ч.5). */
export interface YearDecree {
  /** Extra days off (YYYY-MM-DD): the days the decree moves a day off to. */
  daysOff: readonly string[];
  /** Days off made working days (a «рабочая суббота»), YYYY-MM-DD. */
  workdays: readonly string[];
}

/** Decrees by year; a year without one gets the automatic ч.2 carry-over. */
export type WorkCalendar = Readonly<Record<number, YearDecree>>;

const DAY = 86_400_000;

/** YYYY-MM-DD → UTC midnight of that calendar day. */
export function parseDay(day: string): Date {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  if (!m) throw new Error(`not a calendar day: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The calendar day of a UTC-midnight date as YYYY-MM-DD. */
export function formatDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The calendar day of an instant in Moscow time (UTC+3, no daylight saving since 2014). */
export function moscowDay(at: Date): string {
  return formatDay(new Date(at.getTime() + 3 * 3_600_000));
}

const isHoliday = (d: Date) =>
  HOLIDAYS.some(([m, day]) => d.getUTCMonth() + 1 === m && d.getUTCDate() === day);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

// Days off of one year, computed once per calendar and year.
const cache = new WeakMap<WorkCalendar, Map<number, Set<string>>>();
const NO_DECREES: WorkCalendar = {};

function daysOffOf(year: number, calendar: WorkCalendar): Set<string> {
  const byYear = cache.get(calendar) ?? new Map<number, Set<string>>();
  cache.set(calendar, byYear);
  const known = byYear.get(year);
  if (known) return known;
  const off = new Set<string>();
  const decree = calendar[year];
  let carry = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) {
    const d = new Date(t);
    const holiday = isHoliday(d);
    if (holiday || isWeekend(d)) {
      off.add(formatDay(d));
      // ч.2: a non-January holiday on a weekend moves a day off to the next working day.
      if (!decree && holiday && isWeekend(d) && d.getUTCMonth() !== 0) carry++;
    } else if (carry > 0) {
      off.add(formatDay(d));
      carry--;
    }
  }
  for (const day of decree?.daysOff ?? []) off.add(day);
  for (const day of decree?.workdays ?? []) off.delete(day);
  byYear.set(year, off);
  return off;
}

export function isWorkingDay(day: string, calendar: WorkCalendar = NO_DECREES): boolean {
  return !daysOffOf(parseDay(day).getUTCFullYear(), calendar).has(day);
}

/**
 * The day on which a term of `n` working days counted from `day` ends: the n-th working day after
 * it (the day of the event itself is not counted, as in ГК РФ art.191: a term starts the next day).
 */
export function addWorkingDays(
  day: string,
  n: number,
  calendar: WorkCalendar = NO_DECREES,
): string {
  let t = parseDay(day).getTime();
  let left = n;
  while (left > 0) {
    t += DAY;
    if (isWorkingDay(formatDay(new Date(t)), calendar)) left--;
  }
  return formatDay(new Date(t));
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(
  from: string,
  to: string,
  calendar: WorkCalendar = NO_DECREES,
): number {
  let n = 0;
  const end = parseDay(to).getTime();
  for (let t = parseDay(from).getTime() + DAY; t <= end; t += DAY)
    if (isWorkingDay(formatDay(new Date(t)), calendar)) n++;
  return n;
}
