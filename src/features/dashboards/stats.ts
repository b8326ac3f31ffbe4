// Small exact computations of the dashboards in decimal arithmetic (methodology.md "Rounding": two
// decimals, half away from zero), so that a mean or a change never prints 2.4000000000000057.
import { Dec, round2 } from '../../domain/scoring/index.ts';
import { sumDec } from '../../domain/scoring/decimal.ts';

/** Plain mean of the non-null values, rounded; null when there are none. */
export function meanOf(values: readonly (number | null | undefined)[]): number | null {
  const present = values.filter((v): v is number => typeof v === 'number');
  if (present.length === 0) return null;
  return round2(sumDec(present.map((v) => new Dec(v))).div(present.length));
}

/** `to − from`, exact on the published values; null when either is missing. */
export function change(from: number | null, to: number | null): number | null {
  if (from === null || to === null) return null;
  return round2(new Dec(to).minus(from));
}

/** Share of `part` in `whole` in percent (2 decimals); null for an empty whole. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : round2(new Dec(part).div(whole).times(100));
}
