// The calculation of a campaign: every included organization through the scoring engine
// (src/domain/scoring, exact decimals, provenance), survey shares with Wilson intervals, the
// shortcomings with their recommendations, ranks and the plain-mean aggregates. Pure: the service
// loads the inputs (inputs.ts, prepare.ts) and stores what this returns.
import { rankOrganizations } from '../../domain/ratings/index.ts';
import { wilsonPercent } from '../../domain/ratings/wilson.ts';
import {
  bandFor,
  provenanceJson,
  roundOrganizationScore,
  scoreOrganization,
  type IndicatorId,
  type MethodologyVersion,
  type OrganizationScore,
  type SurveyCounts,
} from '../../domain/scoring/index.ts';
import { Dec, round2 } from '../../domain/scoring/decimal.ts';
import { deriveShortcomings, type Shortcoming } from '../../domain/shortcomings/index.ts';
import type { ResultRunSettings, StoredAggregate } from '../../db/schema/index.ts';
import { campaignAggregates } from './aggregates.ts';
import type { PreparedOrganization } from './prepare.ts';

export type { CalculationInputsSource, ChecklistFacts, SiteFacts } from './inputs.ts';

export const DEFAULT_SETTINGS: ResultRunSettings = Object.freeze({
  rankBelowSample: false,
  surveyThreshold: 100,
});

export interface ShareValue {
  indicator: IndicatorId;
  question: string;
  /** Denominator: a filter question ("q1") or "respondents" (N). */
  denominator: string;
  yes: number;
  of: number;
  share: number | null;
  low: number | null;
  high: number | null;
}

/** One organization's stored result. */
export interface ComputedOrganization {
  organizationId: number;
  kind: string;
  municipalityId: number;
  indicators: Record<string, number | null>;
  criteria: Record<string, number | null>;
  total: number | null;
  band: string | null;
  counts: Record<string, unknown>;
  provenance: Record<string, unknown>;
  shortcomings: Shortcoming[];
  respondents: number;
  requiredSample: number;
  flaggedResponses: number;
  excludedResponses: number;
  flags: string[];
  ranked: boolean;
  ranks: { kind: number | null; municipality: number | null; region: number | null };
}

export interface Calculation {
  organizations: ComputedOrganization[];
  aggregates: StoredAggregate[];
}

/** Progress of a long calculation (the CLI prints it); may return a promise, which is awaited. */
export type Progress = (event: {
  stage: string;
  done?: number;
  total?: number;
}) => void | Promise<void>;

type ShareSpec = readonly [IndicatorId, keyof SurveyCounts, keyof SurveyCounts];

/** The shares behind survey indicators, with the denominators the methodology chose. */
function shareSpecs(m: MethodologyVersion): ShareSpec[] {
  const f = m.denominators === 'filter';
  return [
    ['1.3', 'q2', f ? 'q1' : 'respondents'],
    ['1.3', 'q4', f ? 'q3' : 'respondents'],
    ['2.3', 'q5', 'respondents'],
    ['3.3', 'q7', 'q6'],
    ['4.1', 'q8', 'respondents'],
    ['4.2', 'q9', 'respondents'],
    ['4.3', 'q11', f ? 'q10' : 'respondents'],
    ['5.1', 'q12', 'respondents'],
    ['5.2', 'q13', 'respondents'],
    ['5.3', 'q14', 'respondents'],
  ];
}

/** The survey shares with their Wilson 95 % intervals (read model; intervals cost a square root). */
export function surveyShares(survey: SurveyCounts, m: MethodologyVersion): ShareValue[] {
  return shareSpecs(m).map(([indicator, yes, of]) => ({
    indicator,
    question: yes,
    denominator: of,
    yes: survey[yes],
    of: survey[of],
    ...wilsonPercent(survey[yes], survey[of]),
  }));
}

/**
 * yes / of × 100 rounded to 2 decimals, half away from zero: exactly round2 of the decimal quotient
 * (decimal.ts snaps the 40-digit quotient to 30 decimals, so a rational x.xx5 rounds up as here),
 * in integer arithmetic — 100 000 Decimal divisions were a tenth of a 10 000-organization run.
 * Numerators below 2^53 / 20 000 only (survey counts); anything larger takes the decimal path.
 */
