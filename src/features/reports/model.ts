// What the documents say, computed once from the read model: the methodology variant of the run,
// the sample per municipality, aggregates by level, ratings by kind with ties, the most frequent
// shortcomings. Pure functions over CampaignResults; the DOCX, PDF and XLSX builders only lay it out.
import type {
  AggregateResult,
  CampaignResults,
  OrganizationResult,
  Shortcoming,
} from '../results/results.schema.ts';
import { competitionRanks } from './ranks.ts';
import { kindOrder, kindPlural, QUESTION_SHORT } from './texts.ts';

export interface MethodologyInfo {
  denominators: 'filter' | 'total';
  zeroDenominator: 'exclude' | 'zero';
  sampleShare: string;
  sampleCap: number;
  catalogues: Record<string, string>;
}

/** Reads the run's stored methodology version (ADR 0005) with the spec defaults for absent fields. */
export function methodologyInfo(results: CampaignResults): MethodologyInfo {
  const m = results.run.methodology;
  const sample = (m.sample ?? {}) as { share?: unknown; cap?: unknown };
  const catalogues = (m.catalogues ?? {}) as Record<string, unknown>;
  return {
    denominators: m.denominators === 'total' ? 'total' : 'filter',
    zeroDenominator: m.zeroDenominator === 'zero' ? 'zero' : 'exclude',
    sampleShare: typeof sample.share === 'string' ? sample.share : String(sample.share ?? '0.40'),
    sampleCap: typeof sample.cap === 'number' ? sample.cap : 600,
    catalogues: Object.fromEntries(Object.entries(catalogues).map(([k, v]) => [k, String(v)])),
  };
}

export interface SampleRow {
  municipalityId: number;
  name: string;
  organizations: number;
  required: number;
  collected: number;
  belowSample: number;
  insufficient: number;
}

function sampleRow(name: string, id: number, orgs: readonly OrganizationResult[]): SampleRow {
  return {
    municipalityId: id,
    name,
    organizations: orgs.length,
    required: orgs.reduce((s, o) => s + o.requiredSample, 0),
    collected: orgs.reduce((s, o) => s + o.respondents, 0),
    belowSample: orgs.filter((o) => o.belowSample).length,
    insufficient: orgs.filter((o) => o.total === null).length,
  };
}

export interface KindRating {
  kind: string;
  title: string;
  ranked: OrganizationResult[];
  unranked: OrganizationResult[];
}

export interface FrequentShortcoming {
  code: string;
  title: string;
  indicator: string;
  recommendation: string;
  organizations: number;
}

export interface ReportModel {
  results: CampaignResults;
  methodology: MethodologyInfo;
  region: AggregateResult | undefined;
  municipalities: AggregateResult[];
  kinds: AggregateResult[];
  sample: SampleRow[];
  sampleTotal: SampleRow;
  ratings: KindRating[];
  municipalityRanks: Map<string, number>;
  belowSample: OrganizationResult[];
  insufficient: OrganizationResult[];
  bandCounts: { label: string; count: number }[];
  frequent: FrequentShortcoming[];
  /** Organization id → its municipality aggregate (for «vs municipality» columns). */
  municipalityOf: Map<number, AggregateResult>;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');

/** Groups items by a key, keeping the first-seen order of keys. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** A title that groups the same shortcoming across organizations (no per-organization figures). */
export function genericTitle(s: Shortcoming): string {
  if (s.source === 'survey') {
    const q = s.code.split(':')[1] ?? '';
    return `Доля удовлетворённых ниже 90 %: ${QUESTION_SHORT[q] ?? q}`;
  }
  // One shortcoming per organization for these sources; their titles carry its own counts.
  if (s.source === 'stand') return 'Неполная информация на информационных стендах';
  if (s.source === 'site') return 'Неполная информация на официальном сайте';
  if (s.source === 'channels') return 'Недостаточно работающих дистанционных способов связи';
  return s.title;
}

/** Shortcomings grouped by what they say (an organization counts once per group), most frequent first. */
function frequentShortcomings(orgs: readonly OrganizationResult[]): FrequentShortcoming[] {
  const map = new Map<string, FrequentShortcoming>();
  for (const o of orgs) {
    const groups = new Map(o.shortcomings.map((x) => [`${x.indicator} ${genericTitle(x)}`, x]));
    for (const [key, s] of groups) {
      const row = map.get(key);
      if (row) row.organizations += 1;
      else
        map.set(key, {
          code: s.code,
          title: genericTitle(s),
          indicator: s.indicator,
          recommendation: s.recommendation,
          organizations: 1,
        });
    }
  }
  return [...map.values()].sort(
    (a, b) => b.organizations - a.organizations || a.code.localeCompare(b.code),
  );
}

function ratings(orgs: readonly OrganizationResult[]): KindRating[] {
  const kinds = [...new Set(orgs.map((o) => o.kind))].sort(
    (a, b) => kindOrder(a) - kindOrder(b) || a.localeCompare(b),
  );
  return kinds.map((kind) => {
    const of = orgs.filter((o) => o.kind === kind);
    const ranked = of
      .filter((o) => o.ranked && o.ranks.kind !== null)
      .sort((a, b) => (a.ranks.kind ?? 0) - (b.ranks.kind ?? 0) || byShort(a, b));
    const unranked = of.filter((o) => !o.ranked || o.ranks.kind === null).sort(byShort);
    return { kind, title: kindPlural(kind), ranked, unranked };
  });
}

const byShort = (a: OrganizationResult, b: OrganizationResult) =>
  a.shortName.localeCompare(b.shortName, 'ru');

export function buildModel(results: CampaignResults): ReportModel {
  const orgs = results.organizations;
  const aggs = (level: AggregateResult['level']) =>
    results.aggregates.filter((a) => a.level === level);
  const municipalities = aggs('municipality').sort(byName);
  const kinds = aggs('kind').sort((a, b) => kindOrder(a.key) - kindOrder(b.key));
  const sample = [...groupBy(orgs, (o) => o.municipalityId).values()]
    .map((members) => sampleRow(members[0]!.municipalityName, members[0]!.municipalityId, members))
    .sort(byName);
  const municipalityByKey = new Map(municipalities.map((m) => [m.key, m]));
  const municipalityOf = new Map<number, AggregateResult>();
  for (const o of orgs) {
    const m = municipalityByKey.get(String(o.municipalityId));
    if (m) municipalityOf.set(o.organizationId, m);
  }
  return {
    results,
    methodology: methodologyInfo(results),
    region: aggs('region')[0],
    municipalities,
    kinds,
    sample,
    sampleTotal: sampleRow('Всего', 0, orgs),
    ratings: ratings(orgs),
    municipalityRanks: competitionRanks(
      municipalities
        .filter((m) => m.total !== null)
        .map((m) => ({ key: m.key, value: m.total ?? 0 })),
    ),
    belowSample: orgs.filter((o) => o.belowSample).sort(byShort),
    insufficient: orgs.filter((o) => o.total === null).sort(byShort),
    bandCounts: results.bands.map((b) => ({
      label: b.label,
      count: orgs.filter((o) => o.band === b.label).length,
    })),
    frequent: frequentShortcomings(orgs),
    municipalityOf,
  };
}
