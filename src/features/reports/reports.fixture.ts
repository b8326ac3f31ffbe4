// A realistic CampaignResults for the documents and exports, built without a database: 30
// organizations (by default) in 3 municipalities and 3 kinds, scored by the real engine
// (src/domain/scoring scoreOrganization), so every printed number is true. Used by the tests of
// this folder and by bench/score.bench.ts (any number of organizations).
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
import type {
  AggregateResult,
  CampaignResults,
  OrganizationResult,
} from '../results/results.schema.ts';
import { fixtureMunicipalities, fixtureOrgs, type FixtureOrg } from './fixture-orgs.ts';
import { shortcomingsOf, surveySharesOf } from './fixture-shortcomings.ts';
import { groupBy } from './model.ts';
import { competitionRanks } from './ranks.ts';
import { kindPlural } from './texts.ts';

export interface FixtureOptions {
  organizations?: number;
  municipalities?: number;
  kinds?: readonly OrganizationKind[];
  seed?: number;
}

export const FIXTURE_CAMPAIGN_ID = 12;

/** Organization ids of the special rows (see fixture-orgs.ts). */
export const FIXTURE_IDS = {
  workedExample: 1001,
  tieA: 1002,
  tieB: 1003,
  belowSample: 1004,
  insufficient: 1005,
} as const;

interface Scored {
  org: FixtureOrg;
  score: OrganizationScore;
}

function organizationResult({ org, score }: Scored): OrganizationResult {
  const rounded = roundOrganizationScore(score);
  const shares = surveySharesOf(org.input);
  const respondents = org.input.survey.respondents;
  const belowSample = respondents < org.requiredSample;
  return {
    organizationId: org.organizationId,
    inn: org.inn,
    shortName: org.shortName,
    fullName: org.fullName,
    kind: org.kind,
    municipalityId: org.municipality.id,
    municipalityName: org.municipality.name,
    founderName: org.founderName,
    indicators: rounded.indicators,
    criteria: rounded.criteria,
    total: rounded.total,
    band: bandFor(score.total.value, DEFAULT_METHODOLOGY.bands)?.label ?? null,
    respondents,
    requiredSample: org.requiredSample,
    belowSample,
    flaggedResponses: org.flaggedResponses,
    excludedResponses: org.excludedResponses,
    ranked: !belowSample && rounded.total !== null,
    ranks: { kind: null, municipality: null, region: null },
    counts: org.input as unknown as Record<string, unknown>,
    surveyShares: shares,
    shortcomings: shortcomingsOf(org.input, rounded.indicators, shares),
    provenance: provenanceJson(score),
    councilProposals: org.councilProposals,
  };
}

/** Ranks among ranked organizations: region, kind in the region, kind in the municipality. */
function assignRanks(rows: OrganizationResult[]): void {
  const ranked = rows.filter((r) => r.ranked && r.total !== null);
  const rank = (group: (r: OrganizationResult) => string) => {
    const out = new Map<number, number>();
    for (const members of groupBy(ranked, group).values()) {
      const ranks = competitionRanks(
        members.map((m) => ({ key: String(m.organizationId), value: m.total ?? 0 })),
      );
      for (const m of members) out.set(m.organizationId, ranks.get(String(m.organizationId))!);
    }
    return out;
  };
  const region = rank(() => 'region');
  const kind = rank((r) => r.kind);
  const municipality = rank((r) => `${r.kind}/${r.municipalityId}`);
  for (const r of rows) {
    r.ranks = {
      region: region.get(r.organizationId) ?? null,
      kind: kind.get(r.organizationId) ?? null,
      municipality: municipality.get(r.organizationId) ?? null,
    };
  }
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
      const mean = values.length === 0 ? null : sumDec(values).div(values.length);
      return [id, round2OrNull(mean)];
    }),
  ) as AggregateResult['indicators'];
  const rounded = roundAggregate(agg);
  return {
    level,
    key,
    name,
    organizations: agg.count,
    indicators,
    criteria: rounded.criteria,
    total: rounded.total,
  };
}

function aggregates(scored: readonly Scored[]): AggregateResult[] {
  const by = (keyOf: (s: Scored) => string) => groupBy(scored, keyOf);
  const out = [
    aggregate(
      'region',
      'region',
      'Приозёрская область',
      scored.map((s) => s.score),
    ),
  ];
  for (const [key, members] of by((s) => String(s.org.municipality.id))) {
    out.push(
      aggregate(
        'municipality',
        key,
        members[0]!.org.municipality.name,
        members.map((m) => m.score),
      ),
    );
  }
  for (const [key, members] of by((s) => s.org.kind)) {
    out.push(
      aggregate(
        'kind',
        key,
        kindPlural(key),
        members.map((m) => m.score),
      ),
    );
  }
  return out;
}

/** The fixture campaign's results (frozen run 2 of campaign 12, default methodology). */
export function reportsFixture(options: FixtureOptions = {}): CampaignResults {
  const count = Math.max(5, options.organizations ?? 30);
  const municipalities = fixtureMunicipalities(options.municipalities ?? 3);
  const kinds = options.kinds ?? ['preschool', 'school', 'additional'];
  const orgs = fixtureOrgs(count, municipalities, kinds, options.seed ?? 2026);
  const scored = orgs.map((org) => ({
    org,
    score: scoreOrganization(org.input, DEFAULT_METHODOLOGY),
  }));
  const rows = scored.map(organizationResult);
  assignRanks(rows);
  return {
    campaign: {
      id: FIXTURE_CAMPAIGN_ID,
      title: 'Независимая оценка качества условий образовательной деятельности 2026 года',
      year: 2026,
      regionName: 'Приозёрская область',
      status: 'completed',
    },
    run: {
      id: 7,
      campaignId: FIXTURE_CAMPAIGN_ID,
      version: 2,
      status: 'frozen',
      methodology: JSON.parse(JSON.stringify(DEFAULT_METHODOLOGY)) as Record<string, unknown>,
      inputsDigest: 'a3f1c2d4e5b6978812345678900abcdeffedcba0987654321aabbccddeeff0011',
      computedAt: '2026-11-10T09:30:00.000Z',
      frozenAt: '2026-11-12T12:00:00.000Z',
      frozenBasis: 'Протокол № 4 от 12.11.2026',
    },
    bands: DEFAULT_METHODOLOGY.bands.map((b) => ({ label: b.label, above: b.above })),
    organizations: rows,
    aggregates: aggregates(scored),
  };
}