export function sharePercent2(yes: number, of: number): number {
  if (yes < 0 || of <= 0 || yes * 20_000 + of > Number.MAX_SAFE_INTEGER)
    return round2(new Dec(yes).div(of).times(100));
  // 100·yes/of to 2 decimals = k/100 with k = ⌊(10 000·yes + of/2) / of⌋ = ⌊(20 000·yes + of) / 2of⌋.
  // k / 100 is the double nearest to the decimal k/100, as Number(toFixed(2)) gives.
  return Math.floor((yes * 20_000 + of) / (2 * of)) / 100;
}

/** The shares alone (what shortcomings compare with the threshold), without intervals. */
function plainShares(survey: SurveyCounts, m: MethodologyVersion) {
  return shareSpecs(m).map(([indicator, yes, of]) => ({
    indicator,
    question: yes,
    share: survey[of] === 0 ? null : sharePercent2(survey[yes], survey[of]),
  }));
}

/** provenanceJson plus where the counts came from (sources) and notes on checklist/site indicators. */
function provenanceOf(score: OrganizationScore, p: PreparedOrganization): Record<string, unknown> {
  const base = provenanceJson(score) as { indicators: Record<string, Record<string, unknown>> };
  const indicators = Object.fromEntries(
    Object.entries(base.indicators).map(([id, value]) => {
      const note = p.indicatorNotes[id];
      return [id, note ? { ...value, sourceNote: note } : value];
    }),
  );
  return { ...base, indicators, sources: p.sources };
}

function computeOne(
  p: PreparedOrganization,
  m: MethodologyVersion,
  settings: ResultRunSettings,
): { row: ComputedOrganization; score: OrganizationScore } {
  const score = scoreOrganization(p.input, m);
  const rounded = roundOrganizationScore(score);
  const shortcomings = deriveShortcomings(
    {
      counts: p.input,
      indicators: rounded.indicators,
      missing: p.missing,
      surveyShares: plainShares(p.input.survey, m),
      noChecklist: p.noChecklist,
      noSite: p.noSite,
    },
    { surveyThreshold: settings.surveyThreshold },
  );
  const flags = score.insufficientData ? [...p.flags, 'insufficient_data'] : p.flags;
  const o = p.source;
  return {
    score,
    row: {
      organizationId: o.organizationId,
      kind: o.kind,
      municipalityId: o.municipalityId,
      indicators: rounded.indicators,
      criteria: rounded.criteria,
      total: rounded.total,
      band: bandFor(score.total.value, m.bands)?.label ?? null,
      counts: p.input as unknown as Record<string, unknown>,
      provenance: provenanceOf(score, p),
      shortcomings,
      respondents: o.survey.respondents,
      requiredSample: p.requiredSample,
      flaggedResponses: o.flagged,
      excludedResponses: o.excluded,
      flags,
      ranked: false,
      ranks: { kind: null, municipality: null, region: null },
    },
  };
}

/** Scores, ranks and aggregates every prepared organization. */
export function calculateCampaign(
  prepared: readonly PreparedOrganization[],
  m: MethodologyVersion,
  settings: ResultRunSettings,
  onProgress?: Progress,
): Calculation {
  const computed: { row: ComputedOrganization; score: OrganizationScore }[] = [];
  for (const p of prepared) {
    computed.push(computeOne(p, m, settings));
    if (onProgress && computed.length % 1000 === 0)
      void onProgress({ stage: 'score', done: computed.length, total: prepared.length });
  }
  const placements = rankOrganizations(
    computed.map(({ row }, i) => ({
      id: row.organizationId,
      total: row.total,
      belowSample: prepared[i]!.belowSample,
      kind: row.kind,
      municipality: row.municipalityId,
    })),
    { rankBelowSample: settings.rankBelowSample },
  );
  for (const { row } of computed) {
    const place = placements.get(row.organizationId)!;
    row.ranked = place.ranked;
    row.ranks = place.ranks;
    (row.provenance as Record<string, unknown>).ranking = {
      excludedBecause: place.excludedBecause,
      rankBelowSample: settings.rankBelowSample,
      method:
        'равные опубликованные итоговые баллы делят место, следующее место пропускается (1, 1, 3)',
    };
  }
  const members = computed.map(({ row, score }) => ({ ...row, score }));
  return { organizations: computed.map((c) => c.row), aggregates: campaignAggregates(members) };
}
