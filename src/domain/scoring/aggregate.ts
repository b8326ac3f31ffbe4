// Aggregates over organisations (methodology.md "Scales"): the total of a municipality, region or
// organisation type is the plain mean of its organisations' totals, and each criterion likewise,
// over organisations assessed in the campaign. Organisations with a null total ("insufficient
// data") are left out of every mean, so all means are over the same set of organisations.
import { round2OrNull, sumDec } from './decimal.ts';
import type { Dec } from './decimal.ts';
import { CRITERION_IDS } from './methodology.ts';
import type { CriterionId } from './methodology.ts';
import type { OrganizationScore } from './organization.ts';

export interface AggregateScore {
  /** Organisations averaged (non-null total). */
  count: number;
  /** Ids left out for insufficient data, sorted. */
  excluded: string[];
  criteria: Record<CriterionId, Dec | null>;
  /** Null when no organisation of the group has a total. */
  total: Dec | null;
}

export interface RoundedAggregate {
  criteria: Record<CriterionId, number | null>;
  total: number | null;
}

/** Plain mean; null for an empty list. sumDec adds in a canonical order, so order never matters. */
function mean(values: readonly Dec[]): Dec | null {
  return values.length === 0 ? null : sumDec(values).div(values.length);
}

/** Plain means of criteria and totals over the organisations whose total is not null. */
export function aggregateScores(scores: readonly OrganizationScore[]): AggregateScore {
  const rated = scores.filter((s) => s.total.value !== null);
  const criterionMean = (id: CriterionId): Dec | null =>
    mean(rated.map((s) => s.criteria[id].value).filter((v): v is Dec => v !== null));
  return {
    count: rated.length,
    excluded: scores
      .filter((s) => s.total.value === null)
      .map((s) => s.id)
      .sort(),
    criteria: Object.fromEntries(CRITERION_IDS.map((id) => [id, criterionMean(id)])) as Record<
      CriterionId,
      Dec | null
    >,
    total: mean(rated.map((s) => s.total.value).filter((v): v is Dec => v !== null)),
  };
}

/**
 * Aggregates per group (municipality, region, kind…): `groupOf` names the group of an organisation,
 * e.g. `(s) => s.kind` or a lookup of its municipality. Groups come back sorted by key.
 */
export function aggregateBy(
  scores: readonly OrganizationScore[],
  groupOf: (score: OrganizationScore) => string,
): Map<string, AggregateScore> {
  const groups = new Map<string, OrganizationScore[]>();
  for (const s of scores) {
    const key = groupOf(s);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const keys = [...groups.keys()].sort();
  return new Map(keys.map((k) => [k, aggregateScores(groups.get(k) ?? [])]));
}

export function roundAggregate(agg: AggregateScore): RoundedAggregate {
  const criteria = Object.fromEntries(
    CRITERION_IDS.map((id) => [id, round2OrNull(agg.criteria[id])]),
  );
  return {
    criteria: criteria as Record<CriterionId, number | null>,
    total: round2OrNull(agg.total),
  };
}
