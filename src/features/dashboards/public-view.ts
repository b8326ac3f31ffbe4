// The public list of a campaign's approved results: ratings by kind (the main rating — a
// kindergarten is not compared with a college), optionally within one municipality, municipalities'
// means, and a search by name or INN. Pure; the service passes only frozen runs.
import type { CampaignResults, OrganizationResult } from '../results/results.schema.ts';
import { byName, KIND_ORDER, kindGroupTitle } from './labels.ts';
import { municipalityMeans, type MunicipalityMean } from './municipalities.ts';
import { kindsOf, knownFilters, municipalitiesOf, regionMeans } from './selection.ts';

export interface PublicListFilters {
  q: string;
  kind: string | null;
  municipalityId: number | null;
}

export interface PublicRow {
  organizationId: number;
  name: string;
  municipalityName: string;
  total: number | null;
  band: string | null;
  rank: number | null;
  /** Why it is not in the rating, when it is not. */
  note: string | null;
}

export interface PublicGroup {
  kind: string;
  title: string;
  ranked: PublicRow[];
  unranked: PublicRow[];
}

export interface PublicList {
  campaign: CampaignResults['campaign'];
  run: { version: number; frozenAt: string | null; frozenBasis: string | null };
  filters: PublicListFilters;
  municipalities: { id: number; name: string }[];
  kinds: string[];
  /** Rank column: in the region or within the chosen municipality. */
  rankScope: 'region' | 'municipality';
  groups: PublicGroup[];
  found: number;
  regionTotal: number | null;
  municipalityMeans: MunicipalityMean[];
}

/** Lower case, ё as е, single spaces, no quotes: «Детский сад "Ёлочка"» finds «ёлочка». */
export function normalizeSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"„“']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function matches(o: OrganizationResult, q: string): boolean {
  if (q === '') return true;
  return (
    normalizeSearch(o.shortName).includes(q) ||
    normalizeSearch(o.fullName).includes(q) ||
    o.inn.startsWith(q)
  );
}

function note(o: OrganizationResult): string | null {
  if (o.ranked) return null;
  if (o.total === null) return 'недостаточно данных для расчёта';
  if (o.belowSample) return `опрошено ${o.respondents} из ${o.requiredSample} необходимых`;
  return 'не участвует в рейтинге';
}

export function buildPublicList(results: CampaignResults, asked: PublicListFilters): PublicList {
  const filters = knownFilters(results, asked);
  const q = normalizeSearch(filters.q);
  const scope = filters.municipalityId === null ? 'kind' : 'municipality';
  const chosen = results.organizations.filter(
    (o) =>
      (filters.kind === null || o.kind === filters.kind) &&
      (filters.municipalityId === null || o.municipalityId === filters.municipalityId) &&
      matches(o, q),
  );
  const kinds = kindsOf(results, KIND_ORDER);
  const row = (o: OrganizationResult): PublicRow => ({
    organizationId: o.organizationId,
    name: o.shortName,
    municipalityName: o.municipalityName,
    total: o.total,
    band: o.band,
    rank: o.ranked ? o.ranks[scope] : null,
    note: note(o),
  });
  const byRank = (a: OrganizationResult, b: OrganizationResult) =>
    (b.total ?? -1) - (a.total ?? -1) || byName(a.shortName, b.shortName);
  const groups = kinds
    .map((kind) => {
      const members = chosen.filter((o) => o.kind === kind).sort(byRank);
      return {
        kind,
        title: kindGroupTitle(kind),
        ranked: members.filter((o) => o.ranked).map(row),
        unranked: members.filter((o) => !o.ranked).map(row),
      };
    })
    .filter((g) => g.ranked.length + g.unranked.length > 0);
  const municipalities = municipalitiesOf(results);
  return {
    campaign: results.campaign,
    run: {
      version: results.run.version,
      frozenAt: results.run.frozenAt,
      frozenBasis: results.run.frozenBasis,
    },
    filters,
    municipalities,
    kinds,
    rankScope: filters.municipalityId === null ? 'region' : 'municipality',
    groups,
    found: chosen.length,
    regionTotal: regionMeans(results).total,
    municipalityMeans: municipalityMeans(results, filters.kind, municipalities),
  };
}
