import { describe, expect, it } from 'vitest';
import { round2OrNull } from './decimal.ts';
import { emptySurvey, exampleWith } from './fixture.ts';
import { scoreIndicators } from './indicators.ts';
import type { OrganizationInput } from './input.ts';
import { methodologyVersion } from './methodology.ts';
import type { IndicatorId, MethodologyOverrides } from './methodology.ts';

function indicator(
  id: IndicatorId,
  org: OrganizationInput,
  m: MethodologyOverrides = {},
): number | null {
  return round2OrNull(scoreIndicators(org, methodologyVersion(m))[id].value);
}

describe('1.1 information on stands and site', () => {
  it.each([
    [{ present: 9, required: 10 }, { present: 40, required: 50 }, 85],
    [{ present: 10, required: 10 }, { present: 50, required: 50 }, 100],
    [{ present: 0, required: 10 }, { present: 0, required: 50 }, 0],
    // a site with 0 items present: that half of 1.1 is 0
    [{ present: 10, required: 10 }, { present: 0, required: 50 }, 50],
    [{ present: 1, required: 3 }, { present: 2, required: 3 }, 50],
    [{ present: 1, required: 3 }, { present: 1, required: 1 }, 66.67],
  ])('stand %o, site %o → %d', (stand, site, expected) => {
    expect(indicator('1.1', exampleWith({ stand, site }))).toBe(expected);
  });
});

describe.each([
  [
    '1.2',
    'remoteChannels',
    [
      [0, 0],
      [1, 30],
      [2, 60],
      [3, 90],
      [4, 100],
      [5, 100],
      [6, 100],
    ],
  ],
  [
    '2.1',
    'comfortConditions',
    [
      [0, 0],
      [1, 20],
      [4, 80],
      [5, 100],
      [6, 100],
    ],
  ],
  [
    '3.1',
    'premisesAccessibility',
    [
      [0, 0],
      [2, 40],
      [5, 100],
      [7, 100],
    ],
  ],
  [
    '3.2',
    'serviceAccessibility',
    [
      [0, 0],
      [3, 60],
      [5, 100],
      [6, 100],
    ],
  ],
] as const)('%s from %s', (id, field, cases) => {
  it.each(cases as readonly (readonly [number, number])[])('%d → %d', (count, expected) => {
    expect(indicator(id, exampleWith({ [field]: count }))).toBe(expected);
  });
  it('marks a capped count in the provenance', () => {
    const r = scoreIndicators(exampleWith({ [field]: 6 }), methodologyVersion())[id];
    expect(r.provenance.variant.capped).toBe(true);
    expect(r.provenance.inputs).toEqual({ [field]: 6 });
  });
});

describe('1.3 satisfaction with information', () => {
  it.each([
    ['filter', 'exclude', {}, 92],
    ['total', 'exclude', {}, 62.25],
    // Q1да = 0 with Q3да > 0 → Q4да/Q3да × 100
    ['filter', 'exclude', { q1: 0, q2: 0 }, 94],
    ['filter', 'exclude', { q3: 0, q4: 0 }, 90],
    ['filter', 'exclude', { q1: 0, q2: 0, q3: 0, q4: 0 }, null],
    ['filter', 'zero', { q1: 0, q2: 0 }, 47],
    ['filter', 'zero', { q3: 0, q4: 0 }, 45],
    ['filter', 'zero', { q1: 0, q2: 0, q3: 0, q4: 0 }, 0],
    ['total', 'exclude', { q1: 0, q2: 0 }, 35.25],
    ['total', 'zero', { q1: 0, q2: 0, q3: 0, q4: 0 }, 0],
  ] as const)('%s/%s %o → %s', (denominators, zeroDenominator, survey, expected) => {
    expect(indicator('1.3', exampleWith({ survey }), { denominators, zeroDenominator })).toBe(
      expected,
    );
  });

  it('records the half used alone and why', () => {
    const r = scoreIndicators(exampleWith({ survey: { q1: 0, q2: 0 } }), methodologyVersion())[
      '1.3'
    ];
    expect(r.provenance.formula).toBe('Q4да/Q3да × 100');
    expect(r.provenance.variant).toEqual({
      denominators: 'filter',
      zeroDenominator: 'exclude',
      halfOnly: 'site',
    });
    expect(r.provenance.note).toMatch(/Q1да = 0/);
  });

  it('no respondents: null in exclude mode, 0 in zero mode (both denominator modes)', () => {
    const org = exampleWith({ survey: emptySurvey() });
    for (const denominators of ['filter', 'total'] as const) {
      expect(indicator('1.3', org, { denominators })).toBeNull();
      expect(indicator('1.3', org, { denominators, zeroDenominator: 'zero' })).toBe(0);
    }
  });
});

describe('survey shares', () => {
  it.each([
    ['2.3', {}, {}, 92],
    ['3.3', {}, {}, 75],
    ['3.3', { q6: 0, q7: 0 }, {}, null],
    ['3.3', { q6: 0, q7: 0 }, { zeroDenominator: 'zero' }, 0],
    ['4.1', {}, {}, 95],
    ['4.2', {}, {}, 97],
    ['4.3', {}, {}, 95],
    ['4.3', {}, { denominators: 'total' }, 38],
    ['4.3', { q10: 0, q11: 0 }, {}, null],
    ['4.3', { q10: 0, q11: 0 }, { zeroDenominator: 'zero' }, 0],
    ['4.3', { q10: 0, q11: 0 }, { denominators: 'total' }, 0],
    ['5.1', {}, {}, 90],
    ['5.2', {}, {}, 93],
    ['5.3', {}, {}, 94],
    ['5.3', { respondents: 3, q14: 2 }, {}, 66.67],
    ['5.3', { respondents: 3, q14: 1 }, {}, 33.33],
  ] as const)('%s with %o %o → %s', (id, survey, m, expected) => {
    expect(indicator(id, exampleWith({ survey }), m)).toBe(expected);
  });

  it('provenance names the counts and the formula', () => {
    const r = scoreIndicators(exampleWith({}), methodologyVersion())['3.3'];
    expect(r.provenance).toEqual({
      indicator: '3.3',
      source: 'survey',
      inputs: { q7: 9, q6: 12 },
      formula: 'Q7да / Q6да × 100',
      variant: {},
      notApplicable: false,
      note: null,
    });
  });

  it('a not applicable share says why', () => {
    const r = scoreIndicators(exampleWith({ survey: { q6: 0, q7: 0 } }), methodologyVersion())[
      '3.3'
    ];
    expect(r.value).toBeNull();
    expect(r.provenance.notApplicable).toBe(true);
    expect(r.provenance.variant).toEqual({ zeroDenominator: 'exclude' });
    expect(r.provenance.note).toMatch(/не применим/);
  });
});

it('every survey indicator is null with no respondents (exclude mode)', () => {
  const all = scoreIndicators(exampleWith({ survey: emptySurvey() }), methodologyVersion());
  for (const id of ['1.3', '2.3', '3.3', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3'] as const) {
    expect(all[id].value).toBeNull();
  }
  for (const id of ['1.1', '1.2', '2.1', '3.1', '3.2'] as const) {
    expect(all[id].value).not.toBeNull();
  }
});
