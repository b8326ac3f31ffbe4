// The second half of the heuristic for «обновление не позднее 10 рабочих дней» (273-ФЗ art.29
// ч.3; PP 1802 p.16; domain update-check.ts reads the years of yearly documents in one crawl):
// what changed on the site between two consecutive successful checks of an organization, by
// subsection, with the date range in which the change was seen (after the earlier check, by the
// later one). Stored inside the check's general rules (`siteChecks`), so the report shows what
// changed and when without recomputing history. Informational: it never fails anything.
import type { SiteCheck } from '../../domain/site-requirements/index.ts';
import type { StoredItem } from '../../db/schema/index.ts';
import { catalogueEntry } from './monitor.advice.ts';

export interface PreviousCheck {
  checkedAt: Date;
  items: readonly StoredItem[];
}

export interface SectionChange {
  section: string;
  /** Catalogue titles (or keys) of the items whose status or value changed. */
  items: string[];
}

const ru = (d: Date) =>
  new Date(d.getTime() + 3 * 3_600_000).toISOString().slice(0, 10).split('-').reverse().join('.');

const same = (a: StoredItem | undefined, b: StoredItem | undefined) =>
  a?.status === b?.status && (a?.value ?? null) === (b?.value ?? null);

/** Subsections whose listed items changed (status or value), in catalogue order of the later check. */
export function changedSections(
  prev: readonly StoredItem[],
  next: readonly StoredItem[],
): SectionChange[] {
  const before = new Map(prev.map((i) => [i.key, i]));
  const after = new Map(next.map((i) => [i.key, i]));
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  const bySection = new Map<string, string[]>();
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (same(a, b)) continue;
    const ref = (b ?? a)!;
    if (ref.requirement === 'not_applicable') continue;
    const list = bySection.get(ref.section) ?? [];
    list.push(catalogueEntry(key)?.item.title.slice(0, 80) ?? key);
    bySection.set(ref.section, list);
  }
  return [...bySection].map(([section, items]) => ({ section, items }));
}

/**
 * The crawl's finding (`freshness`, update-check.ts) with the comparison to the previous
 * successful check of the organization added to its details and evidence. Without a previous check
 * it is returned as it is. The status is never made worse than `warning`.
 */
export function withHistory(
  finding: SiteCheck,
  previous: PreviousCheck | null,
  next: { checkedAt: Date; items: readonly StoredItem[] },
): SiteCheck {
  if (!previous) return finding;
  const range = `между ${ru(previous.checkedAt)} и ${ru(next.checkedAt)}`;
  const changes = changedSections(previous.items, next.items);
  const sectionTitle = (key: string) =>
    catalogueEntry(next.items.find((i) => i.section === key)?.key ?? '')?.section.path ?? key;
  const note =
    changes.length === 0
      ? `с предыдущей проверки (${ru(previous.checkedAt)}) размеченные сведения не изменились`
      : `изменения замечены ${range} в подразделах: ${changes.map((c) => sectionTitle(c.section)).join(', ')}`;
  const lines = changes.map(
    (c) =>
      `${sectionTitle(c.section)} (${range}): ${c.items.slice(0, 5).join('; ')}${
        c.items.length > 5 ? ` и ещё ${c.items.length - 5}` : ''
      }`,
  );
  return {
    ...finding,
    details: [finding.details, note].filter(Boolean).join('; '),
    // The change lines first: they are what the operator looks for after a re-check.
    evidence: [...lines, ...finding.evidence].slice(0, 20),
  };
}
