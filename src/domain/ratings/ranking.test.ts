// Places with ties (standard competition ranking) and who is left out of ratings.
import { describe, expect, it } from 'vitest';
import { competitionRanks, rankOrganizations, type RankCandidate } from './ranking.ts';

describe('competitionRanks', () => {
  it.each([
    [
      [90, 80, 70],
      [1, 2, 3],
    ],
    [
      [90, 90, 80],
      [1, 1, 3],
    ],
    [
      [80, 90, 90, 70],
      [3, 1, 1, 4],
    ],
    [
      [50, 50, 50],
      [1, 1, 1],
    ],
    [
      [70, 90, 70, 70, 60],
      [2, 1, 2, 2, 5],
    ],
    [[], []],
  ])('%j → %j', (values, expected) => {
    const ranks = competitionRanks(values.map((value, id) => ({ id, value })));
    expect(values.map((_, id) => ranks.get(id))).toEqual(expected);
  });
});

const org = (
  id: number,
  total: number | null,
  extra: Partial<RankCandidate> = {},
): RankCandidate => ({ id, total, belowSample: false, kind: 'school', municipality: 1, ...extra });

describe('rankOrganizations', () => {
  const candidates = [
    org(1, 84.44),
    org(2, 84.44, { municipality: 2 }),
    org(3, 90, { belowSample: true }),
    org(4, null),
    org(5, 70),
    org(6, 95, { kind: 'preschool' }),
  ];

  it('leaves out below-sample and insufficient-data organizations by default', () => {
    const p = rankOrganizations(candidates);
    expect(p.get(3)).toEqual({
      ranked: false,
      excludedBecause: 'below_sample',
      ranks: { kind: null, municipality: null, region: null },
    });
    expect(p.get(4)?.excludedBecause).toBe('insufficient_data');
    expect(p.get(1)?.ranks).toEqual({ kind: 1, municipality: 1, region: 2 });
    expect(p.get(2)?.ranks).toEqual({ kind: 1, municipality: 1, region: 2 });
    expect(p.get(5)?.ranks).toEqual({ kind: 3, municipality: 2, region: 4 });
    expect(p.get(6)?.ranks).toEqual({ kind: 1, municipality: 1, region: 1 });
  });

  it('ranks below-sample organizations with the switch, never insufficient data', () => {
    const p = rankOrganizations(candidates, { rankBelowSample: true });
    expect(p.get(3)).toMatchObject({ ranked: true, excludedBecause: null });
    expect(p.get(3)?.ranks).toEqual({ kind: 1, municipality: 1, region: 2 });
    expect(p.get(1)?.ranks.kind).toBe(2);
    expect(p.get(4)?.ranked).toBe(false);
  });
});
