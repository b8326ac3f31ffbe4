// The campaign dashboard as numbers and chart specs (issue 6 item 5): distribution of totals by
// band, K1–K5 means, municipalities compared, top and bottom of the rating, the most frequent
// shortcomings, and who is below the sample or has insufficient data — for the whole region or a
// selection by municipality and kind. Pure: CampaignResults in, view model out.
import {
  CRITERION_KEYS,
  type CampaignResults,
  type OrganizationResult,
  type ResultRun,
} from '../results/results.schema.ts';
import { countByBand, histogramBins } from './bands.ts';
import { groupedBarOption, histogramOption } from './charts.ts';
import type { ChartSpec } from './figure.ts';
import { gapList, type GapRow } from './gaps.ts';
import { byName, CRITERION_TITLES, KIND_ORDER, kindGroupTitle, score } from './labels.ts';
import {
  kindsOf,
  knownFilters,
  municipalitiesOf,
  regionMeans,
  selectionMeans,
  selectOrganizations,
  type DashboardFilters,
  type GroupMeans,
} from './selection.ts';
import { municipalityComparison } from './municipalities.ts';

export type RankBasis = 'region' | 'kind' | 'municipality';

export interface RankRow {
  organizationId: number;
  name: string;
  municipalityName: string;
  kind: string;
  total: number;
  band: string | null;
  rank: number | null;
}

export interface AttentionRow {
  organizationId: number;
  name: string;
  municipalityName: string;
  respondents: number;
  requiredSample: number;
}

export interface CampaignDashboard {
  campaign: CampaignResults['campaign'];
  run: Pick<ResultRun, 'version' | 'status' | 'computedAt' | 'frozenAt' | 'frozenBasis'>;
  filters: DashboardFilters;
  municipalities: { id: number; name: string }[];
  kinds: string[];
  /** «вся область» or «Каменский район, дошкольные образовательные организации». */
  selectionLabel: string;
  counts: {
    organizations: number;
    withTotal: number;
    ranked: number;
    belowSample: number;
    insufficientData: number;
  };
  selection: GroupMeans;
  region: GroupMeans;
  rankBasis: RankBasis;
  top: RankRow[];
  bottom: RankRow[];
  gaps: GapRow[];
  belowSample: AttentionRow[];
  insufficientData: AttentionRow[];
  charts: { histogram: ChartSpec; criteria: ChartSpec; municipalities: ChartSpec | null };
}

export const RANK_BASIS_TITLES: Record<RankBasis, string> = {
  region: 'Место в области',
  kind: 'Место среди организаций того же типа в области',
  municipality: 'Место среди организаций того же типа в муниципалитете',
};

const TOP = 10;

export function rankBasisOf(filters: DashboardFilters): RankBasis {
  if (filters.kind === null) return 'region';
  return filters.municipalityId === null ? 'kind' : 'municipality';
}

function rankRow(o: OrganizationResult, basis: RankBasis): RankRow {
  return {
    organizationId: o.organizationId,
    name: o.shortName,
    municipalityName: o.municipalityName,
    kind: o.kind,
    total: o.total ?? 0,
    band: o.band,
    rank: o.ranks[basis],
  };
}

/** The best ten and, apart from them, the weakest ten (weakest first) of the ranked ones. */
export function topAndBottom(
  orgs: readonly OrganizationResult[],
  basis: RankBasis,
  size = TOP,
): { top: RankRow[]; bottom: RankRow[] } {
  const ranked = orgs
    .filter((o) => o.ranked && o.total !== null)
    .sort((a, b) => b.total! - a.total! || byName(a.shortName, b.shortName));
  const top = ranked.slice(0, size);
  const bottom = ranked.slice(Math.max(size, ranked.length - size)).reverse();
  return { top: top.map((o) => rankRow(o, basis)), bottom: bottom.map((o) => rankRow(o, basis)) };
}

const attention = (o: OrganizationResult): AttentionRow => ({
  organizationId: o.organizationId,
  name: o.shortName,
  municipalityName: o.municipalityName,
  respondents: o.respondents,
  requiredSample: o.requiredSample,
});

