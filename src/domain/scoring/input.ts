// The facts about one organisation that the engine scores. The same shape is built by `noko score`
// from JSON and by the campaign pipeline from the database (expert checklists, site monitor, survey).
import type { FieldIssue } from '../errors.ts';

export const ORGANIZATION_KINDS = ['preschool', 'school', 'vocational', 'additional'] as const;
/** ДОО, ОО, СПО/профобучение, ДОД (methodology.md "Scope"). */
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Items present versus items required by the catalogue for the organisation's kind (1.1). */
export interface ItemCount {
  present: number;
  required: number;
}

/**
 * Survey counts (questionnaire.md). `respondents` is N, the number of valid respondents; `qK` is the
 * number of valid respondents who answered «Да» to question K. Q15–Q18 are not counts.
 */
export interface SurveyCounts {
  respondents: number;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  q5: number;
  q6: number;
  q7: number;
  q8: number;
  q9: number;
  q10: number;
  q11: number;
  q12: number;
  q13: number;
  q14: number;
}

export const SURVEY_QUESTIONS = [
  'q1',
  'q2',
  'q3',
  'q4',
  'q5',
  'q6',
  'q7',
  'q8',
  'q9',
  'q10',
  'q11',
  'q12',
  'q13',
  'q14',
] as const satisfies readonly (keyof SurveyCounts)[];
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];

/**
 * Skip logic (questionnaire.md): only those who said «Да» to the filter question see the dependent
 * one, so its «Да» count cannot exceed the filter's.
 */
export const DEPENDENT_QUESTIONS: readonly (readonly [SurveyQuestion, SurveyQuestion])[] = [
  ['q2', 'q1'],
  ['q4', 'q3'],
  ['q7', 'q6'],
  ['q11', 'q10'],
];

export interface OrganizationInput {
  id: string;
  kind: OrganizationKind;
  /** Information stand items (1.1, stand half). */
  stand: ItemCount;
  /** Official site items (1.1, site half). */
  site: ItemCount;
  /** Remote channels listed on the site and working (1.2). */
  remoteChannels: number;
  /** Comfort conditions present (2.1). */
  comfortConditions: number;
  /** Premises and territory accessibility conditions (3.1). */
  premisesAccessibility: number;
  /** Conditions letting disabled people receive services equally (3.2). */
  serviceAccessibility: number;
  survey: SurveyCounts;
}

/**
 * The rules between fields that a per-field type cannot express: present ≤ required ≥ 1, every
 * «Да» count ≤ N, dependent ≤ filter. Used by the zod schema and by scoreOrganization, so the engine
 * never computes from impossible counts. `path` prefixes field names (e.g. `organizations[0]`).
 */
export function organizationIssues(org: OrganizationInput, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, message: string): void => {
    issues.push({ path: `${path}.${field}`, message });
  };
  for (const [field, value] of countFields(org)) {
    if (!Number.isSafeInteger(value) || value < 0)
      add(field, `должно быть целым неотрицательным числом (сейчас ${value})`);
  }
  for (const part of ['stand', 'site'] as const) {
    const { present, required } = org[part];
    if (required < 1) add(`${part}.required`, `должно быть не меньше 1 (сейчас ${required})`);
    if (present > required) {
      add(
        `${part}.present`,
        `число имеющихся пунктов (${present}) больше числа требуемых required (${required})`,
      );
    }
  }
  const s = org.survey;
  for (const q of SURVEY_QUESTIONS) {
    if (s[q] > s.respondents) {
      add(
        `survey.${q}`,
        `число ответов «Да» (${s[q]}) больше числа респондентов respondents (${s.respondents})`,
      );
    }
  }
  for (const [dependent, filter] of DEPENDENT_QUESTIONS) {
    if (s[dependent] > s[filter]) {
      add(
        `survey.${dependent}`,
        `число ответов «Да» (${s[dependent]}) больше знаменателя ${filter} (${s[filter]})`,
      );
    }
  }
  return issues;
}

/** Every count of the input with its field name, for the non-negative integer rule. */
function countFields(org: OrganizationInput): [string, number][] {
  return [
    ['stand.present', org.stand.present],
    ['stand.required', org.stand.required],
    ['site.present', org.site.present],
    ['site.required', org.site.required],
    ['remoteChannels', org.remoteChannels],
    ['comfortConditions', org.comfortConditions],
    ['premisesAccessibility', org.premisesAccessibility],
    ['serviceAccessibility', org.serviceAccessibility],
    ['survey.respondents', org.survey.respondents],
    ...SURVEY_QUESTIONS.map((q): [string, number] => [`survey.${q}`, org.survey[q]]),
  ];
}
