// What changed on a site between two consecutive successful checks: items that appeared (became
// present: found or placeholder), disappeared (were present, are not any more) and items whose
// status changed otherwise (e.g. missing → hidden, found → placeholder), plus the 1.2 channels.
// Pure; the history page, the API and the letters use it.
import type { StoredChannel, StoredItem } from '../../db/schema/index.ts';

/** Only these statuses count as present for indicator 1.1 (site-monitoring.md). */
export function isPresentStatus(status: string | null | undefined): boolean {
  return status === 'found' || status === 'placeholder';
}

export interface ItemChange {
  key: string;
  itemprop: string | null;
  section: string;
  /** null: the item was not listed in that check (another kind or ruleset). */
  from: string | null;
  to: string | null;
  /** Requirement in the later check (or the earlier one when the item is no longer listed). */
  requirement: string;
}

export interface CheckDiff {
  appeared: ItemChange[];
  disappeared: ItemChange[];
  changed: ItemChange[];
  channelsAppeared: string[];
  channelsDisappeared: string[];
}

type Side = { items: readonly StoredItem[]; channels: readonly StoredChannel[] };

export function diffChecks(prev: Side, next: Side): CheckDiff {
  const before = new Map(prev.items.map((i) => [i.key, i]));
  const after = new Map(next.items.map((i) => [i.key, i]));
  const keys = [...after.keys(), ...[...before.keys()].filter((k) => !after.has(k))];
  const out: CheckDiff = {
    appeared: [],
    disappeared: [],
    changed: [],
    channelsAppeared: [],
    channelsDisappeared: [],
  };
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    const from = a?.status ?? null;
    const to = b?.status ?? null;
    if (from === to) continue;
    const ref = (b ?? a) as StoredItem;
    const change: ItemChange = {
      key,
      itemprop: ref.itemprop,
      section: ref.section,
      from,
      to,
      requirement: ref.requirement,
    };
    if (!isPresentStatus(from) && isPresentStatus(to)) out.appeared.push(change);
    else if (isPresentStatus(from) && !isPresentStatus(to)) out.disappeared.push(change);
    else out.changed.push(change);
  }
  const listed = (cs: readonly StoredChannel[]) =>
    new Set(cs.filter((c) => c.detected).map((c) => c.channel));
  const was = listed(prev.channels);
  const is = listed(next.channels);
  out.channelsAppeared = [...is].filter((c) => !was.has(c));
  out.channelsDisappeared = [...was].filter((c) => !is.has(c));
  return out;
}

export function isEmptyDiff(d: CheckDiff): boolean {
  return (
    d.appeared.length +
      d.disappeared.length +
      d.changed.length +
      d.channelsAppeared.length +
      d.channelsDisappeared.length ===
    0
  );
}

/**
 * Each check of a history (oldest first) paired with the diff from the previous successful check;
 * failed checks and the first successful one get null.
 */
export function historyDiffs<T extends Side & { status: string }>(
  checks: readonly T[],
): { check: T; previous: T | null; diff: CheckDiff | null }[] {
  let lastOk: T | null = null;
  return checks.map((check) => {
    if (check.status !== 'ok') return { check, previous: null, diff: null };
    const previous = lastOk;
    lastOk = check;
    return { check, previous, diff: previous ? diffChecks(previous, check) : null };
  });
}
