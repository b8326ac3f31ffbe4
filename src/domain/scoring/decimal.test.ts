import { describe, expect, it } from 'vitest';
import { Dec, format2, ratio, round2, round2OrNull, sumDec } from './decimal.ts';

describe('round2: 2 decimals, half away from zero, in decimal arithmetic', () => {
  it.each([
    ['85', 85],
    ['84.444', 84.44],
    ['84.445', 84.45],
    ['0.005', 0.01],
    ['1.005', 1.01], // 1.005 is 1.00499999999999989… as a binary float
    ['2.675', 2.68], // 2.67499999999999982… as a binary float
    ['99.995', 100],
    ['99.994999', 99.99],
    ['-0.005', -0.01],
    ['-1.005', -1.01],
    ['-2.675', -2.68],
    ['-84.444', -84.44],
    ['0', 0],
  ])('%s → %d', (input, expected) => {
    expect(round2(input)).toBe(expected);
  });

  it('is symmetric around zero', () => {
    for (const v of ['0.125', '3.335', '10.4449', '7.777']) {
      expect(round2(`-${v}`)).toBe(-round2(v));
    }
  });

  it('0.5 × (0.9 + 0.8) × 100 prints 85.00', () => {
    const value = new Dec('0.5').times(new Dec('0.9').plus('0.8')).times(100);
    expect(format2(value)).toBe('85.00');
    expect(round2(value)).toBe(85);
    expect(0.5 * (0.9 + 0.8) * 100).not.toBe(85); // what binary floats would give
  });

  it('a repeating quotient whose exact value ends in 5 still rounds away from zero', () => {
    // (0.4 × 9/112 × 100 + 0.4 × 12/112 × 100) / 0.8 = 9.375 exactly; in 40 digits 9.37499…98.
    const x = ratio(9, 112).times(100).times('0.4');
    const y = ratio(12, 112).times(100).times('0.4');
    const k = x.plus(y).div('0.8');
    expect(k.lt('9.375')).toBe(true);
    expect(round2(k)).toBe(9.38);
  });

  it('format2 always shows two decimals', () => {
    expect(format2(0)).toBe('0.00');
    expect(format2('62.25')).toBe('62.25');
    expect(format2('79.7799')).toBe('79.78');
  });

  it('round2OrNull keeps null', () => {
    expect(round2OrNull(null)).toBeNull();
    expect(round2OrNull(new Dec('1.234'))).toBe(1.23);
  });

  it('sumDec does not depend on the order of its terms', () => {
    const values = [ratio(1, 3), ratio(2, 7).times(100), ratio(5, 11).times(90), ratio(1, 6)];
    const forward = sumDec(values);
    const backward = sumDec([...values].reverse());
    expect(forward.eq(backward)).toBe(true);
  });
});
