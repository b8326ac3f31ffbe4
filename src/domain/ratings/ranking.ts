// Ratings of organizations within a campaign: who is ranked, and the places.
//
// Choices (documented for reports):
// - Places use *standard competition ranking* («1224»): organizations with equal totals share a
//   place and the next place skips as many numbers as were shared (1, 1, 3). No dense ranking
//   (1, 1, 2), because then «3rd of 40» would not mean «two organizations scored higher».
// - Equality is decided on the published total — rounded to 2 decimals, half away from zero
//   (methodology.md "Rounding") — so two organizations shown with the same score never get
//   different places because of digits nobody sees.
// - By default an organization is left out of ratings when its total is null («insufficient data»:
//   methodology.md says it is never ranked) or when it fell short of its required sample
//   (methodology.md "Sample": flagged in every report). The switch `rankBelowSample` ranks the
//   latter (still flagged); insufficient data is never ranked.
// - Three ratings are kept: among organizations of the same kind in the region (the main one —
//   kindergartens are not compared with colleges), of the same kind in the municipality, and among
//   all organizations of the region.

export type ExclusionReason = 'insufficient_data' | 'below_sample';

export interface RankCandidate<Id extends string | number = number> {
  id: Id;
  /** The total as published (2 decimals) or null for insufficient data. */
  total: number | null;
  belowSample: boolean;
  kind: string;
  municipality: string | number;
}

export interface RankOptions {
  /** Rank organizations below their required sample too (default false: left out). */
  rankBelowSample?: boolean;
}

export interface Placement {
  ranked: boolean;
  /** Why the organization is left out of ratings, null when ranked. */
  excludedBecause: ExclusionReason | null;
  ranks: { kind: number | null; municipality: number | null; region: number | null };
}

/** Why a candidate is not ranked under the options, or null when it is. */
export function exclusionReason(
  c: RankCandidate<string | number>,
  options: RankOptions = {},
): ExclusionReason | null {
  if (c.total === null) return 'insufficient_data';
  if (c.belowSample && !options.rankBelowSample) return 'below_sample';
  return null;
}

/**
 * Standard competition ranks, highest value first: `[90, 90, 80]` → 1, 1, 3. Values are compared
 * as given (pass published, rounded values). The order of equal values does not matter.
 */
export function competitionRanks<Id>(items: readonly { id: Id; value: number }[]): Map<Id, number> {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const ranks = new Map<Id, number>();
  let place = 0;
  let previous: number | undefined;
  sorted.forEach((item, index) => {
    if (item.value !== previous) place = index + 1;
    previous = item.value;
    ranks.set(item.id, place);
  });
  return ranks;
}

function ranksWithin<Id extends string | number>(
  eligible: readonly RankCandidate<Id>[],
  groupOf: (c: RankCandidate<Id>) => string,
): Map<Id, number> {
  const groups = new Map<string, { id: Id; value: number }[]>();
  for (const c of eligible) {
    const key = groupOf(c);
    const list = groups.get(key) ?? [];
    list.push({ id: c.id, value: c.total as number });
    groups.set(key, list);
  }
  const out = new Map<Id, number>();
  for (const list of groups.values()) for (const [id, r] of competitionRanks(list)) out.set(id, r);
  return out;
}

/** Placements of every candidate: ranks by kind (region), by kind within municipality, overall. */
export function rankOrganizations<Id extends string | number>(
  candidates: readonly RankCandidate<Id>[],
  options: RankOptions = {},
): Map<Id, Placement> {
  const eligible = candidates.filter((c) => exclusionReason(c, options) === null);
  const byKind = ranksWithin(eligible, (c) => c.kind);
  const byMunicipality = ranksWithin(eligible, (c) => `${c.municipality}\u0000${c.kind}`);
  const overall = ranksWithin(eligible, () => 'region');
  return new Map(
    candidates.map((c) => {
      const reason = exclusionReason(c, options);
      return [
        c.id,
        {
          ranked: reason === null,
          excludedBecause: reason,
          ranks: {
            kind: byKind.get(c.id) ?? null,
            municipality: byMunicipality.get(c.id) ?? null,
            region: overall.get(c.id) ?? null,
          },
        },
      ];
    }),
  );
}
