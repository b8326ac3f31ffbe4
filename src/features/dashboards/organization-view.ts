// One organization's result for staff and for its public card: K1–K5 and the total against its
// municipality's and the region's means (grouped bars), every indicator beside the same means,
// survey shares with their Wilson 95 % intervals, places in the three ratings with the size of
// each, and the shortcomings with the standard recommendations. Pure.
import {
  CRITERION_KEYS,
  INDICATOR_KEYS,
  type AggregateResult,
  type CampaignResults,
  type OrganizationResult,
  type ResultRun,
  type Shortcoming,
  type SurveyShare,
} from '../results/results.schema.ts';
import { groupedBarOption } from './charts.ts';
import type { ChartSpec } from './figure.ts';
import {
  CRITERION_TITLES,
  INDICATOR_TITLES,
  kindGroupTitle,
  QUESTION_TITLES,
  score,
} from './labels.ts';
import { change } from './stats.ts';

type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export interface GroupSizes {
  /** Ranked organizations: in the region, of the same kind, of the same kind in the municipality. */
  region: number;
  kind: number;
  municipality: number;
}

export interface PlaceRow {
  key: 'kind' | 'municipality' | 'region';
  title: string;
  rank: number | null;
  of: number;
}

export interface IndicatorRow {
  key: IndicatorKey;
  title: string;
  value: number | null;
  municipality: number | null;
  region: number | null;
  /** Organization minus region. */
  difference: number | null;
}

export interface ShareRow extends SurveyShare {
  title: string;
}

export interface OrganizationView {
  campaign: CampaignResults['campaign'];
  run: Pick<ResultRun, 'id' | 'version' | 'status' | 'computedAt' | 'frozenAt' | 'frozenBasis'>;
  organization: Pick<
    OrganizationResult,
    | 'organizationId'
    | 'shortName'
    | 'fullName'
    | 'inn'
    | 'kind'
    | 'municipalityId'
    | 'municipalityName'
    | 'founderName'
    | 'total'
    | 'band'
    | 'respondents'
    | 'requiredSample'
    | 'belowSample'
    | 'ranked'
    | 'councilProposals'
  > & { flags: string[] };
  municipalityName: string;
  regionName: string;
  places: PlaceRow[];
  indicators: IndicatorRow[];
  shares: ShareRow[];
  shortcomings: Shortcoming[];
  comparison: ChartSpec;
}

export interface OrganizationViewInput {
  campaign: CampaignResults['campaign'];
  run: ResultRun;
  organization: OrganizationResult;
  aggregates: readonly AggregateResult[];
  sizes: GroupSizes;
}

const find = (all: readonly AggregateResult[], level: AggregateResult['level'], key: string) =>
  all.find((a) => a.level === level && a.key === key);

export function placesOf(o: OrganizationResult, sizes: GroupSizes): PlaceRow[] {
  const kind = kindGroupTitle(o.kind);
  return [
    { key: 'kind', title: `${kind} области`, rank: o.ranks.kind, of: sizes.kind },
    {
      key: 'municipality',
      title: `${kind}: ${o.municipalityName}`,
      rank: o.ranks.municipality,
      of: sizes.municipality,
    },
    { key: 'region', title: 'Все организации области', rank: o.ranks.region, of: sizes.region },
  ];
}

function comparisonSpec(
  o: OrganizationResult,
  municipality: AggregateResult | undefined,
  region: AggregateResult | undefined,
  regionName: string,
): ChartSpec {
  const categories = [...CRITERION_KEYS, 'Итог'];
  const row = (
    v: { criteria: OrganizationResult['criteria']; total: number | null } | undefined,
  ) => [...CRITERION_KEYS.map((k) => v?.criteria[k] ?? null), v?.total ?? null];
  const series = [
    { name: o.shortName, values: row(o) },
    { name: `Среднее: ${o.municipalityName}`, values: row(municipality) },
    { name: `Среднее: ${regionName}`, values: row(region) },
  ];
  const describe = CRITERION_KEYS.map(
    (k, i) =>
      `${k} — ${score(series[0]!.values[i])} (муниципалитет ${score(series[1]!.values[i])}, ` +
      `область ${score(series[2]!.values[i])})`,
  ).join('; ');
  return {
    id: 'chart-organization',
    title: 'Критерии K1–K5 и итоговый балл в сравнении со средними',
    summary:
      `${o.shortName}: итоговый балл ${score(o.total)}, среднее по муниципалитету ` +
      `${score(municipality?.total ?? null)}, по области ${score(region?.total ?? null)}. ${describe}.`,
    option: groupedBarOption(categories, series),
    size: { width: 720, height: 360 },
    table: {
      caption: 'Баллы организации и средние по муниципалитету и области',
      head: ['Критерий', 'Организация', 'Муниципалитет', 'Область'],
      rows: categories.map((c, i) => ({
        header:
          c === 'Итог'
            ? 'Итоговый балл'
            : `${c}. ${CRITERION_TITLES[c as (typeof CRITERION_KEYS)[number]]}`,
        cells: series.map((s) => score(s.values[i])),
      })),
    },
  };
}

export function buildOrganizationView(input: OrganizationViewInput): OrganizationView {
  const o = input.organization;
  const municipality = find(input.aggregates, 'municipality', String(o.municipalityId));
  const region = find(input.aggregates, 'region', 'region');
  const { id, version, status, computedAt, frozenAt, frozenBasis } = input.run;
  return {
    campaign: input.campaign,
    run: { id, version, status, computedAt, frozenAt, frozenBasis },
    organization: {
      organizationId: o.organizationId,
      shortName: o.shortName,
      fullName: o.fullName,
      inn: o.inn,
      kind: o.kind,
      municipalityId: o.municipalityId,
      municipalityName: o.municipalityName,
      founderName: o.founderName,
      total: o.total,
      band: o.band,
      respondents: o.respondents,
      requiredSample: o.requiredSample,
      belowSample: o.belowSample,
      ranked: o.ranked,
      councilProposals: o.councilProposals,
      flags: o.flags ?? [
        ...(o.belowSample ? ['below_sample'] : []),
        ...(o.total === null ? ['insufficient_data'] : []),
      ],
    },
    municipalityName: o.municipalityName,
    regionName: input.campaign.regionName,
    places: placesOf(o, input.sizes),
    indicators: INDICATOR_KEYS.map((k) => ({
      key: k,
      title: INDICATOR_TITLES[k],
      value: o.indicators[k] ?? null,
      municipality: municipality?.indicators[k] ?? null,
      region: region?.indicators[k] ?? null,
      difference: change(region?.indicators[k] ?? null, o.indicators[k] ?? null),
    })),
    shares: o.surveyShares.map((s) => ({ ...s, title: QUESTION_TITLES[s.question] ?? s.question })),
    shortcomings: o.shortcomings,
    comparison: comparisonSpec(o, municipality, region, input.campaign.regionName),
  };
}
