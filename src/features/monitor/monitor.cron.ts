// The monitor's schedule (NOKO_MONITOR_SCHEDULE): a five-field cron expression in Moscow time —
// minute, hour, day of month, month, day of week — with `*`, lists, ranges and steps. pg-boss runs
// the schedule; this module checks the expression before it is handed over (a bad value must not
// stop the server) and tells the pages when the next run is due.

interface Field {
  min: number;
  max: number;
}

const FIELDS: readonly Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
];

export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  /** Day of month and day of week restricted both: cron then matches either (POSIX). */
  dayOr: boolean;
}

function parseField(text: string, f: Field, name: string): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`${name}: «${part}» не распознано`);
    const step = m[4] ? Number(m[4]) : 1;
    let from = f.min;
    let to = f.max;
    if (m[1] !== '*') {
      from = Number(m[2]);
      to = m[3] !== undefined ? Number(m[3]) : m[4] ? f.max : from;
    }
    if (step < 1 || from < f.min || to > f.max || from > to)
      throw new Error(`${name}: «${part}» вне допустимых значений ${f.min}–${f.max}`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

const NAMES = ['минуты', 'часы', 'день месяца', 'месяц', 'день недели'];

/** Parses `m h dom mon dow`; throws an Error with a Russian message on a bad expression. */
export function parseCron(expr: string): CronSchedule {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error('нужно пять полей: минуты часы день месяц день_недели');
  const sets = parts.map((p, i) => parseField(p, FIELDS[i]!, NAMES[i]!));
  const weekdays = sets[4]!;
  if (weekdays.has(7)) weekdays.add(0); // 7 is Sunday too
  return {
    minutes: sets[0]!,
    hours: sets[1]!,
    days: sets[2]!,
    months: sets[3]!,
    weekdays,
    dayOr: parts[2] !== '*' && parts[4] !== '*',
  };
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.days.has(d.getUTCDate());
  const dow = s.weekdays.has(d.getUTCDay());
  return s.dayOr ? dom || dow : dom && dow;
}

/** The first moment strictly after `after` (whole minutes, UTC) that the schedule matches. */
export function nextCronTime(s: CronSchedule, after: Date): Date {
  const t = new Date(after.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  // Day by day for at most ~8 years (a 29 February schedule), then hour and minute in the day.
  for (let guard = 0; guard < 3000; guard++) {
    if (s.months.has(t.getUTCMonth() + 1) && dayMatches(s, t)) {
      for (let h = t.getUTCHours(); h < 24; h++) {
        if (!s.hours.has(h)) continue;
        const fromMinute = h === t.getUTCHours() ? t.getUTCMinutes() : 0;
        for (let m = fromMinute; m < 60; m++) {
          if (s.minutes.has(m)) {
            return new Date(
              Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), h, m, 0, 0),
            );
          }
        }
      }
    }
    t.setUTCDate(t.getUTCDate() + 1);
    t.setUTCHours(0, 0, 0, 0);
  }
  throw new Error('расписание не срабатывает ни разу');
}

/** Moscow has kept UTC+3 all year since 2014. */
const MOSCOW_OFFSET_MS = 3 * 3600_000;

/** The next occurrence after `after` of a schedule read in Moscow time. */
export function nextMoscowTime(s: CronSchedule, after: Date): Date {
  const local = nextCronTime(s, new Date(after.getTime() + MOSCOW_OFFSET_MS));
  return new Date(local.getTime() - MOSCOW_OFFSET_MS);
}

/** The schedule of NOKO_MONITOR_SCHEDULE, or null when it is switched off (`off`, `0`, empty). */
export function monitorSchedule(value: string): CronSchedule | null {
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'off' || v === '0' || v === 'no' || v === 'false') return null;
  return parseCron(v);
}
