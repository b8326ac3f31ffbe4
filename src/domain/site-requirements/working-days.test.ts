// Russian working days (ТК РФ art.111, 112): weekends, the art.112 ч.1 holidays, the ч.2 carry-over
// of a holiday falling on a weekend (not for January), and an injected decree (ч.5).
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  isWorkingDay,
  moscowDay,
  workingDaysBetween,
  type WorkCalendar,
} from './working-days.ts';

describe('isWorkingDay without a decree', () => {
  it.each([
    ['2026-01-01', false, 'Новый год'],
    ['2026-01-07', false, 'Рождество'],
    ['2026-01-08', false, 'новогодние каникулы'],
    ['2026-01-09', true, 'a Friday after the holidays (only a decree moves days here)'],
    ['2026-01-10', false, 'Saturday'],
    ['2026-01-11', false, 'Sunday'],
    ['2026-01-12', true, 'Monday: no carry-over of January holidays (art.112 ч.2)'],
    ['2026-02-23', false, 'День защитника Отечества (Monday)'],
    ['2026-03-08', false, '8 March (Sunday)'],
    ['2026-03-09', false, 'carried over from Sunday 8 March'],
    ['2026-03-10', true, 'Tuesday'],
    ['2026-05-01', false, 'Праздник Весны и Труда'],
    ['2026-05-09', false, 'День Победы (Saturday)'],
    ['2026-05-11', false, 'carried over from Saturday 9 May'],
    ['2026-05-12', true, 'Tuesday'],
    ['2026-06-12', false, 'День России'],
    ['2026-11-04', false, 'День народного единства'],
    ['2026-11-05', true, 'Thursday'],
    ['2026-04-20', true, 'Monday'],
  ])('%s → %s (%s)', (day, working) => {
    expect(isWorkingDay(day)).toBe(working);
  });
});

describe('a decree for the year is authoritative', () => {
  // A made-up decree for the test (real decrees differ from year to year).
  const calendar: WorkCalendar = {
    2026: { daysOff: ['2026-01-09', '2026-12-31'], workdays: ['2026-11-07'] },
  };
  it.each([
    ['2026-01-09', false],
    ['2026-12-31', false],
    ['2026-11-07', true],
    // With a decree no carry-over is computed: the decree lists every moved day.
    ['2026-03-09', true],
    ['2026-05-11', true],
  ])('%s → %s', (day, working) => {
    expect(isWorkingDay(day, calendar)).toBe(working);
  });
  it('other years keep the automatic carry-over', () => {
    expect(isWorkingDay('2027-11-05', calendar)).toBe(true);
    expect(isWorkingDay('2021-11-05', calendar)).toBe(true);
    // 4 November 2023 was a Saturday: Monday 6 November is the carried-over day off.
    expect(isWorkingDay('2023-11-06', calendar)).toBe(false);
  });
});

describe('terms in working days', () => {
  it.each([
    // The self-evaluation report: 20 April + 10 working days (1 May is a holiday).
    ['2026-04-20', 10, '2026-05-05'],
    ['2025-04-20', 10, '2025-05-05'],
    // The new year: 1–8 January are holidays, the 10th working day is 21 January.
    ['2025-12-31', 10, '2026-01-22'],
    // 1 September 2026 is a Tuesday.
    ['2026-08-31', 10, '2026-09-14'],
    ['2026-11-20', 1, '2026-11-23'],
    ['2026-11-20', 0, '2026-11-20'],
  ])('%s + %i working days = %s', (day, n, end) => {
    expect(addWorkingDays(day, n)).toBe(end);
  });

  it('counts working days after the first day up to the last one', () => {
    expect(workingDaysBetween('2026-04-20', '2026-05-05')).toBe(10);
    expect(workingDaysBetween('2026-05-05', '2026-04-20')).toBe(0);
    expect(workingDaysBetween('2025-12-31', '2026-01-08')).toBe(0);
  });

  it('takes the day in Moscow time', () => {
    expect(moscowDay(new Date('2026-04-20T21:30:00Z'))).toBe('2026-04-21');
    expect(moscowDay(new Date('2026-04-20T20:59:00Z'))).toBe('2026-04-20');
  });
});
