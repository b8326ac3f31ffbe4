import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { requiredSample, sampleStatus } from './sample.ts';

describe('requiredSample = min(cap, ceil(share × contingent))', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 2],
    [1499, 600],
    [1500, 600],
    [1501, 600],
    [10000, 600],
    [100, 40],
    [101, 41],
    [1498, 600], // ceil(599.2) = 600
    [1497, 599], // ceil(598.8) = 599
  ])('contingent %d → %d (defaults 0.40 / 600)', (contingent, expected) => {
    expect(requiredSample(contingent)).toBe(expected);
  });

  it.each([
    [{ share: '0.3', cap: 600 }, 1000, 300],
    [{ share: '0.3', cap: 600 }, 10, 3], // 0.3 × 10 is exactly 3, not 3.0000000000000004
    [{ share: '0.1', cap: 50 }, 1000, 50],
    [{ share: '1', cap: 1000 }, 17, 17],
    [{ share: '0.25', cap: 1 }, 9, 1],
    [{ share: '0.07', cap: 600 }, 100, 7], // 0.07 × 100 = 7.000000000000001 in binary floats
  ])('%o, contingent %d → %d', (params, contingent, expected) => {
    expect(requiredSample(contingent, params)).toBe(expected);
  });

  it.each([
    [{ share: '0', cap: 600 }],
    [{ share: '1.2', cap: 600 }],
    [{ share: 'abc', cap: 600 }],
    [{ share: '0.4', cap: 0 }],
    [{ share: '0.4', cap: 2.5 }],
  ])('rejects %o', (params) => {
    expect(() => requiredSample(10, params)).toThrow(AppError);
  });

  it('rejects a negative or fractional contingent', () => {
    expect(() => requiredSample(-1)).toThrow(/contingent/);
    expect(() => requiredSample(1.5)).toThrow(/contingent/);
  });
});

describe('sampleStatus', () => {
  it.each([
    [600, 1500, true, 0],
    [599, 1500, false, 1],
    [700, 10000, true, 0],
    [0, 0, true, 0],
    [39, 100, false, 1],
    [0, 100, false, 40],
  ])(
    '%d respondents of contingent %d → meets %s, shortfall %d',
    (respondents, contingent, meets, shortfall) => {
      expect(sampleStatus(respondents, contingent)).toMatchObject({
        respondents,
        contingent,
        meets,
        shortfall,
      });
    },
  );
});
