// Wilson intervals against published values: Newcombe (1998), Table I, method 3 (Wilson score
// without continuity correction), four decimals; plus edge cases of the survey.
import { describe, expect, it } from 'vitest';
import { wilsonInterval, wilsonPercent } from './wilson.ts';

describe('wilsonInterval', () => {
  it.each([
    // x, n, low, high — Newcombe R. G., Statistics in Medicine 17 (1998) 857–872, Table I.
    [81, 263, '0.2553', '0.3662'],
    [15, 148, '0.0624', '0.1605'],
    [0, 20, '0.0000', '0.1611'],
    [1, 29, '0.0061', '0.1718'],
  ])('%i of %i → [%s, %s]', (x, n, low, high) => {
    const w = wilsonInterval(x, n)!;
    expect(w.low.toFixed(4)).toBe(low);
    expect(w.high.toFixed(4)).toBe(high);
  });

  it('is symmetric: x of n mirrors n − x of n', () => {
    const a = wilsonInterval(9, 12)!;
    const b = wilsonInterval(3, 12)!;
    expect(a.low.plus(b.high).toFixed(15)).toBe('1.000000000000000');
  });

  it('stays inside [0, 1] at the ends', () => {
    const all = wilsonInterval(200, 200)!;
    expect(all.high.toNumber()).toBe(1);
    expect(all.low.toFixed(4)).toBe('0.9812');
    expect(wilsonInterval(0, 1)!.low.toNumber()).toBe(0);
  });

  it('has no interval without respondents and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
  });
});

describe('wilsonPercent', () => {
  it.each([
    // The worked example's shares (methodology.md): Q2да/Q1да = 108/120, Q7да/Q6да = 9/12.
    [108, 120, { share: 90, low: 83.33, high: 94.19 }],
    [9, 12, { share: 75, low: 46.77, high: 91.11 }],
    [5, 10, { share: 50, low: 23.66, high: 76.34 }],
    [0, 0, { share: null, low: null, high: null }],
  ])('%i of %i in percent', (x, n, expected) => {
    expect(wilsonPercent(x, n)).toEqual(expected);
  });
});
