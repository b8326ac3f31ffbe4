// Provenance: methodology.md "Every number the engine produces must be traceable". Each indicator
// records the counts it used, its formula as text, the switch values that shaped it and, when it is
// not applicable, why; each criterion records the weights actually applied after rescaling.
import type { DenominatorMode, IndicatorId, ZeroDenominatorMode } from './methodology.ts';
import type { Dec } from './decimal.ts';

/** Where the counts of an indicator come from. */
export type IndicatorSource = 'checklist' | 'checklist+site' | 'survey';

/** The switch values that mattered for one indicator (absent = the switch played no role). */
export interface IndicatorVariant {
  denominators?: DenominatorMode;
  zeroDenominator?: ZeroDenominatorMode;
  /** A count at or above the cap was scored as 100 (1.2: more than 3; 2.1/3.1/3.2: 5 or more). */
  capped?: boolean;
  /** 1.3 filter mode with one unused channel: which half alone made the indicator (exclude mode). */
  halfOnly?: 'stand' | 'site';
}

export interface IndicatorProvenance {
  indicator: IndicatorId;
  source: IndicatorSource;
  /** Named counts, e.g. `{ q2: 108, q1: 120 }`. */
  inputs: Readonly<Record<string, number>>;
  /** The formula as applied, e.g. "0.5 × (Q2да/Q1да + Q4да/Q3да) × 100". */
  formula: string;
  variant: IndicatorVariant;
  notApplicable: boolean;
  /** Russian explanation when not applicable, or when a zero denominator was counted as 0. */
  note: string | null;
}

export interface WeightUse {
  indicator: IndicatorId;
  /** Weight in the methodology (Mintrud order 344н). */
  nominal: Dec;
  /** Weight applied: rescaled over applicable indicators (exclude mode); 0 for null indicators. */
  effective: Dec;
  applicable: boolean;
}

export interface CriterionProvenance {
  formula: string;
  weights: readonly WeightUse[];
  zeroDenominator: ZeroDenominatorMode;
  notApplicable: boolean;
  note: string | null;
}

export interface TotalProvenance {
  formula: string;
  /** "Insufficient data": some criterion is null, the organisation is never ranked. */
  insufficientData: boolean;
  note: string | null;
}
