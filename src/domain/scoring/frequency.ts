// Frequency of assessment (art. 95.2 part 3 of 273-ФЗ, methodology.md "Frequency"): each organisation
// is assessed at most once a year and at least once in three years; the campaign list proposal must
// show who is overdue.
//
// "At least once in three years", read precisely: after an assessment in year L the next one must
// fall within the three following years L+1, L+2, L+3 — every window of three consecutive years
// after L then contains an assessment, and no gap exceeds three years. So in campaign year Y:
//   - L = Y            → not allowed (at most once a year);
//   - L = Y−1 or Y−2   → allowed: skipping Y still leaves year L+3 > Y to comply;
//   - L = Y−3          → must: Y is the last year of the window (assessed 2023 → by 2026 at the latest);
//   - L < Y−3          → must, and overdue: the deadline L+3 has already passed;
//   - never assessed   → must (there is no earlier assessment to lean on); not called overdue,
//     since the deadline is unknown — the proposal shows "never assessed" instead.
// Years after the campaign year are ignored: the rule looks back from the campaign.
import { AppError } from '../errors.ts';

export type FrequencyStatus = 'not_allowed' | 'allowed' | 'must';

export interface FrequencyDecision {
  status: FrequencyStatus;
  lastAssessedYear: number | null;
  /** The last year by which the next assessment must happen (L + 3); null if never assessed. */
  deadlineYear: number | null;
  /** The deadline passed without an assessment. */
  overdue: boolean;
  /** Russian explanation for the campaign list proposal. */
  reason: string;
}

/** Longest allowed distance in years between two assessments. */
export const MAX_YEARS_BETWEEN_ASSESSMENTS = 3;

function assertYear(name: string, year: number): void {
  if (!Number.isSafeInteger(year) || year < 1900 || year > 9999) {
    const message = `год должен быть целым числом от 1900 до 9999 (сейчас ${year})`;
    throw AppError.validation(`${name}: ${message}`, [{ path: name, message }]);
  }
}

/** Decides whether an organisation may, must or must not be in the campaign of `campaignYear`. */
export function frequencyDecision(
  campaignYear: number,
  assessedYears: readonly number[],
): FrequencyDecision {
  assertYear('campaignYear', campaignYear);
  assessedYears.forEach((y, i) => assertYear(`assessedYears[${i}]`, y));
  const past = assessedYears.filter((y) => y <= campaignYear);
  if (past.length === 0) {
    const reason = 'оценка ещё не проводилась: включение обязательно';
    return { status: 'must', lastAssessedYear: null, deadlineYear: null, overdue: false, reason };
  }
  const last = Math.max(...past);
  const deadlineYear = last + MAX_YEARS_BETWEEN_ASSESSMENTS;
  const base = { lastAssessedYear: last, deadlineYear };
  if (last === campaignYear) {
    const reason = `оценка уже проводилась в ${last} году: не чаще одного раза в год`;
    return { ...base, status: 'not_allowed', overdue: false, reason };
  }
  if (deadlineYear > campaignYear) {
    const reason = `последняя оценка в ${last} году: включение возможно, обязательно не позднее ${deadlineYear} года`;
    return { ...base, status: 'allowed', overdue: false, reason };
  }
  const overdue = deadlineYear < campaignYear;
  const reason = overdue
    ? `последняя оценка в ${last} году: срок (${deadlineYear} год) пропущен, включение обязательно`
    : `последняя оценка в ${last} году: ${deadlineYear} год — последний срок, включение обязательно`;
  return { ...base, status: 'must', overdue, reason };
}
