// Validity of one response (questionnaire.md "Validity rules") and the skip logic. A response is
// valid when every shown yes/no question is answered; a dependent question is shown only when its
// filter is «Да». Each problem carries a stable code (for the API and tests) and a Russian message
// naming the question (for people).
import {
  AGE_MAX,
  AGE_MIN,
  QUESTIONS,
  QUESTION_BY_ID,
  RESPONDENT_LABELS,
  RESPONDENT_VALUES,
  SEX_LABELS,
  SEX_VALUES,
  TEXT_MAX_LENGTH,
  type Question,
  type QuestionId,
  type SurveyAnswers,
} from './questionnaire.ts';

export const SURVEY_ISSUE_CODES = [
  'invalid_body',
  'unknown_question',
  'wrong_type',
  'skipped_question_answered',
  'missing_required',
  'text_too_long',
  'out_of_range',
] as const;
export type SurveyIssueCode = (typeof SURVEY_ISSUE_CODES)[number];

export interface SurveyIssue {
  /** `answers.q2`, or `answers` for the whole object. */
  path: string;
  /** The question the issue is about, when there is one. */
  question: string | null;
  code: SurveyIssueCode;
  message: string;
}

/**
 * What to do with an answer to a question hidden by the skip logic. `reject` (API): a client that
 * sends one is wrong. `drop` (HTML form without JavaScript, paper, import): the answer is not stored
 * (questionnaire.md: "import: dropped and counted in the import report").
 */
export type SkippedPolicy = 'reject' | 'drop';

export type ValidationResult =
  | { ok: true; answers: SurveyAnswers; dropped: QuestionId[] }
  | { ok: false; issues: SurveyIssue[] };

/** Ids of the questions shown for these answers: a dependent one only when its filter is «Да». */
export function visibleQuestions(answers: Partial<Record<string, unknown>>): QuestionId[] {
  return QUESTIONS.filter((q) => !q.filter || answers[q.filter] === true).map((q) => q.id);
}

export function isVisible(q: Question, answers: Partial<Record<string, unknown>>): boolean {
  return !q.filter || answers[q.filter] === true;
}

const label = (q: Question): string => `Вопрос ${q.number}`;

/** Absent, null and (for the optional text) blank all mean "not answered". */
function isBlank(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

function checkValue(q: Question, value: unknown): Omit<SurveyIssue, 'path' | 'question'> | null {
  switch (q.kind) {
    case 'yesno':
      return typeof value === 'boolean'
        ? null
        : {
            code: 'wrong_type',
            message: `${label(q)}: ожидается ответ «Да» (true) или «Нет» (false)`,
          };
    case 'text':
      if (typeof value !== 'string') {
        return { code: 'wrong_type', message: `${label(q)}: ожидается текст` };
      }
      return [...value.trim()].length > TEXT_MAX_LENGTH
        ? {
            code: 'text_too_long',
            message: `${label(q)}: текст длиннее ${TEXT_MAX_LENGTH} символов (сейчас ${[...value.trim()].length})`,
          }
        : null;
    case 'sex':
      return (SEX_VALUES as readonly unknown[]).includes(value)
        ? null
        : {
            code: 'wrong_type',
            message: `${label(q)}: допустимо ${SEX_VALUES.map((v) => `${v} (${SEX_LABELS[v]})`).join(', ')}`,
          };
    case 'respondent':
      return (RESPONDENT_VALUES as readonly unknown[]).includes(value)
        ? null
        : {
            code: 'wrong_type',
            message: `${label(q)}: допустимо ${RESPONDENT_VALUES.map((v) => `${v} (${RESPONDENT_LABELS[v]})`).join(', ')}`,
          };
    case 'age':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return { code: 'wrong_type', message: `${label(q)}: ожидается целое число полных лет` };
      }
      return value < AGE_MIN || value > AGE_MAX
        ? {
            code: 'out_of_range',
            message: `${label(q)}: возраст должен быть от ${AGE_MIN} до ${AGE_MAX} лет (сейчас ${value})`,
          }
        : null;
  }
}

/**
 * Checks an answer set from any channel. On success returns the answers to store: only answered,
 * shown questions, with the text trimmed; `dropped` lists hidden questions whose answers were
 * removed under the `drop` policy.
 */
export function validateResponse(
  raw: unknown,
  skipped: SkippedPolicy = 'reject',
): ValidationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      issues: [
        {
          path: 'answers',
          question: null,
          code: 'invalid_body',
          message: 'Ответы должны быть объектом вида { "q1": true, … }',
        },
      ],
    };
  }
  const input = raw as Record<string, unknown>;
  const issues: SurveyIssue[] = [];
  const add = (question: string | null, code: SurveyIssueCode, message: string) =>
    issues.push({ path: question ? `answers.${question}` : 'answers', question, code, message });

  for (const key of Object.keys(input)) {
    if (!QUESTION_BY_ID.has(key)) {
      add(key, 'unknown_question', `Неизвестный вопрос «${key}»: в анкете вопросы q1–q18`);
    }
  }
  const answers: Record<string, unknown> = {};
  const dropped: QuestionId[] = [];
  for (const q of QUESTIONS) {
    const value = input[q.id];
    const shown = isVisible(q, input);
    if (isBlank(value)) {
      if (shown && q.required) {
        const why = q.filter
          ? ` (Вы ответили «Да» на вопрос ${QUESTION_BY_ID.get(q.filter)!.number})`
          : '';
        add(q.id, 'missing_required', `${label(q)}: нужен ответ «Да» или «Нет»${why}`);
      }
      continue;
    }
    if (!shown) {
      if (skipped === 'drop') {
        dropped.push(q.id);
      } else {
        const filter = QUESTION_BY_ID.get(q.filter!)!;
        add(
          q.id,
          'skipped_question_answered',
          `${label(q)} задаётся только тем, кто ответил «Да» на вопрос ${filter.number}; уберите ответ на него`,
        );
      }
      continue;
    }
    const problem = checkValue(q, value);
    if (problem) add(q.id, problem.code, problem.message);
    else answers[q.id] = typeof value === 'string' ? value.trim() : value;
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, answers: answers as SurveyAnswers, dropped };
}
