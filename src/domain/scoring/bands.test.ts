import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { bandFor, validateBands } from './bands.ts';
import { Dec } from './decimal.ts';

describe('bandFor (default bands, by the value rounded to 2 decimals)', () => {
  it.each([
    [100, 'отлично'],
    [81, 'отлично'],
    [80.5, 'отлично'],
    [80.01, 'отлично'],
    ['80.005', 'отлично'], // shown as 80.01
    ['80.004', 'хорошо'], // shown as 80.00
    [80, 'хорошо'],
    [61, 'хорошо'],
    [60.01, 'хорошо'],
    [60, 'удовлетворительно'],
    [41, 'удовлетворительно'],
    [40, 'неудовлетворительно'],
    [21, 'неудовлетворительно'],
    [20.001, 'плохо'], // shown as 20.00
    [20, 'плохо'],
    [0, 'плохо'],
  ])('%s → %s', (value, label) => {
    expect(bandFor(new Dec(value))?.label).toBe(label);
  });

  it('null (insufficient data) has no band', () => {
    expect(bandFor(null)).toBeNull();
  });

  it('custom bands', () => {
    const bands = [
      { label: 'высокий', above: 70 },
      { label: 'низкий', above: null },
    ];
    expect(bandFor(70.01, bands)?.label).toBe('высокий');
    expect(bandFor(70, bands)?.label).toBe('низкий');
  });

  it.each([
    [[]],
    [[{ label: 'a', above: 10 }]],
    [
      [
        { label: 'a', above: 10 },
        { label: 'b', above: 20 },
        { label: 'c', above: null },
      ],
    ],
    [
      [
        { label: '', above: 10 },
        { label: 'c', above: null },
      ],
    ],
    [
      [
        { label: 'a', above: null },
        { label: 'c', above: null },
      ],
    ],
  ])('rejects %o', (bands) => {
    expect(() => validateBands(bands)).toThrow(AppError);
  });
});
