// The gap list: which shortcomings are most frequent across organizations (how many organizations
// have each), so that a region or a municipality sees what to fix first (273-ФЗ art. 95.2 part 6:
// improvement plans address the shortcomings the assessment found).
import type { OrganizationResult, Shortcoming } from '../results/results.schema.ts';
import { shareOf } from './stats.ts';

export interface GapRow {
  code: string;
  title: string;
  indicator: Shortcoming['indicator'];
  source: Shortcoming['source'];
  /** Organizations with this shortcoming. */
  organizations: number;
  /** Their share of the organizations looked at, in percent. */
  share: number | null;
}

/**
 * The title shared by every organization with the code. Summary and survey titles end with the
 * organization's own figure («…: 9 из 13», «…: 72,50 %»); the list shows the common part.
 */
export function commonTitle(s: Pick<Shortcoming, 'code' | 'title'>): string {
  const perOrganization = s.code.startsWith('survey:') || s.code.endsWith(':incomplete');
  const cut = s.title.lastIndexOf(': ');
  return perOrganization && cut > 0 ? s.title.slice(0, cut) : s.title;
}

/** Shortcomings by how many organizations have them, most frequent first (ties by code). */
export function gapList(orgs: readonly OrganizationResult[], limit = 15): GapRow[] {
  const rows = new Map<string, GapRow>();
  for (const o of orgs) {
    const seen = new Set<string>();
    for (const s of o.shortcomings) {
      if (seen.has(s.code)) continue;
      seen.add(s.code);
      const row = rows.get(s.code);
      if (row) row.organizations += 1;
      else {
        rows.set(s.code, {
          code: s.code,
          title: commonTitle(s),
          indicator: s.indicator,
          source: s.source,
          organizations: 1,
          share: null,
        });
      }
    }
  }
  return [...rows.values()]
    .sort((a, b) => b.organizations - a.organizations || a.code.localeCompare(b.code))
    .slice(0, limit)
    .map((r) => ({ ...r, share: shareOf(r.organizations, orgs.length) }));
}
