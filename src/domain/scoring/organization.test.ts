import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { emptySurvey, exampleWith, workedExample } from './fixture.ts';
import { methodologyVersion } from './methodology.ts';
import type { MethodologyOverrides } from './methodology.ts';
import { roundOrganizationScore, scoreOrganization } from './organization.ts';
import type { OrganizationInput } from './input.ts';

const rounded = (org: OrganizationInput, m: MethodologyOverrides = {}) =>
  roundOrganizationScore(scoreOrganization(org, methodologyVersion(m)));

describe('worked example of methodology.md', () => {
  it('filter (default) → S 84.44', () => {
    expect(rounded(workedExample())).toEqual({
      id: 'A',
      indicators: {
        '1.1': 85,
        '1.2': 90,
        '1.3': 92,
        '2.1': 80,
        '2.3': 92,
        '3.1': 40,
        '3.2': 60,
        '3.3': 75,
        '4.1': 95,
        '4.2': 97,
        '4.3': 95,
        '5.1': 90,
        '5.2': 93,
        '5.3': 94,
      },
      criteria: { K1: 89.3, K2: 86, K3: 58.5, K4: 95.8, K5: 92.6 },
      total: 84.44,
    });
  });

  it('total → S 79.78', () => {
    const r = rounded(workedExample(), { denominators: 'total' });
    expect(r.indicators).toMatchObject({ '1.1': 85, '1.2': 90, '1.3': 62.25, '4.3': 38 });
    expect(r.criteria).toEqual({ K1: 77.4, K2: 86, K3: 58.5, K4: 84.4, K5: 92.6 });
    expect(r.total).toBe(79.78);
  });

  it('keeps unrounded values and carries the methodology version', () => {
    const m = methodologyVersion({ denominators: 'total' });
    const s = scoreOrganization(workedExample(), m);
    expect(s.total.value?.toString()).toBe('79.78');
    expect(s.methodology).toBe(m);
    expect(s.insufficientData).toBe(false);
    expect(s.criteria.K1.provenance.formula).toBe('0.3 × 1.1 + 0.3 × 1.2 + 0.4 × 1.3');
  });
});

describe('edge cases of methodology.md', () => {
  it.each([
    [{ remoteChannels: 4 }, '1.2', 100],
    [{ remoteChannels: 6 }, '1.2', 100],
    [{ comfortConditions: 5 }, '2.1', 100],
    [{ serviceAccessibility: 6 }, '3.2', 100],
    [{ site: { present: 0, required: 50 } }, '1.1', 45],
    [{ survey: { q1: 0, q2: 0 } }, '1.3', 94],
  ] as const)('%o → %s = %d', (overrides, id, expected) => {
    for (const zeroDenominator of ['exclude', 'zero'] as const) {
      const r = rounded(exampleWith(overrides), { zeroDenominator });
      expect(r.indicators[id]).toBe(zeroDenominator === 'zero' && id === '1.3' ? 47 : expected);
    }
  });

  it('Q6да = 0 → 3.3 null and K3 = (0.3 × 3.1 + 0.4 × 3.2) / 0.7', () => {
    const s = scoreOrganization(exampleWith({ survey: { q6: 0, q7: 0 } }), methodologyVersion());
    expect(s.indicators['3.3'].value).toBeNull();
    // (0.3 × 40 + 0.4 × 60) / 0.7 = 36 / 0.7 = 51.428571…
    expect(s.criteria.K3.value?.toDecimalPlaces(10).toString()).toBe('51.4285714286');
    expect(s.criteria.K3.provenance.formula).toBe('(0.3 × 3.1 + 0.4 × 3.2) / 0.7');
    const eff = s.criteria.K3.provenance.weights.map((w) => [
      w.indicator,
      w.effective.toDecimalPlaces(6).toNumber(),
    ]);
    expect(eff).toEqual([
      ['3.1', 0.428571],
      ['3.2', 0.571429],
      ['3.3', 0],
    ]);
    expect(roundOrganizationScore(s).criteria.K3).toBe(51.43);
  });

  it('Q6да = 0 in zero mode → 3.3 = 0 and weights are not rescaled', () => {
    const r = rounded(exampleWith({ survey: { q6: 0, q7: 0 } }), { zeroDenominator: 'zero' });
    expect(r.indicators['3.3']).toBe(0);
    expect(r.criteria.K3).toBe(36); // 0.3 × 40 + 0.4 × 60 + 0.3 × 0
  });

  it('Q10да = 0 → 4.3 null, K4 = (0.4 × 4.1 + 0.4 × 4.2) / 0.8; zero mode → 4.3 = 0', () => {
    const org = exampleWith({ survey: { q10: 0, q11: 0 } });
    expect(rounded(org).criteria.K4).toBe(96);
    const zero = rounded(org, { zeroDenominator: 'zero' });
    expect(zero.indicators['4.3']).toBe(0);
    expect(zero.criteria.K4).toBe(76.8);
  });

  it('Q1да = Q3да = 0 → 1.3 null, K1 from 1.1 and 1.2 alone; zero mode → 1.3 = 0', () => {
    const org = exampleWith({ survey: { q1: 0, q2: 0, q3: 0, q4: 0 } });
    expect(rounded(org).criteria.K1).toBe(87.5); // (0.3 × 85 + 0.3 × 90) / 0.6
    expect(rounded(org, { zeroDenominator: 'zero' }).criteria.K1).toBe(52.5);
  });

  it('no respondents → survey criteria null, total null ("insufficient data")', () => {
    const s = scoreOrganization(exampleWith({ survey: emptySurvey() }), methodologyVersion());
    const r = roundOrganizationScore(s);
    expect(r.criteria).toEqual({ K1: 87.5, K2: 80, K3: 51.43, K4: null, K5: null });
    expect(r.total).toBeNull();
    expect(s.insufficientData).toBe(true);
    expect(s.total.provenance.note).toMatch(/K4, K5/);
    expect(s.criteria.K4.provenance.notApplicable).toBe(true);
  });

  it('no respondents in zero mode: every share counts 0, nothing is null', () => {
    const r = rounded(exampleWith({ survey: emptySurvey() }), { zeroDenominator: 'zero' });
    expect(r.criteria).toEqual({ K1: 52.5, K2: 40, K3: 36, K4: 0, K5: 0 });
    expect(r.total).toBe(25.7);
  });

  it('a total that is exactly x.xx5 rounds away from zero', () => {
    // K4 with 4.3 null = 50 × (9 + 12) / 112 = 9.375 exactly → 9.38
    const org = exampleWith({ survey: { ...emptySurvey(), respondents: 112, q8: 9, q9: 12 } });
    const r = rounded(org);
    expect(r.criteria.K4).toBe(9.38);
  });
});

describe('invalid input', () => {
  it.each([
    [{ survey: { q2: 121 } }, 'A.survey.q2'],
    [{ survey: { q14: 201 } }, 'A.survey.q14'],
    [{ stand: { present: 11, required: 10 } }, 'A.stand.present'],
    [{ site: { present: 0, required: 0 } }, 'A.site.required'],
    [{ remoteChannels: -1 }, 'A.remoteChannels'],
    [{ comfortConditions: 1.5 }, 'A.comfortConditions'],
  ] as const)('%o throws a validation error naming %s', (overrides, path) => {
    const run = () => scoreOrganization(exampleWith(overrides));
    expect(run).toThrow(AppError);
    expect(run).toThrow(path);
  });
});
