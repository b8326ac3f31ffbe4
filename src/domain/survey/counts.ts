// From valid responses to the survey part of the scoring input (src/domain/scoring/input.ts):
// N = number of valid respondents, qK = number of them who answered «Да» to question K.
import { SURVEY_QUESTIONS, type SurveyCounts } from '../scoring/input.ts';
import type { SurveyAnswers } from './questionnaire.ts';

export function emptyCounts(): SurveyCounts {
  return {
    respondents: 0,
    ...(Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, 0])) as Omit<
      SurveyCounts,
      'respondents'
    >),
  };
}

/** Counts «Да» answers of valid responses (the caller passes only those that count). */
export function countYes(responses: readonly SurveyAnswers[]): SurveyCounts {
  const counts = emptyCounts();
  for (const answers of responses) {
    counts.respondents++;
    for (const q of SURVEY_QUESTIONS) if (answers[q] === true) counts[q]++;
  }
  return counts;
}
