// Municipalities compared by their mean total (plain mean over organizations with a total,
// methodology.md "Scales"), best first, with the region's mean — or, when a kind is chosen, the
// means over organizations of that kind and the region's mean for that kind.
import type { CampaignResults } from '../results/results.schema.ts';
import { rankedBarOption } from './charts.ts';
import type { ChartSpec } from './figure.ts';
import { byName, kindGroupTitle, score } from './labels.ts';
import {
  groupMeans,
  meansOf,
  regionMeans,
  selectOrganizations,
  type DashboardFilters,
} from './selection.ts';

export interface MunicipalityMean {
  id: number;
  name: string;
  organizations: number;
  total: number | null;
}

/** Mean totals per municipality under the kind filter (the municipality filter is not applied). */
export function municipalityMeans(
  results: CampaignResults,
  kind: string | null,
  municipalities: readonly { id: number; name: string }[],
): MunicipalityMean[] {
  return municipalities
    .map((m) => {
      const members = () => selectOrganizations(results, { municipalityId: m.id, kind });
      const means =
        kind === null
          ? groupMeans(results, 'municipality', String(m.id), members)
          : meansOf(members());
      return { id: m.id, name: m.name, organizations: means.organizations, total: means.total };
    })
    .sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || byName(a.name, b.name));
}

/** The comparison chart; null when the campaign has a single municipality. */
export function municipalityComparison(
  results: CampaignResults,
  filters: DashboardFilters,
  municipalities: readonly { id: number; name: string }[],
): ChartSpec | null {
  if (municipalities.length < 2) return null;
  const rows = municipalityMeans(results, filters.kind, municipalities);
  const reference =
    filters.kind === null
      ? regionMeans(results).total
      : groupMeans(results, 'kind', filters.kind, () =>
          selectOrganizations(results, { municipalityId: null, kind: filters.kind }),
        ).total;
  const scope = filters.kind === null ? '' : ` (${kindGroupTitle(filters.kind).toLowerCase()})`;
  const chosen = rows.find((r) => r.id === filters.municipalityId);
  const best = rows[0]!;
  const rated = rows.filter((r) => r.total !== null);
  const worst = rated[rated.length - 1];
  return {
    id: 'chart-municipalities',
    title: `Средний итоговый балл по муниципалитетам${scope}`,
    summary:
      `Муниципалитетов: ${rows.length}; среднее по области — ${score(reference)}. ` +
      `Выше всех: ${best.name} — ${score(best.total)}` +
      (worst && worst !== best ? `; ниже всех: ${worst.name} — ${score(worst.total)}` : '') +
      (chosen ? `. Выбран: ${chosen.name} — ${score(chosen.total)}.` : '.'),
    option: rankedBarOption(
      rows.map((r) => ({
        name: r.name,
        value: r.total,
        highlight: r.id === filters.municipalityId,
      })),
      { name: 'Область', value: reference },
    ),
    size: { width: 720, height: Math.max(160, 60 + rows.length * 34) },
    table: {
      caption: `Средний итоговый балл по муниципалитетам${scope}, по убыванию`,
      head: ['Муниципалитет', 'Организаций с баллом', 'Средний итоговый балл'],
      rows: [
        ...rows.map((r) => ({ header: r.name, cells: [String(r.organizations), score(r.total)] })),
        { header: 'Область', cells: ['', score(reference)] },
      ],
    },
  };
}
