// Plain-mean aggregates of a campaign (methodology.md "Scales"): region, each municipality and each
// kind of organization, over the organizations with a total, indicators and criteria included.
//
// Sums are built once per cell (municipality × kind) and the cells are added up for the three
// levels, instead of summing 10 000 organizations three times over: a third of the decimal
// additions (bench/score.bench.ts). The order is canonical (organizations by id inside a cell,
// cells by key), so a 40-digit sum that rounds its last digit never depends on the order rows were
// read, and the published means are rounded to 2 decimals anyway.
import {
  CRITERION_IDS,
  INDICATOR_IDS,
  round2OrNull,
  type OrganizationScore,
} from '../../domain/scoring/index.ts';
import type { Dec } from '../../domain/scoring/decimal.ts';
import type { StoredAggregate } from '../../db/schema/index.ts';

/** One organization as the aggregates see it. */
export interface AggregateMember {
  organizationId: number;
  municipalityId: number;
  kind: string;
  score: OrganizationScore;
}

/** Values in a fixed order: the indicators, then the criteria, then the total. */
const SLOTS = INDICATOR_IDS.length + CRITERION_IDS.length + 1;

interface Sums {
  organizations: number;
  sum: (Dec | null)[];
  count: number[];
}

const emptySums = (): Sums => ({
  organizations: 0,
  sum: new Array<Dec | null>(SLOTS).fill(null),
  count: new Array<number>(SLOTS).fill(0),
});

function valuesOf(s: OrganizationScore): (Dec | null)[] {
  return [
    ...INDICATOR_IDS.map((id) => s.indicators[id].value),
    ...CRITERION_IDS.map((id) => s.criteria[id].value),
    s.total.value,
  ];
}

function addValues(into: Sums, values: readonly (Dec | null)[]): void {
  into.organizations++;
  values.forEach((v, i) => {
    if (v === null) return;
    const sum = into.sum[i];
    into.sum[i] = sum === undefined || sum === null ? v : sum.plus(v);
    into.count[i]!++;
  });
}

function addSums(into: Sums, part: Sums): void {
  into.organizations += part.organizations;
  part.sum.forEach((v, i) => {
    if (v === null || v === undefined) return;
    const sum = into.sum[i];
    into.sum[i] = sum === undefined || sum === null ? v : sum.plus(v);
    into.count[i]! += part.count[i]!;
  });
}

function stored(level: StoredAggregate['level'], key: string, s: Sums): StoredAggregate {
  const mean = (i: number) => {
    const sum = s.sum[i];
    return round2OrNull(sum === undefined || sum === null ? null : sum.div(s.count[i]!));
  };
  const ids = INDICATOR_IDS.length;
  return {
    level,
    key,
    organizations: s.organizations,
    indicators: Object.fromEntries(INDICATOR_IDS.map((id, i) => [id, mean(i)])),
    criteria: Object.fromEntries(CRITERION_IDS.map((id, i) => [id, mean(ids + i)])),
    total: mean(SLOTS - 1),
  };
}

const byKey = <T>(m: Map<string, T>): [string, T][] =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function sumsAt(m: Map<string, Sums>, key: string): Sums {
  let s = m.get(key);
  if (!s) m.set(key, (s = emptySums()));
  return s;
}

/**
 * Region, municipalities (by id as text) and kinds, each listed once even when none of its
 * organizations has a total (then every mean is null and `organizations` is 0).
 */
export function campaignAggregates(members: readonly AggregateMember[]): StoredAggregate[] {
  const sorted = [...members].sort((a, b) => a.organizationId - b.organizationId);
  const cells = new Map<string, { municipality: string; kind: string; sums: Sums }>();
  const municipalities = new Map<string, Sums>();
  const kinds = new Map<string, Sums>();
  for (const m of sorted) {
    const municipality = String(m.municipalityId);
    sumsAt(municipalities, municipality);
    sumsAt(kinds, m.kind);
    const key = `${municipality}\u0000${m.kind}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { municipality, kind: m.kind, sums: emptySums() }));
    if (m.score.total.value !== null) addValues(cell.sums, valuesOf(m.score));
  }
  const region = emptySums();
  for (const [, cell] of byKey(cells)) {
    addSums(region, cell.sums);
    addSums(municipalities.get(cell.municipality)!, cell.sums);
    addSums(kinds.get(cell.kind)!, cell.sums);
  }
  return [
    stored('region', 'region', region),
    ...byKey(municipalities).map(([key, s]) => stored('municipality', key, s)),
    ...byKey(kinds).map(([key, s]) => stored('kind', key, s)),
  ];
}
