// Stored rows → the read model of results.schema.ts (what pages, dashboards, documents and the
// public portal read).
import type { ResultRunRow, StoredAggregate } from '../../db/schema/index.ts';
import type { Shortcoming } from '../../domain/shortcomings/index.ts';
import {
  methodologyVersion,
  type MethodologyOverrides,
  type SurveyCounts,
} from '../../domain/scoring/index.ts';
import { surveyShares } from './calculate.ts';
import { unpackProvenance, unpackShortcomings } from './pack.ts';
import type { RunOrganizationRow } from './results.repo.ts';
import {
  KIND_GROUP_TITLES,
  type AggregateResult,
  type OrganizationResult,
  type ResultRun,
} from './results.schema.ts';

export function toResultRun(r: ResultRunRow): ResultRun {
  return {
    id: r.id,
    campaignId: r.campaignId,
    version: r.version,
    status: r.status,
    methodology: r.methodology,
    inputsDigest: r.inputsDigest,
    computedAt: r.computedAt.toISOString(),
    frozenAt: r.frozenAt ? r.frozenAt.toISOString() : null,
    frozenBasis: r.frozenBasis,
    decisionNumber: r.decisionNumber,
    decisionDate: r.decisionDate,
    computedBy: r.computedBy,
    organizations: r.organizations,
    settings: r.settings,
  };
}

/** A stored row and its run: shortcomings and provenance are unpacked, survey shares computed. */
export function toOrganizationResult(r: RunOrganizationRow, run: ResultRunRow): OrganizationResult {
  const counts = r.counts as { survey?: SurveyCounts };
  const methodology = methodologyVersion(run.methodology as MethodologyOverrides);
  return {
    organizationId: r.organizationId,
    inn: r.inn,
    shortName: r.shortName,
    fullName: r.fullName,
    kind: r.kind,
    municipalityId: r.municipalityId,
    municipalityName: r.municipalityName,
    founderName: r.founderName,
    indicators: r.indicators as OrganizationResult['indicators'],
    criteria: r.criteria as OrganizationResult['criteria'],
    total: r.total,
    band: r.band,
    respondents: r.respondents,
    requiredSample: r.requiredSample,
    belowSample: r.flags.includes('below_sample'),
    flaggedResponses: r.flaggedResponses,
    excludedResponses: r.excludedResponses,
    ranked: r.ranked,
    ranks: { kind: r.rankKind, municipality: r.rankMunicipality, region: r.rankRegion },
    counts: r.provenance === null ? {} : r.counts,
    // Wilson intervals cost a square root each: computed for detailed reads only.
    surveyShares:
      r.provenance !== null && counts.survey ? surveyShares(counts.survey, methodology) : [],
    shortcomings: unpackShortcomings(r.shortcomings, run.fragments).map(contractShortcoming),
    provenance: r.provenance === null ? {} : unpackProvenance(r.provenance, run.fragments),
    councilProposals: r.councilProposals,
    flags: r.flags,
  };
}

/** Exactly the contract's fields (the stored subject/detail split is an implementation detail). */
function contractShortcoming(s: Shortcoming): OrganizationResult['shortcomings'][number] {
  return {
    code: s.code,
    indicator: s.indicator,
    source: s.source,
    title: s.title,
    recommendation: s.recommendation,
    legalBasis: s.legalBasis,
    value: s.value,
  };
}

export function toAggregate(
  a: StoredAggregate,
  names: { region: string; municipalities: ReadonlyMap<number, string> },
): AggregateResult {
  const name =
    a.level === 'region'
      ? names.region
      : a.level === 'municipality'
        ? (names.municipalities.get(Number(a.key)) ?? `Муниципалитет ${a.key}`)
        : (KIND_GROUP_TITLES[a.key] ?? a.key);
  return {
    level: a.level,
    key: a.key,
    name,
    organizations: a.organizations,
    indicators: a.indicators as AggregateResult['indicators'],
    criteria: a.criteria as AggregateResult['criteria'],
    total: a.total,
  };
}
