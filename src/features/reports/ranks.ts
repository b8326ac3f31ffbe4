// Standard competition ranking ("1, 2, 2, 4"): equal values share a rank and the next rank skips.
// Values are compared as printed (2 decimals), so two totals that read the same rank the same.

export interface Rankable {
  key: string;
  value: number;
}

/** key → rank, best (highest value) first. */
export function competitionRanks(items: readonly Rankable[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
  const ranks = new Map<string, number>();
  let previous: number | undefined;
  let rank = 0;
  sorted.forEach((item, i) => {
    const shown = Math.round(item.value * 100);
    if (shown !== previous) rank = i + 1;
    previous = shown;
    ranks.set(item.key, rank);
  });
  return ranks;
}

/** True when the rank is shared with another item (printed with a tie mark). */
export function sharedRanks(ranks: ReadonlyMap<string, number>): Set<number> {
  const seen = new Map<number, number>();
  for (const r of ranks.values()) seen.set(r, (seen.get(r) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([r]) => r));
}
