// The organizations a dashboard looks at (filters by municipality and kind) and their means. When
// the selection is a whole group the calculation already averaged (region, one municipality, one
// kind), its stored aggregate is used — computed from unrounded values (methodology.md
// "Aggregates"). A municipality and a kind together have no stored aggregate: that mean is taken
// over the published (rounded) values and may differ from an exact one in the last digit.
import {
  CRITERION_KEYS,
  type AggregateResult,
  type CampaignResults,
  type OrganizationResult,
} from '../results/results.schema.ts';
import { meanOf } from './stats.ts';
import { byName } from './labels.ts';

export type CriterionKey = (typeof CRITERION_KEYS)[number];

export interface DashboardFilters {
  municipalityId: number | null;
  kind: string | null;
}

export const NO_FILTERS: DashboardFilters = { municipalityId: null, kind: null };

export interface GroupMeans {
  /** Organizations averaged (those with a total). */
  organizations: number;
  total: number | null;
  criteria: Record<CriterionKey, number | null>;
  /** True when taken from the stored aggregate (exact), false when computed from rounded values. */
  exact: boolean;
}

export function selectOrganizations(
  results: CampaignResults,
  filters: DashboardFilters,
): OrganizationResult[] {
  return results.organizations.filter(
    (o) =>
      (filters.municipalityId === null || o.municipalityId === filters.municipalityId) &&
      (filters.kind === null || o.kind === filters.kind),
  );
}

function fromAggregate(a: AggregateResult): GroupMeans {
  const criteria = Object.fromEntries(CRITERION_KEYS.map((k) => [k, a.criteria[k] ?? null]));
  return {
    organizations: a.organizations,
    total: a.total,
    criteria: criteria as GroupMeans['criteria'],
    exact: true,
  };
}

/** Plain means over organizations with a total (methodology.md: the others are left out). */
export function meansOf(orgs: readonly OrganizationResult[]): GroupMeans {
  const rated = orgs.filter((o) => o.total !== null);
  const criteria = Object.fromEntries(
    CRITERION_KEYS.map((k) => [k, meanOf(rated.map((o) => o.criteria[k]))]),
  );
  return {
    organizations: rated.length,
    total: meanOf(rated.map((o) => o.total)),
    criteria: criteria as GroupMeans['criteria'],
    exact: false,
  };
}

export function findAggregate(
  results: CampaignResults,
  level: AggregateResult['level'],
  key: string,
): AggregateResult | undefined {
  return results.aggregates.find((a) => a.level === level && a.key === key);
}

/** The stored aggregate of a whole group, or the mean computed over its organizations. */
export function groupMeans(
  results: CampaignResults,
  level: AggregateResult['level'],
  key: string,
  members: () => readonly OrganizationResult[],
): GroupMeans {
  const stored = findAggregate(results, level, key);
  return stored ? fromAggregate(stored) : meansOf(members());
}

export function regionMeans(results: CampaignResults): GroupMeans {
  return groupMeans(results, 'region', 'region', () => results.organizations);
}

/** Means of the filtered selection (see the header for which are exact). */
export function selectionMeans(results: CampaignResults, filters: DashboardFilters): GroupMeans {
  const members = () => selectOrganizations(results, filters);
  if (filters.municipalityId !== null && filters.kind === null) {
    return groupMeans(results, 'municipality', String(filters.municipalityId), members);
  }
  if (filters.kind !== null && filters.municipalityId === null) {
    return groupMeans(results, 'kind', filters.kind, members);
  }
  if (filters.kind === null && filters.municipalityId === null) return regionMeans(results);
  return meansOf(members());
}

/** Municipalities of the campaign in name order (from the organizations). */
export function municipalitiesOf(results: CampaignResults): { id: number; name: string }[] {
  const seen = new Map<number, string>();
  for (const o of results.organizations) seen.set(o.municipalityId, o.municipalityName);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => byName(a.name, b.name));
}

/** Kinds present in the campaign, in the usual order (preschool, school, vocational, additional). */
export function kindsOf(results: CampaignResults, order: readonly string[]): string[] {
  const present = new Set(results.organizations.map((o) => o.kind));
  return [
    ...order.filter((k) => present.has(k)),
    ...[...present].filter((k) => !order.includes(k)),
  ];
}

/** The filters with values the campaign does not have (another region's municipality…) dropped. */
export function knownFilters<F extends DashboardFilters>(results: CampaignResults, filters: F): F {
  const has = (pick: (o: OrganizationResult) => unknown, value: unknown) =>
    value !== null && results.organizations.some((o) => pick(o) === value);
  return {
    ...filters,
    municipalityId: has((o) => o.municipalityId, filters.municipalityId)
      ? filters.municipalityId
      : null,
    kind: has((o) => o.kind, filters.kind) ? filters.kind : null,
  };
}
