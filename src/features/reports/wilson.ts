// The Wilson score interval of a survey share (Wilson, 1927), in percent. A local helper for the
// report fixture and for interval text: the calculation service publishes `surveyShares` with its
// own bounds (results.schema.ts), which the documents print as they are.
import { Dec, round2 } from '../../domain/scoring/index.ts';

/** 1.96: the two-sided 95 % normal quantile. */
export const Z95 = 1.96;

export interface WilsonShare {
  share: number;
  low: number;
  high: number;
}

/**
 * Share `yes / n × 100` (exact decimal, rounded half away from zero) with the Wilson interval
 * `(p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n)`; null when nobody was asked (n = 0).
 */
export function wilsonInterval(yes: number, n: number, z = Z95): WilsonShare | null {
  if (n <= 0) return null;
  const p = yes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denominator = 1 + z2 / n;
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  return {
    share: round2(new Dec(yes).div(n).times(100)),
    low: round2(clamp(((centre - margin) / denominator) * 100)),
    high: round2(clamp(((centre + margin) / denominator) * 100)),
  };
}
