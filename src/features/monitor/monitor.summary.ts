// Summaries of the latest checks: a ranking of organizations by compliance (present / required of
// «Инорм.сайт»; ties share a rank, an unreachable site counts as 0) and per-municipality and region
// rows. Pure: takes the organizations of a scope and their latest checks.
import type { CheckSummary, ScopeOrganization } from './monitor.repo.ts';
import type { AreaRow, RankingRow } from './monitor.export.ts';

export function shareOf(c: Pick<CheckSummary, 'status' | 'present' | 'required'>): number {
  if (c.status !== 'ok' || c.required === 0) return 0;
  return Math.round((c.present / c.required) * 10_000) / 10_000;
}

export interface Summary {
  ranking: RankingRow[];
  municipalities: (AreaRow & { municipalityId: number })[];
  region: AreaRow;
  /** Organizations of the scope never checked. */
  unchecked: { id: number; shortName: string; municipalityName: string }[];
}

function area(
  name: string,
  orgs: readonly ScopeOrganization[],
  checks: ReadonlyMap<number, CheckSummary>,
): AreaRow {
  const mine = orgs.map((o) => checks.get(o.id)).filter((c): c is CheckSummary => !!c);
  const shares = mine.map(shareOf);
  return {
    name,
    organizations: orgs.length,
    checked: mine.length,
    errors: mine.filter((c) => c.status !== 'ok').length,
    present: mine.reduce((s, c) => s + c.present, 0),
    required: mine.reduce((s, c) => s + c.required, 0),
    averageShare:
      shares.length === 0
        ? null
        : Math.round((shares.reduce((s, x) => s + x, 0) / shares.length) * 10_000) / 10_000,
  };
}

export function summarize(
  regionName: string,
  orgs: readonly ScopeOrganization[],
  latest: readonly CheckSummary[],
): Summary {
  const checks = new Map(latest.map((c) => [c.organizationId, c]));
  const rows = orgs
    .filter((o) => checks.has(o.id))
    .map((o) => {
      const c = checks.get(o.id)!;
      return {
        rank: 0,
        organizationId: o.id,
        inn: o.inn,
        shortName: o.shortName,
        municipalityName: o.municipalityName,
        kind: o.kind,
        url: c.url,
        checkId: c.id,
        checkedAt: c.checkedAt,
        status: c.status,
        errorReason: c.errorReason,
        present: c.present,
        required: c.required,
        share: shareOf(c),
        channelsListed: c.channels.filter((ch) => ch.detected).map((ch) => ch.channel),
      };
    })
    .sort((a, b) => b.share - a.share || a.shortName.localeCompare(b.shortName, 'ru'));
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    r.rank = prev && prev.share === r.share ? prev.rank : i + 1;
  });
  const byMunicipality = new Map<number, ScopeOrganization[]>();
  for (const o of orgs) {
    byMunicipality.set(o.municipalityId, [...(byMunicipality.get(o.municipalityId) ?? []), o]);
  }
  const municipalities = [...byMunicipality.entries()]
    .map(([municipalityId, list]) => ({
      municipalityId,
      ...area(list[0]!.municipalityName, list, checks),
    }))
    .sort(
      (a, b) =>
        (b.averageShare ?? -1) - (a.averageShare ?? -1) || a.name.localeCompare(b.name, 'ru'),
    );
  return {
    ranking: rows,
    municipalities,
    region: area(regionName, orgs, checks),
    unchecked: orgs
      .filter((o) => !checks.has(o.id))
      .map((o) => ({ id: o.id, shortName: o.shortName, municipalityName: o.municipalityName })),
  };
}
