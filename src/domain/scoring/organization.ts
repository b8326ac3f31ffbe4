// Scoring one organisation: indicators → criteria → total, with provenance and the methodology
// version the result was computed with (methodology.md: results store their version).
import { AppError } from '../errors.ts';
import { round2OrNull } from './decimal.ts';
import type { Dec } from './decimal.ts';
import { scoreCriteria, scoreTotal } from './criteria.ts';
import type { CriterionResult, TotalResult } from './criteria.ts';
import { scoreIndicators } from './indicators.ts';
import type { IndicatorResult } from './indicators.ts';
import { organizationIssues } from './input.ts';
import type { OrganizationInput, OrganizationKind } from './input.ts';
import { CRITERION_IDS, DEFAULT_METHODOLOGY, INDICATOR_IDS } from './methodology.ts';
import type { CriterionId, IndicatorId, MethodologyVersion } from './methodology.ts';

export interface OrganizationScore {
  id: string;
  kind: OrganizationKind;
  indicators: Readonly<Record<IndicatorId, IndicatorResult>>;
  criteria: Readonly<Record<CriterionId, CriterionResult>>;
  total: TotalResult;
  /** True when the total is null: reported as "insufficient data", never ranked. */
  insufficientData: boolean;
  methodology: MethodologyVersion;
}

/** Rounded values for display and export (2 decimals, half away from zero; null = not applicable). */
export interface RoundedScore {
  id: string;
  indicators: Record<IndicatorId, number | null>;
  criteria: Record<CriterionId, number | null>;
  total: number | null;
}

/**
 * Scores one organisation. The input must satisfy the rules of organizationIssues (the CLI and the
 * campaign pipeline validate first); impossible counts throw AppError(validation) rather than
 * producing a number outside 0–100.
 */
export function scoreOrganization(
  org: OrganizationInput,
  methodology: MethodologyVersion = DEFAULT_METHODOLOGY,
): OrganizationScore {
  const issues = organizationIssues(org, org.id);
  if (issues.length > 0) {
    const text = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw AppError.validation(`Неверные данные организации: ${text}`, issues);
  }
  const indicators = scoreIndicators(org, methodology);
  const criteria = scoreCriteria(indicators, methodology.zeroDenominator);
  const total = scoreTotal(criteria);
  return {
    id: org.id,
    kind: org.kind,
    indicators,
    criteria,
    total,
    insufficientData: total.value === null,
    methodology,
  };
}

function roundRecord<K extends string>(
  ids: readonly K[],
  value: (id: K) => Dec | null,
): Record<K, number | null> {
  return Object.fromEntries(ids.map((id) => [id, round2OrNull(value(id))])) as Record<
    K,
    number | null
  >;
}

/** The organisation's scores rounded for output, in the shape of the `noko score` contract. */
export function roundOrganizationScore(score: OrganizationScore): RoundedScore {
  return {
    id: score.id,
    indicators: roundRecord(INDICATOR_IDS, (id) => score.indicators[id].value),
    criteria: roundRecord(CRITERION_IDS, (id) => score.criteria[id].value),
    total: round2OrNull(score.total.value),
  };
}
