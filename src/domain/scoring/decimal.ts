// Decimal arithmetic for scores. methodology.md "Rounding": keep unrounded values, round only for
// display and export, to 2 decimals, half away from zero, in decimal arithmetic — so that
// 0.5 × (0.9 + 0.8) × 100 prints 85.00 and never 85.00000000000001 as binary floats would.
import { Decimal as DecimalJs } from 'decimal.js';

/**
 * A private Decimal constructor: 40 significant digits, ROUND_HALF_UP (decimal.js: "rounds towards
 * nearest neighbour; if equidistant, rounds away from zero"). Cloned so that nobody else's global
 * Decimal configuration can change our results.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const HUNDRED = new Dec(100);

export function dec(value: number | string | Dec): Dec {
  return new Dec(value);
}

/** `num / den` as an exact-as-possible decimal; callers decide what a zero denominator means. */
export function ratio(num: number | Dec, den: number | Dec): Dec {
  return new Dec(num).div(den);
}

/** Smallest of two decimals. */
export function minDec(a: Dec, b: Dec): Dec {
  return a.lte(b) ? a : b;
}

/**
 * Sum that does not depend on the order of its terms: with 40 significant digits an addition may
 * round its last digit, so we add in a canonical (ascending) order. Aggregates rely on this.
 */
export function sumDec(values: readonly Dec[]): Dec {
  return [...values].sort((a, b) => a.comparedTo(b)).reduce((acc, v) => acc.plus(v), ZERO);
}

/**
 * A quotient like 2/3 carries an error in its 40th digit; a value that is exactly x.xx5 in
 * rational terms could then come out as x.xx4999…9 and round down. Snapping to 30 decimals first
 * removes that error (it is ~1e-38) while no real score with counts below 10^12 lies that close to
 * a half-cent boundary without being on it.
 */
function snap(value: Dec): Dec {
  return value.toDecimalPlaces(30, Dec.ROUND_HALF_UP);
}

/** Rounds to 2 decimals, half away from zero (symmetric for negatives), as a decimal. */
export function round2Dec(value: Dec): Dec {
  return snap(value).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Rounds to 2 decimals, half away from zero, for output: 84.435 → 84.44, -0.005 → -0.01. */
export function round2(value: Dec | number | string): number {
  return Number(round2Dec(new Dec(value)).toFixed(2));
}

/** Output number or null (null means "not applicable"). */
export function round2OrNull(value: Dec | null): number | null {
  return value === null ? null : round2(value);
}

/** Display text with exactly two decimals: 85 → "85.00". */
export function format2(value: Dec | number | string): string {
  return round2Dec(new Dec(value)).toFixed(2);
}
