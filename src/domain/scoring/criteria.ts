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
  const parts = CRITERION_WEIGHTS[id].map(([ind, w]) => ({
    ind,
    w: new Dec(w),
    v: indicators[ind].value,
  }));
  const applicable = parts.filter((p) => p.v !== null);
  const weightSum = sumDec(applicable.map((p) => p.w));
  const weights: WeightUse[] = parts.map((p) => ({
    indicator: p.ind,
    nominal: p.w,
    effective: p.v === null ? ZERO : p.w.div(weightSum),
    applicable: p.v !== null,
  }));
  const terms = applicable.map((p) => `${p.w.toString()} × ${p.ind}`).join(' + ');
  if (applicable.length === 0) {
    const provenance = { formula: '—', weights, zeroDenominator: zeroMode, notApplicable: true };
    return {
      id,
      value: null,
      provenance: { ...provenance, note: 'ни один показатель критерия не применим' },
    };
  }
  const weighted = sumDec(applicable.map((p) => p.w.times(p.v ?? ZERO)));
  const rescaled = applicable.length < parts.length;
  const formula = rescaled ? `(${terms}) / ${weightSum.toString()}` : terms;
  const note = rescaled ? 'веса пересчитаны на применимые показатели' : null;
  return {
    id,
    value: weighted.div(weightSum),
    provenance: { formula, weights, zeroDenominator: zeroMode, notApplicable: false, note },
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
