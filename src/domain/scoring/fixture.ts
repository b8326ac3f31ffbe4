// Test data: the worked example of methodology.md ("Worked example") and a builder of variations.
// Used by the tests of this folder only.
import type { OrganizationInput, SurveyCounts } from './input.ts';

export function workedExample(): OrganizationInput {
  return {
    id: 'A',
    kind: 'school',
    stand: { present: 9, required: 10 },
    site: { present: 40, required: 50 },
    remoteChannels: 3,
    comfortConditions: 4,
    premisesAccessibility: 2,
    serviceAccessibility: 3,
    survey: {
      respondents: 200,
      q1: 120,
      q2: 108,
      q3: 150,
      q4: 141,
      q5: 184,
      q6: 12,
      q7: 9,
      q8: 190,
      q9: 194,
      q10: 80,
      q11: 76,
      q12: 180,
      q13: 186,
      q14: 188,
    },
  };
}

type Overrides = Partial<Omit<OrganizationInput, 'survey'>> & { survey?: Partial<SurveyCounts> };

/** The worked example with some fields changed (survey fields merge one by one). */
export function exampleWith(overrides: Overrides): OrganizationInput {
  const base = workedExample();
  return { ...base, ...overrides, survey: { ...base.survey, ...overrides.survey } };
}

/** A survey where every count is 0 (no respondents at all). */
export function emptySurvey(): SurveyCounts {
  return {
    respondents: 0,
    q1: 0,
    q2: 0,
    q3: 0,
    q4: 0,
    q5: 0,
    q6: 0,
    q7: 0,
    q8: 0,
    q9: 0,
    q10: 0,
    q11: 0,
    q12: 0,
    q13: 0,
    q14: 0,
  };
}
