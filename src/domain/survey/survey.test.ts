// Questionnaire, skip logic, validity rules and counts (questionnaire.md), table-driven, plus a
// property: whatever a respondent following the skip logic answers is valid, and the counts of any
// set of such responses are accepted by the scoring input (parseScoreRequest).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScoreRequest } from '../scoring/input.schema.ts';
import { DEPENDENT_QUESTIONS } from '../scoring/input.ts';
import {
  QUESTIONS,
  QUESTION_IDS,
  RESPONDENT_VALUES,
  SEX_VALUES,
  type SurveyAnswers,
} from './questionnaire.ts';
import { answersFromForm } from './form.ts';
import { countYes } from './counts.ts';
import { validateResponse, visibleQuestions, type SurveyIssueCode } from './validate.ts';

/** Every filter «Нет», every other yes/no answered: the shortest valid response. */
const allNo = (): SurveyAnswers => ({
  q1: false,
  q3: false,
  q5: true,
  q6: false,
  q8: true,
  q9: true,
  q10: false,
  q12: true,
  q13: true,
  q14: true,
});
const allYes = (): SurveyAnswers =>
  Object.fromEntries(QUESTIONS.filter((q) => q.kind === 'yesno').map((q) => [q.id, true]));

describe('questionnaire', () => {
  it('has q1–q18 with the spec wording and four dependent questions', () => {
    expect(QUESTIONS.map((q) => q.id)).toEqual([...QUESTION_IDS]);
    expect(QUESTIONS[13]!.text).toBe(
      'Удовлетворены ли Вы в целом условиями оказания услуг в организации?',
    );
    expect(QUESTIONS.filter((q) => q.filter).map((q) => [q.id, q.filter])).toEqual(
      DEPENDENT_QUESTIONS,
    );
    expect(QUESTIONS.filter((q) => q.required).length).toBe(14);
  });
});

describe('visibleQuestions', () => {
  it.each([
    ['nothing answered: dependents hidden', {}, ['q2', 'q4', 'q7', 'q11']],
    ['q1 «Да» shows q2', { q1: true }, ['q4', 'q7', 'q11']],
    ['q1 «Нет» hides q2', { q1: false }, ['q2', 'q4', 'q7', 'q11']],
    ['all filters «Да»', { q1: true, q3: true, q6: true, q10: true }, []],
    ['q6 and q10 «Да»', { q6: true, q10: true }, ['q2', 'q4']],
  ])('%s', (_, answers, hidden) => {
    const visible = visibleQuestions(answers);
    expect(QUESTION_IDS.filter((id) => !visible.includes(id))).toEqual(hidden);
  });
});

describe('validateResponse', () => {
  const cases: [string, unknown, SurveyIssueCode | null, string?][] = [
    ['all filters «Нет»', allNo(), null],
    ['all «Да»', allYes(), null],
    [
      'with optional answers',
      { ...allNo(), q15: 'Больше кружков', q16: 'female', q17: 14, q18: 'student' },
      null,
    ],
    ['age 100', { ...allNo(), q17: 100 }, null],
    ['null optional = not answered', { ...allNo(), q15: null, q17: null }, null],
    ['not an object', [true], 'invalid_body', 'answers'],
    ['null body', null, 'invalid_body', 'answers'],
    ['unknown question', { ...allNo(), q19: true }, 'unknown_question', 'answers.q19'],
    ['yes/no as a string', { ...allNo(), q5: 'да' }, 'wrong_type', 'answers.q5'],
    ['age as a string', { ...allNo(), q17: '30' }, 'wrong_type', 'answers.q17'],
    ['age fractional', { ...allNo(), q17: 30.5 }, 'wrong_type', 'answers.q17'],
    ['age 13', { ...allNo(), q17: 13 }, 'out_of_range', 'answers.q17'],
    ['age 101', { ...allNo(), q17: 101 }, 'out_of_range', 'answers.q17'],
    ['unknown sex', { ...allNo(), q16: 'm' }, 'wrong_type', 'answers.q16'],
    ['unknown respondent type', { ...allNo(), q18: 'teacher' }, 'wrong_type', 'answers.q18'],
    ['text as a number', { ...allNo(), q15: 5 }, 'wrong_type', 'answers.q15'],
    ['text of 2001 chars', { ...allNo(), q15: 'я'.repeat(2001) }, 'text_too_long', 'answers.q15'],
    ['q2 after q1 «Нет»', { ...allNo(), q2: true }, 'skipped_question_answered', 'answers.q2'],
    ['q4 after q3 «Нет»', { ...allNo(), q4: false }, 'skipped_question_answered', 'answers.q4'],
    ['q7 after q6 «Нет»', { ...allNo(), q7: true }, 'skipped_question_answered', 'answers.q7'],
    ['q11 after q10 «Нет»', { ...allNo(), q11: true }, 'skipped_question_answered', 'answers.q11'],
    ['q2 without q1', { ...allNo(), q1: undefined, q2: true }, 'missing_required', 'answers.q1'],
    ['q1 «Да» but q2 missing', { ...allNo(), q1: true }, 'missing_required', 'answers.q2'],
    ['q14 missing', { ...allNo(), q14: undefined }, 'missing_required', 'answers.q14'],
    ['empty object', {}, 'missing_required', 'answers.q1'],
  ];
  it.each(cases)('%s', (_, input, code, path) => {
    const result = validateResponse(input);
    if (code === null) {
      expect(result).toMatchObject({ ok: true, dropped: [] });
      return;
    }
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ code, path }));
  });

  it('a 2000-character text is accepted (trimmed)', () => {
    const result = validateResponse({ ...allNo(), q15: `  ${'ё'.repeat(2000)}  ` });
    expect(result.ok && result.answers.q15?.length).toBe(2000);
  });

  it('messages are Russian and name the question', () => {
    const result = validateResponse({ ...allNo(), q2: true, q17: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.message)).toEqual([
      'Вопрос 2 задаётся только тем, кто ответил «Да» на вопрос 1; уберите ответ на него',
      'Вопрос 17: возраст должен быть от 14 до 100 лет (сейчас 7)',
    ]);
  });

  it('the drop policy removes answers to hidden questions and reports them', () => {
    const result = validateResponse({ ...allNo(), q2: true, q11: false }, 'drop');
    expect(result).toEqual({ ok: true, answers: allNo(), dropped: ['q2', 'q11'] });
  });

  it('blank optional answers are not stored', () => {
    const result = validateResponse({ ...allNo(), q15: '   ' });
    expect(result.ok && 'q15' in result.answers).toBe(false);
  });
});

