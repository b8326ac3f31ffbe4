import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { frequencyDecision } from './frequency.ts';

describe('frequencyDecision: at most once a year, at least once in three years', () => {
  it.each([
    // campaign year, assessed years, status, overdue, deadline
    [2026, [], 'must', false, null],
    [2026, [2026], 'not_allowed', false, 2029],
    [2026, [2023, 2026], 'not_allowed', false, 2029],
    [2026, [2025], 'allowed', false, 2028],
    [2026, [2024], 'allowed', false, 2027],
    [2026, [2023], 'must', false, 2026], // assessed 2023 → by 2026 at the latest
    [2026, [2022], 'must', true, 2025],
    [2026, [2015, 2019], 'must', true, 2022],
    [2026, [2020, 2024, 2021], 'allowed', false, 2027], // the last year counts, not the order
    [2026, [2027], 'must', false, null], // years after the campaign are ignored
    [2026, [2023, 2028], 'must', false, 2026],
  ] as const)('%d after %o → %s', (year, assessed, status, overdue, deadline) => {
    const d = frequencyDecision(year, assessed);
    expect(d.status).toBe(status);
    expect(d.overdue).toBe(overdue);
    expect(d.deadlineYear).toBe(deadline);
    expect(d.reason.length).toBeGreaterThan(0);
  });

  it('never leaves a gap of more than three years when "must" is obeyed', () => {
    // Simulate: assess only when required; the gaps between assessments are exactly 3 years.
    const years = [2010];
    for (let y = 2011; y <= 2040; y++) {
      if (frequencyDecision(y, years).status === 'must') years.push(y);
    }
    const gaps = years.slice(1).map((y, i) => y - (years[i] ?? y));
    expect(gaps.every((g) => g === 3)).toBe(true);
  });

  it('rejects impossible years', () => {
    expect(() => frequencyDecision(20.5, [])).toThrow(AppError);
    expect(() => frequencyDecision(2026, [99])).toThrow(/assessedYears\[0\]/);
  });
});
