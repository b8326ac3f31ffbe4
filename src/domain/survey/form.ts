// Answers from an HTML form (all values are strings) to the typed answer set validateResponse
// checks. Values that cannot be converted are passed through as they are, so validation reports
// them with the question's name instead of this function guessing.
import { QUESTIONS } from './questionnaire.ts';

export const YES = 'yes';
export const NO = 'no';

export function answersFromForm(fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of QUESTIONS) {
    const raw = fields[q.id];
    if (raw === undefined || raw.trim() === '') continue;
    if (q.kind === 'yesno') answers[q.id] = raw === YES ? true : raw === NO ? false : raw;
    else if (q.kind === 'age') answers[q.id] = /^\s*\d{1,3}\s*$/.test(raw) ? Number(raw) : raw;
    else answers[q.id] = raw;
  }
  return answers;
}
