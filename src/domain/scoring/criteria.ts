// Criteria K1–K5 and the total S of one organisation (methodology.md "Scales", "Zero denominator").
import { Dec, ZERO, sumDec } from './decimal.ts';
import { CRITERION_IDS, CRITERION_WEIGHTS } from './methodology.ts';
import type { CriterionId, IndicatorId, ZeroDenominatorMode } from './methodology.ts';
import type { IndicatorResult } from './indicators.ts';
import type { CriterionProvenance, TotalProvenance, WeightUse } from './provenance.ts';

export interface CriterionResult {
  id: CriterionId;
  value: Dec | null;
  provenance: CriterionProvenance;
}

export interface TotalResult {
  value: Dec | null;
  provenance: TotalProvenance;
}

/** What a criterion's weights look like for one set of applicable indicators. */
interface CriterionShape {
  parts: readonly { ind: IndicatorId; w: Dec }[];
  weights: readonly WeightUse[];
  weightSum: Dec;
  formula: string;
  note: string | null;
}

/**
 * Shapes by criterion and applicability pattern. Weights are constants of the methodology, so the
 * rescaled weights, their sum and the formula text are the same for every organisation with the
 * same applicable indicators: computed once (a region has a handful of patterns, not 10 000).
 * The shared `weights` arrays are read-only by contract (provenance only reads them).
 */
const shapes = new Map<string, CriterionShape>();

function criterionShape(id: CriterionId, applicable: readonly boolean[]): CriterionShape {
  const key = `${id}:${applicable.map((a) => (a ? 1 : 0)).join('')}`;
  const known = shapes.get(key);
  if (known) return known;
  const all = CRITERION_WEIGHTS[id].map(([ind, w]) => ({ ind, w: new Dec(w) }));
  const parts = all.filter((_, i) => applicable[i]);
  const weightSum = sumDec(parts.map((p) => p.w));
  const weights: WeightUse[] = all.map((p, i) => ({
    indicator: p.ind,
    nominal: p.w,
    effective: applicable[i] ? p.w.div(weightSum) : ZERO,
    applicable: applicable[i]!,
  }));
  const terms = parts.map((p) => `${p.w.toString()} × ${p.ind}`).join(' + ');
  const rescaled = parts.length < all.length;
  const shape: CriterionShape = {
    parts,
    weights,
    weightSum,
    formula: rescaled ? `(${terms}) / ${weightSum.toString()}` : terms,
    note: rescaled ? 'веса пересчитаны на применимые показатели' : null,
  };
  shapes.set(key, shape);
  return shape;
}

/**
 * A criterion is the weighted mean of its applicable indicators, weights rescaled to sum to 1
 * (`Σ wᵢ·Iᵢ / Σ wᵢ` over non-null Iᵢ); null when none applies. In `zero` mode no indicator is null,
 * so the nominal weights (which already sum to 1) are used as they are: "weights are never rescaled".
 */
export function scoreCriterion(
  id: CriterionId,
  indicators: Readonly<Record<IndicatorId, IndicatorResult>>,
  zeroMode: ZeroDenominatorMode,
): CriterionResult {
  const values = CRITERION_WEIGHTS[id].map(([ind]) => indicators[ind].value);
  const shape = criterionShape(
    id,
    values.map((v) => v !== null),
  );
  const { weights } = shape;
  if (shape.parts.length === 0) {
    const provenance = { formula: '—', weights, zeroDenominator: zeroMode, notApplicable: true };
    return {
      id,
      value: null,
      provenance: { ...provenance, note: 'ни один показатель критерия не применим' },
    };
  }
  const present = values.filter((v): v is Dec => v !== null);
  const weighted = sumDec(shape.parts.map((p, i) => p.w.times(present[i]!)));
  return {
    id,
    value: weighted.div(shape.weightSum),
    provenance: {
      formula: shape.formula,
      weights,
      zeroDenominator: zeroMode,
      notApplicable: false,
      note: shape.note,
    },
  };
}

export function scoreCriteria(
  indicators: Readonly<Record<IndicatorId, IndicatorResult>>,
  zeroMode: ZeroDenominatorMode,
): Record<CriterionId, CriterionResult> {
  const entries = CRITERION_IDS.map(
    (id) => [id, scoreCriterion(id, indicators, zeroMode)] as const,
  );
  return Object.fromEntries(entries) as Record<CriterionId, CriterionResult>;
}

/**
 * `S = (K1 + K2 + K3 + K4 + K5) / 5`. If any criterion is null (e.g. no respondents at all) the total
 * is null: the organisation is reported as "insufficient data" and never ranked.
 */
export function scoreTotal(criteria: Readonly<Record<CriterionId, CriterionResult>>): TotalResult {
  const formula = '(K1 + K2 + K3 + K4 + K5) / 5';
  const missing = CRITERION_IDS.filter((id) => criteria[id].value === null);
  if (missing.length > 0) {
    const note = `недостаточно данных: не рассчитаны ${missing.join(', ')}`;
    return { value: null, provenance: { formula, insufficientData: true, note } };
  }
  const values = CRITERION_IDS.map((id) => criteria[id].value ?? ZERO);
  return {
    value: sumDec(values).div(CRITERION_IDS.length),
    provenance: { formula, insufficientData: false, note: null },
  };
}
