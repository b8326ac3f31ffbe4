// Property tests over random valid inputs (fast-check), in every methodology variant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dec } from './decimal.ts';
import { scoreIndicators } from './indicators.ts';
import type { OrganizationInput, SurveyCounts } from './input.ts';
import { CRITERION_IDS, INDICATOR_IDS, methodologyVersion } from './methodology.ts';
import type { IndicatorId, MethodologyVersion } from './methodology.ts';
import { scoreOrganization } from './organization.ts';

/** `part` of `whole` chosen by a random fraction, so that the count never exceeds its denominator. */
const part = (whole: number, r: number): number => Math.floor(whole * r);

const itemCount = fc
  .record({
    required: fc.integer({ min: 1, max: 200 }),
    r: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ required, r }) => ({ present: part(required, r), required }));

const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
  minLength: 14,
  maxLength: 14,
});

const survey = fc
  .record({ n: fc.integer({ min: 0, max: 2000 }), r: fractions })
  .map(({ n, r }): SurveyCounts => {
    const at = (i: number) => r[i] ?? 0;
    const q1 = part(n, at(0));
    const q3 = part(n, at(2));
    const q6 = part(n, at(5));
    const q10 = part(n, at(9));
    return {
      respondents: n,
      q1,
      q2: part(q1, at(1)),
      q3,
      q4: part(q3, at(3)),
      q5: part(n, at(4)),
      q6,
      q7: part(q6, at(6)),
      q8: part(n, at(7)),
      q9: part(n, at(8)),
      q10,
      q11: part(q10, at(10)),
      q12: part(n, at(11)),
      q13: part(n, at(12)),
      q14: part(n, at(13)),
    };
  });

const organization: fc.Arbitrary<OrganizationInput> = fc.record({
  id: fc.constant('X'),
  kind: fc.constantFrom('preschool', 'school', 'vocational', 'additional'),
  stand: itemCount,
  site: itemCount,
  remoteChannels: fc.nat(8),
  comfortConditions: fc.nat(8),
  premisesAccessibility: fc.nat(8),
  serviceAccessibility: fc.nat(8),
  survey,
});

const methodology: fc.Arbitrary<MethodologyVersion> = fc
  .record({
    denominators: fc.constantFrom('filter', 'total'),
    zeroDenominator: fc.constantFrom('exclude', 'zero'),
  })
  .map((m) => methodologyVersion(m));

const within = (v: Dec | null): boolean => v === null || (v.gte(0) && v.lte(100));

describe('properties', () => {
  it('every indicator, criterion and total lies within 0–100', () => {
    fc.assert(
      fc.property(organization, methodology, (org, m) => {
        const s = scoreOrganization(org, m);
        for (const id of INDICATOR_IDS) expect(within(s.indicators[id].value)).toBe(true);
        for (const id of CRITERION_IDS) expect(within(s.criteria[id].value)).toBe(true);
        expect(within(s.total.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('zero mode never yields null; exclude mode is null only for a zero denominator', () => {
    fc.assert(
      fc.property(organization, (org) => {
        const zero = scoreOrganization(org, methodologyVersion({ zeroDenominator: 'zero' }));
        expect(zero.total.value).not.toBeNull();
        const ex = scoreOrganization(org, methodologyVersion());
        if (org.survey.q6 > 0) expect(ex.indicators['3.3'].value).not.toBeNull();
        if (org.survey.respondents > 0) expect(ex.total.value).not.toBeNull();
      }),
    );
  });

  // A new respondent who is satisfied adds 1 to N and 1 to each «Да» count on their path: the filter
  // questions they pass and the dependent question. For 1.3 the satisfied respondent used both the
  // stands and the site and is satisfied with both (Q1–Q4), as 1.3 measures both channels.
  const satisfied: readonly (readonly [IndicatorId, readonly (keyof SurveyCounts)[]])[] = [
    ['1.3', ['q1', 'q2', 'q3', 'q4']],
    ['2.3', ['q5']],
    ['3.3', ['q6', 'q7']],
    ['4.1', ['q8']],
    ['4.2', ['q9']],
    ['4.3', ['q10', 'q11']],
    ['5.1', ['q12']],
    ['5.2', ['q13']],
    ['5.3', ['q14']],
  ];

  it.each(satisfied)('one more satisfied respondent never lowers %s', (id, answers) => {
    fc.assert(
      fc.property(organization, methodology, (org, m) => {
        const more = { ...org.survey, respondents: org.survey.respondents + 1 };
        for (const q of answers) more[q] += 1;
        const before = scoreIndicators(org, m)[id].value;
        const after = scoreIndicators({ ...org, survey: more }, m)[id].value;
        expect(after).not.toBeNull();
        if (before !== null && after !== null) expect(after.gte(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