function histogramSpec(
  results: CampaignResults,
  orgs: readonly OrganizationResult[],
  label: string,
): ChartSpec {
  const counted = countByBand(results.bands, orgs);
  const parts = counted.bands.map((b) => `${b.label} (${b.range}) — ${b.count}`);
  if (counted.noData > 0) parts.push(`нет данных — ${counted.noData}`);
  return {
    id: 'chart-bands',
    title: `Распределение итоговых баллов: ${label}`,
    summary: `Организаций: ${orgs.length}. По диапазонам: ${parts.join('; ')}.`,
    option: histogramOption(histogramBins(counted)),
    size: { width: 720, height: 320 },
    table: {
      caption: `Число организаций по диапазонам итогового балла (${label})`,
      head: ['Диапазон', 'Баллы', 'Организаций'],
      rows: [
        ...counted.bands.map((b) => ({ header: b.label, cells: [b.range, String(b.count)] })),
        ...(counted.noData > 0
          ? [{ header: 'нет данных', cells: ['—', String(counted.noData)] }]
          : []),
      ],
    },
  };
}

function criteriaSpec(selection: GroupMeans, region: GroupMeans, label: string | null): ChartSpec {
  const categories = [...CRITERION_KEYS, 'Итог'];
  const values = (m: GroupMeans) => [...CRITERION_KEYS.map((k) => m.criteria[k]), m.total];
  const series = [
    ...(label ? [{ name: label, values: values(selection) }] : []),
    { name: 'Область', values: values(region) },
  ];
  const describe = (m: GroupMeans) =>
    CRITERION_KEYS.map((k) => `${k} — ${score(m.criteria[k])}`).join(', ') +
    `, итог — ${score(m.total)}`;
  return {
    id: 'chart-criteria',
    title: label ? `Критерии K1–K5: ${label} и область` : 'Критерии K1–K5: средние по области',
    summary: label
      ? `${label}: ${describe(selection)}. Область: ${describe(region)}.`
      : `Средние по области: ${describe(region)}.`,
    option: groupedBarOption(categories, series, { rotateLabels: series.length > 1 }),
    size: { width: 720, height: 340 },
    table: {
      caption: 'Средние баллы по критериям',
      head: ['Критерий', ...series.map((s) => s.name)],
      rows: categories.map((c, i) => ({
        header:
          c === 'Итог'
            ? 'Итоговый балл'
            : `${c}. ${CRITERION_TITLES[c as keyof typeof CRITERION_TITLES]}`,
        cells: series.map((s) => score(s.values[i])),
      })),
    },
  };
}

function selectionLabelOf(
  filters: DashboardFilters,
  municipalities: readonly { id: number; name: string }[],
): string | null {
  const parts: string[] = [];
  if (filters.municipalityId !== null) {
    parts.push(
      municipalities.find((m) => m.id === filters.municipalityId)?.name ?? 'муниципалитет',
    );
  }
  if (filters.kind !== null) parts.push(kindGroupTitle(filters.kind).toLowerCase());
  if (parts.length === 0) return null;
  const text = parts.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function buildCampaignDashboard(
  results: CampaignResults,
  asked: DashboardFilters,
): CampaignDashboard {
  const filters = knownFilters(results, asked);
  const municipalities = municipalitiesOf(results);
  const orgs = selectOrganizations(results, filters);
  const label = selectionLabelOf(filters, municipalities);
  const selection = selectionMeans(results, filters);
  const region = regionMeans(results);
  const basis = rankBasisOf(filters);
  const { version, status, computedAt, frozenAt, frozenBasis } = results.run;
  return {
    campaign: results.campaign,
    run: { version, status, computedAt, frozenAt, frozenBasis },
    filters,
    municipalities,
    kinds: kindsOf(results, KIND_ORDER),
    selectionLabel: label ?? 'вся область',
    counts: {
      organizations: orgs.length,
      withTotal: orgs.filter((o) => o.total !== null).length,
      ranked: orgs.filter((o) => o.ranked).length,
      belowSample: orgs.filter((o) => o.belowSample).length,
      insufficientData: orgs.filter((o) => o.total === null).length,
    },
    selection,
    region,
    rankBasis: basis,
    ...topAndBottom(orgs, basis),
    gaps: gapList(orgs),
    belowSample: orgs.filter((o) => o.belowSample).map(attention),
    insufficientData: orgs.filter((o) => o.total === null).map(attention),
    charts: {
      histogram: histogramSpec(results, orgs, label ?? 'вся область'),
      criteria: criteriaSpec(selection, region, label),
      municipalities: municipalityComparison(results, filters, municipalities),
    },
  };
}
