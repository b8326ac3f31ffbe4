// The schedule expression: parsing (Russian messages for bad input) and the next occurrence.
import { describe, expect, it } from 'vitest';
import { monitorSchedule, nextCronTime, nextMoscowTime, parseCron } from './monitor.cron.ts';

describe('monitor schedule', () => {
  it.each([
    ['0 3 1 * *', '2026-11-22T10:00:00Z', '2026-12-01T03:00:00.000Z'],
    ['0 3 1 * *', '2026-12-01T02:59:00Z', '2026-12-01T03:00:00.000Z'],
    ['0 3 1 * *', '2026-12-01T03:00:00Z', '2027-01-01T03:00:00.000Z'],
    ['*/15 * * * *', '2026-11-22T10:07:30Z', '2026-11-22T10:15:00.000Z'],
    ['30 2 * * 1', '2026-11-22T10:00:00Z', '2026-11-23T02:30:00.000Z'],
    ['0 0 29 2 *', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 6 1,15 1-6/2 *', '2026-02-10T00:00:00Z', '2026-03-01T06:00:00.000Z'],
  ])('%s after %s → %s', (expr, after, next) => {
    expect(nextCronTime(parseCron(expr), new Date(after)).toISOString()).toBe(next);
  });

  it('reads the schedule in Moscow time (UTC+3)', () => {
    const s = parseCron('0 3 1 * *');
    expect(nextMoscowTime(s, new Date('2026-11-22T10:00:00Z')).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it.each([
    ['0 3 1 *', /пять полей/],
    ['61 3 1 * *', /минуты: «61» вне допустимых значений 0–59/],
    ['0 3 x * *', /день месяца: «x» не распознано/],
  ])('refuses «%s»', (expr, message) => {
    expect(() => parseCron(expr)).toThrow(message);
  });

  it('off, 0 and an empty value switch the schedule off', () => {
    for (const v of ['off', 'OFF', '0', '', ' ']) expect(monitorSchedule(v)).toBeNull();
    expect(monitorSchedule('0 3 1 * *')).not.toBeNull();
  });
});
