// A realistic CampaignResults for the dashboards, built without a database: organizations in a few
// municipalities and kinds, scored by the real engine (src/domain/scoring scoreOrganization), ranked
// by src/domain/ratings and with shortcomings from the real catalogue (src/domain/shortcomings),
// so every number the charts show is true. Two years of the same organizations give a
// year-over-year comparison. Used by the tests of this folder and by the performance measurement.
import {
  aggregateScores,
  bandFor,
  DEFAULT_METHODOLOGY,
  INDICATOR_IDS,
  provenanceJson,
  round2OrNull,
  roundAggregate,
  roundOrganizationScore,
  scoreOrganization,
} from '../../domain/scoring/index.ts';
import { sumDec } from '../../domain/scoring/decimal.ts';
import type { OrganizationKind, OrganizationScore, Dec } from '../../domain/scoring/index.ts';
import { rankOrganizations, wilsonPercent } from '../../domain/ratings/index.ts';
import { deriveShortcomings } from '../../domain/shortcomings/index.ts';
import type {
  AggregateResult,
  CampaignResults,
  OrganizationResult,
  SurveyShare,
} from '../results/results.schema.ts';
import {
  fixtureMunicipalities,
  fixtureOrganizations,
  type FixtureOrganization,
} from './fixture-inputs.ts';
import { KIND_GROUP_TITLES } from './labels.ts';

export interface DashboardsFixtureOptions {
  /** Number of organizations (default 24). */
  organizations?: number;
  municipalities?: number;
  kinds?: readonly OrganizationKind[];
  campaignId?: number;
  year?: number;
  /** Shift of every satisfaction share (see fixture-inputs.ts). */
  drift?: number;
  runStatus?: 'current' | 'frozen' | 'superseded';
}

export const FIXTURE_REGION = 'Приозёрская область';

/** Survey shares: indicator, numerator question, filter question (null: all respondents). */
const SHARES: readonly [SurveyShare['indicator'], string, string | null][] = [
  ['1.3', 'q2', 'q1'],
  ['1.3', 'q4', 'q3'],
  ['2.3', 'q5', null],
  ['3.3', 'q7', 'q6'],
  ['4.1', 'q8', null],
  ['4.2', 'q9', null],
  ['4.3', 'q11', 'q10'],
  ['5.1', 'q12', null],
  ['5.2', 'q13', null],
  ['5.3', 'q14', null],
];

function surveyShares(org: FixtureOrganization): SurveyShare[] {
  const s = org.input.survey as unknown as Record<string, number>;
  return SHARES.map(([indicator, question, filter]) => {
    const yes = s[question] ?? 0;
    const of = filter ? (s[filter] ?? 0) : org.input.survey.respondents;
    return { indicator, question, yes, of, ...wilsonPercent(yes, of) };
  });
}

interface Scored {
  org: FixtureOrganization;
  score: OrganizationScore;
}

function organizationResult({ org, score }: Scored): OrganizationResult {
  const rounded = roundOrganizationScore(score);
  const shares = surveyShares(org);
  const respondents = org.input.survey.respondents;
  return {
    organizationId: org.organizationId,
    inn: org.inn,
    shortName: org.shortName,
    fullName: org.fullName,
    kind: org.kind,
    municipalityId: org.municipality.id,
    municipalityName: org.municipality.name,
    founderName: `Администрация: ${org.municipality.name}`,
    indicators: rounded.indicators,
    criteria: rounded.criteria,
    total: rounded.total,
    band: bandFor(score.total.value, DEFAULT_METHODOLOGY.bands)?.label ?? null,
    respondents,
    requiredSample: org.requiredSample,
    belowSample: respondents < org.requiredSample,
    flaggedResponses: 0,
    excludedResponses: 0,
    ranked: false,
    ranks: { kind: null, municipality: null, region: null },
    counts: org.input as unknown as Record<string, unknown>,
    surveyShares: shares,
    shortcomings: deriveShortcomings(
      {
        counts: org.input,
        indicators: rounded.indicators,
        missing: org.missing,
        surveyShares: shares,
      },
      // Only shares below 80 % make the fixture's gap list; the default threshold is 100 %.
      { surveyThreshold: 80 },
    ),
    provenance: provenanceJson(score),
    councilProposals: null,
  };
}

