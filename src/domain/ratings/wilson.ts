// The Wilson score interval for a proportion (95 %), shown beside every survey share so that a
// reader sees how much a share of 12 respondents can be trusted compared with one of 600.
//
// Formula (Wilson E. B. «Probable inference, the law of succession, and statistical inference»,
// Journal of the American Statistical Association 22 (158), 1927, pp. 209–212; method 3 in
// Newcombe R. G. «Two-sided confidence intervals for the single proportion: comparison of seven
// methods», Statistics in Medicine 17, 1998, pp. 857–872), for x successes of n, p = x / n and
// z = Φ⁻¹(0.975):
//
//   centre = (p + z² / (2n)) / (1 + z² / n)
//   half   = z / (1 + z² / n) × √( p (1 − p) / n + z² / (4n²) )
//   interval = [centre − half, centre + half]
//
// Unlike the normal («Wald») interval it never leaves [0, 1] and is not degenerate at x = 0 or x = n.
// Computed in decimal arithmetic (the scoring engine's Dec); bounds are clamped to [0, 1] against
// the last-digit error of the square root, and are exactly 0 at x = 0 and exactly 1 at x = n.
import { Dec as ScoreDec, round2 } from '../scoring/decimal.ts';

/**
 * 24 significant digits: the bounds are shown in percent with 2 decimals, and a square root at the
 * engine's 40 digits costs several times more (thousands of shares per campaign).
 */
const Dec = ScoreDec.clone({ precision: 24 });
type Dec = InstanceType<typeof Dec>;

/** Φ⁻¹(0.975), the two-sided 95 % normal quantile, to 16 significant digits. */
export const Z_95 = '1.959963984540054';

export interface WilsonInterval {
  /** Lower and upper bound as proportions 0…1 (unrounded decimals). */
  low: Dec;
  high: Dec;
}

/** Wilson interval of x successes out of n (n ≥ 1, 0 ≤ x ≤ n); null when n = 0. */
export function wilsonInterval(x: number, n: number, z: string = Z_95): WilsonInterval | null {
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(n) || x < 0 || n < 0 || x > n)
    throw new RangeError(`wilsonInterval: нужно 0 ≤ x ≤ n, целые (x = ${x}, n = ${n})`);
  if (n === 0) return null;
  const zd = new Dec(z);
  const z2 = zd.times(zd);
  const p = new Dec(x).div(n);
  const denominator = z2.div(n).plus(1);
  const centre = p.plus(z2.div(2 * n)).div(denominator);
  const spread = p
    .times(new Dec(1).minus(p))
    .div(n)
    .plus(z2.div(new Dec(4).times(n).times(n)))
    .sqrt();
  const half = zd.div(denominator).times(spread);
  const clamp = (v: Dec): Dec => Dec.max(0, Dec.min(1, v));
  // At x = 0 (x = n) the lower (upper) bound is exactly 0 (1); the square root would leave ~1e-40.
  return {
    low: x === 0 ? new Dec(0) : clamp(centre.minus(half)),
    high: x === n ? new Dec(1) : clamp(centre.plus(half)),
  };
}

/** The share and its interval in percent, rounded to 2 decimals (null bounds when n = 0). */
export function wilsonPercent(
  x: number,
  n: number,
): { share: number | null; low: number | null; high: number | null } {
  const interval = wilsonInterval(x, n);
  if (!interval) return { share: null, low: null, high: null };
  return {
    share: round2(new Dec(x).div(n).times(100)),
    low: round2(interval.low.times(100)),
    high: round2(interval.high.times(100)),
  };
}
