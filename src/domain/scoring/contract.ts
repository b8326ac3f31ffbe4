// The output of `noko score` (methodology.md "Contract: noko score"): rounded scores per organisation
// and their aggregate; optionally the provenance of every number and the methodology version.
import { aggregateScores, roundAggregate } from './aggregate.ts';
import type { AggregateScore, RoundedAggregate } from './aggregate.ts';
import type { Dec } from './decimal.ts';
import type { ScoreRequest } from './input.schema.ts';
import { CRITERION_IDS, INDICATOR_IDS } from './methodology.ts';
import type { MethodologyVersion } from './methodology.ts';
import type { WeightUse } from './provenance.ts';
import { roundOrganizationScore, scoreOrganization } from './organization.ts';
import type { OrganizationScore, RoundedScore } from './organization.ts';

export interface BatchScore {
  methodology: MethodologyVersion;
  organizations: OrganizationScore[];
  aggregate: AggregateScore;
}

export interface ScoreOutput {
  organizations: RoundedScore[];
  aggregate: RoundedAggregate;
}

/** Scores every organisation of a validated request and their aggregate. */
export function scoreBatch(request: ScoreRequest): BatchScore {
  const organizations = request.organizations.map((org) =>
    scoreOrganization(org, request.methodology),
  );
  return {
    methodology: request.methodology,
    organizations,
    aggregate: aggregateScores(organizations),
  };
}

/** Exactly the contract shape: rounded numbers, null for not applicable, nothing else. */
export function contractOutput(batch: BatchScore): ScoreOutput {
  return {
    organizations: batch.organizations.map(roundOrganizationScore),
    aggregate: roundAggregate(batch.aggregate),
  };
}

/** Weights are shown with 6 decimals: enough to recompute a criterion to the cent. */
const weight = (d: Dec): number => d.toDecimalPlaces(6).toNumber();
const unrounded = (d: Dec | null): string | null => (d === null ? null : d.toString());

/** Rounded weights per (shared, read-only) weights array of src/domain/scoring/criteria.ts. */
const weightsCache = new WeakMap<readonly WeightUse[], readonly Record<string, unknown>[]>();

function weightsJson(weights: readonly WeightUse[]): readonly Record<string, unknown>[] {
  let json = weightsCache.get(weights);
  if (!json) {
    json = weights.map((w) => ({
      ...w,
      nominal: weight(w.nominal),
      effective: weight(w.effective),
    }));
    weightsCache.set(weights, json);
  }
  return json;
}

/** Provenance of one organisation as plain JSON (decimals as unrounded strings, weights rounded). */
export function provenanceJson(score: OrganizationScore): Record<string, unknown> {
  const indicators = Object.fromEntries(
    INDICATOR_IDS.map((id) => {
      const r = score.indicators[id];
      return [id, { ...r.provenance, unrounded: unrounded(r.value) }];
    }),
  );
  const criteria = Object.fromEntries(
    CRITERION_IDS.map((id) => {
      const c = score.criteria[id];
      return [
        id,
        {
          ...c.provenance,
          weights: weightsJson(c.provenance.weights),
          unrounded: unrounded(c.value),
        },
      ];
    }),
  );
  const total = { ...score.total.provenance, unrounded: unrounded(score.total.value) };
  return { indicators, criteria, total };
}

/** The contract output plus `methodology` and per-organisation `provenance` (`--provenance`). */
export function outputWithProvenance(
  batch: BatchScore,
): ScoreOutput & { methodology: MethodologyVersion } {
  const base = contractOutput(batch);
  const organizations = base.organizations.map((o, i) => {
    const score = batch.organizations[i];
    return score
      ? { ...o, insufficientData: score.insufficientData, provenance: provenanceJson(score) }
      : o;
  });
  const aggregate = {
    ...base.aggregate,
    count: batch.aggregate.count,
    excluded: batch.aggregate.excluded,
  };
  return { methodology: batch.methodology, organizations, aggregate };
}