describe('answersFromForm', () => {
  it('converts yes/no and age, passes anything else through for validation', () => {
    expect(
      answersFromForm({ q1: 'yes', q2: 'no', q5: 'maybe', q15: ' ', q17: ' 42 ', q16: 'male' }),
    ).toEqual({ q1: true, q2: false, q5: 'maybe', q17: 42, q16: 'male' });
    expect(answersFromForm({ q17: '4.5' })).toEqual({ q17: '4.5' });
  });
});

describe('countYes', () => {
  it('counts «Да» per question over the given responses', () => {
    const counts = countYes([allNo(), allYes(), { ...allNo(), q1: true, q2: false }]);
    expect(counts).toEqual({
      respondents: 3,
      q1: 2,
      q2: 1,
      q3: 1,
      q4: 1,
      q5: 3,
      q6: 1,
      q7: 1,
      q8: 3,
      q9: 3,
      q10: 1,
      q11: 1,
      q12: 3,
      q13: 3,
      q14: 3,
    });
  });
});

/** A respondent who follows the skip logic: dependents answered only after «Да». */
const followingSkipLogic: fc.Arbitrary<SurveyAnswers> = fc
  .record({
    yes: fc.array(fc.boolean(), { minLength: 18, maxLength: 18 }),
    q15: fc.option(fc.string({ maxLength: 2000 }), { nil: undefined }),
    q16: fc.option(fc.constantFrom(...SEX_VALUES), { nil: undefined }),
    q17: fc.option(fc.integer({ min: 14, max: 100 }), { nil: undefined }),
    q18: fc.option(fc.constantFrom(...RESPONDENT_VALUES), { nil: undefined }),
  })
  .map(({ yes, ...optional }) => {
    const answers: Record<string, unknown> = {};
    QUESTIONS.forEach((q, i) => {
      if (q.kind === 'yesno' && (!q.filter || answers[q.filter] === true)) answers[q.id] = yes[i];
    });
    for (const [k, v] of Object.entries(optional)) if (v !== undefined) answers[k] = v;
    return answers as SurveyAnswers;
  });

describe('properties', () => {
  it('any answer set that follows the skip logic is valid', () => {
    fc.assert(
      fc.property(followingSkipLogic, (answers) => {
        expect(validateResponse(answers).ok).toBe(true);
      }),
    );
  });

  it('counts of any such responses are a valid scoring input', () => {
    fc.assert(
      fc.property(fc.array(followingSkipLogic, { maxLength: 60 }), (responses) => {
        const survey = countYes(responses);
        expect(() =>
          parseScoreRequest({
            organizations: [
              {
                id: 'A',
                kind: 'school',
                stand: { present: 1, required: 1 },
                site: { present: 1, required: 1 },
                remoteChannels: 0,
                comfortConditions: 0,
                premisesAccessibility: 0,
                serviceAccessibility: 0,
                survey,
              },
            ],
          }),
        ).not.toThrow();
      }),
    );
  });
});
