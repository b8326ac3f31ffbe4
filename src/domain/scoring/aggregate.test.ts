import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateBy, aggregateScores, roundAggregate } from './aggregate.ts';
import { emptySurvey, exampleWith, workedExample } from './fixture.ts';
import { methodologyVersion } from './methodology.ts';
import { scoreOrganization } from './organization.ts';

const score = (o: Parameters<typeof exampleWith>[0]) =>
  scoreOrganization(exampleWith(o), methodologyVersion());

describe('aggregateScores', () => {
  it('one organisation: its own scores', () => {
    const agg = roundAggregate(aggregateScores([scoreOrganization(workedExample())]));
    expect(agg).toEqual({
      criteria: { K1: 89.3, K2: 86, K3: 58.5, K4: 95.8, K5: 92.6 },
      total: 84.44,
    });
  });

  it('plain means over organisations with a total; insufficient data left out', () => {
    const a = score({ id: 'a' });
    const b = score({ id: 'b', remoteChannels: 0 }); // K1 = 89.3 − 27 = 62.3, S = 79.04
    const c = score({ id: 'c', survey: emptySurvey() });
    const agg = aggregateScores([a, c, b]);
    expect(agg.count).toBe(2);
    expect(agg.excluded).toEqual(['c']);
    expect(roundAggregate(agg)).toEqual({
      criteria: { K1: 75.8, K2: 86, K3: 58.5, K4: 95.8, K5: 92.6 },
      total: 81.74,
    });
  });

  it('no organisation with a total → nulls', () => {
    const agg = aggregateScores([score({ survey: emptySurvey() })]);
    expect(roundAggregate(agg)).toEqual({
      criteria: { K1: null, K2: null, K3: null, K4: null, K5: null },
      total: null,
    });
    expect(aggregateScores([]).count).toBe(0);
  });

  it('groups by a key, sorted', () => {
    const groups = aggregateBy(
      [
        score({ id: '1', kind: 'school' }),
        score({ id: '2', kind: 'preschool', comfortConditions: 5 }),
      ],
      (s) => s.kind,
    );
    expect([...groups.keys()]).toEqual(['preschool', 'school']);
    expect(roundAggregate(groups.get('school')!).total).toBe(84.44);
    expect(roundAggregate(groups.get('preschool')!).total).toBe(86.44); // 2.1 = 100 → K2 = 96
  });

  it('does not depend on the order of organisations (property)', () => {
    const org = fc.record({
      channels: fc.nat(7),
      q5: fc.nat(200),
      q12: fc.nat(200),
      q6: fc.nat(12),
      respondents: fc.constantFrom(0, 200),
    });
    // The same organisations in a random order (a permutation of the whole list).
    const listAndShuffle = fc.array(org, { minLength: 1, maxLength: 8 }).chain((orgs) =>
      fc.tuple(
        fc.constant(orgs.map((o, i) => ({ ...o, id: String(i) }))),
        fc.shuffledSubarray(
          orgs.map((o, i) => ({ ...o, id: String(i) })),
          {
            minLength: orgs.length,
            maxLength: orgs.length,
          },
        ),
      ),
    );
    const toScore = (o: {
      id: string;
      channels: number;
      q5: number;
      q12: number;
      q6: number;
      respondents: number;
    }) =>
      score({
        id: o.id,
        remoteChannels: o.channels,
        survey:
          o.respondents === 0
            ? emptySurvey()
            : { q5: o.q5, q12: o.q12, q6: o.q6, q7: Math.min(9, o.q6) },
      });
    fc.assert(
      fc.property(listAndShuffle, ([orgs, shuffled]) => {
        const base = aggregateScores(orgs.map(toScore));
        const other = aggregateScores(shuffled.map(toScore));
        expect(other.count).toBe(base.count);
        expect(other.total?.toString()).toBe(base.total?.toString());
        for (const id of ['K1', 'K2', 'K3', 'K4', 'K5'] as const) {
          expect(other.criteria[id]?.toString()).toBe(base.criteria[id]?.toString());
        }
        expect(other.excluded).toEqual(base.excluded);
      }),
    );
  });
});