function withRanks(rows: OrganizationResult[]): OrganizationResult[] {
  const placements = rankOrganizations(
    rows.map((r) => ({
      id: r.organizationId,
      total: r.total,
      belowSample: r.belowSample,
      kind: r.kind,
      municipality: r.municipalityId,
    })),
  );
  return rows.map((r) => {
    const p = placements.get(r.organizationId)!;
    return { ...r, ranked: p.ranked, ranks: p.ranks };
  });
}

function aggregate(
  level: AggregateResult['level'],
  key: string,
  name: string,
  scores: readonly OrganizationScore[],
): AggregateResult {
  const agg = aggregateScores(scores);
  const rated = scores.filter((s) => s.total.value !== null);
  const indicators = Object.fromEntries(
    INDICATOR_IDS.map((id) => {
      const values = rated.map((s) => s.indicators[id].value).filter((v): v is Dec => v !== null);
      return [id, round2OrNull(values.length ? sumDec(values).div(values.length) : null)];
    }),
  ) as AggregateResult['indicators'];
  const rounded = roundAggregate(agg);
  return { level, key, name, organizations: agg.count, indicators, ...rounded };
}

function aggregates(scored: readonly Scored[]): AggregateResult[] {
  const groups = (keyOf: (s: Scored) => string) => {
    const map = new Map<string, Scored[]>();
    for (const s of scored) map.set(keyOf(s), [...(map.get(keyOf(s)) ?? []), s]);
    return [...map];
  };
  return [
    aggregate(
      'region',
      'region',
      FIXTURE_REGION,
      scored.map((s) => s.score),
    ),
    ...groups((s) => String(s.org.municipality.id)).map(([key, list]) =>
      aggregate(
        'municipality',
        key,
        list[0]!.org.municipality.name,
        list.map((s) => s.score),
      ),
    ),
    ...groups((s) => s.org.kind).map(([key, list]) =>
      aggregate(
        'kind',
        key,
        KIND_GROUP_TITLES[key] ?? key,
        list.map((s) => s.score),
      ),
    ),
  ];
}

/** Results of one fixture campaign (by default: campaign 31, year 2026, frozen run 1). */
export function dashboardsFixture(options: DashboardsFixtureOptions = {}): CampaignResults {
  const year = options.year ?? 2026;
  const campaignId = options.campaignId ?? 31;
  const orgs = fixtureOrganizations({
    count: options.organizations ?? 24,
    municipalities: fixtureMunicipalities(options.municipalities ?? 3),
    kinds: options.kinds ?? ['preschool', 'school', 'additional', 'vocational'],
    year,
    drift: options.drift ?? 0,
  });
  const scored = orgs.map((org) => ({ org, score: scoreOrganization(org.input) }));
  const status = options.runStatus ?? 'frozen';
  return {
    campaign: {
      id: campaignId,
      title: `НОК УООД ${year} года`,
      year,
      regionName: FIXTURE_REGION,
      status: 'completed',
    },
    run: {
      id: campaignId * 10 + 1,
      campaignId,
      version: 1,
      status,
      methodology: JSON.parse(JSON.stringify(DEFAULT_METHODOLOGY)) as Record<string, unknown>,
      inputsDigest: `fixture-${year}`,
      computedAt: `${year}-11-10T09:30:00.000Z`,
      frozenAt: status === 'frozen' ? `${year}-11-12T12:00:00.000Z` : null,
      frozenBasis: status === 'frozen' ? `Протокол № 4 от 12.11.${year}` : null,
    },
    bands: DEFAULT_METHODOLOGY.bands.map((b) => ({ label: b.label, above: b.above })),
    organizations: withRanks(scored.map(organizationResult)),
    aggregates: aggregates(scored),
  };
}
