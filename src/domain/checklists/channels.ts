// Testing a remote channel (checklists.md, 1.2): a test call (date, time, answered or not) and a
// test letter (answered within 5 working days). The log suggests whether the channel works; the
// expert's answer is what counts, and an answer that contradicts the log needs a comment.
import type { FieldIssue } from '../errors.ts';
import type { Answer } from './answers.ts';

export interface ChannelTest {
  callDate: string | null;
  /** HH:MM, local time of the organization. */
  callTime: string | null;
  callAnswered: boolean | null;
  letterSentOn: string | null;
  letterAnsweredOn: string | null;
  note: string | null;
}

export const EMPTY_TEST: ChannelTest = Object.freeze({
  callDate: null,
  callTime: null,
  callAnswered: null,
  letterSentOn: null,
  letterAnsweredOn: null,
  note: null,
});

/** checklists.md: "e-mail (test letter: answered within 5 working days)". */
export const LETTER_WORKING_DAYS = 5;

/**
 * Non-working public holidays, month-day (Labour Code of the Russian Federation, art. 112 part 1).
 * The yearly government decree moving days off is not applied: the expert's answer, with a
 * comment, settles such cases.
 */
const HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
]);

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export function isTime(value: string): boolean {
  return TIME.test(value);
}

export function isWorkingDay(isoDate: string): boolean {
  const d = new Date(`${isoDate}T00:00:00Z`);
  const weekday = d.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(isoDate.slice(5));
}

/** The date `n` working days after `isoDate` (the day of sending does not count). */
export function addWorkingDays(isoDate: string, n: number): string {
  let t = Date.parse(`${isoDate}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    t += DAY;
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) left--;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/** The last day a reply to a letter sent on `sentOn` counts as in time. */
export function letterDeadline(sentOn: string): string {
  return addWorkingDays(sentOn, LETTER_WORKING_DAYS);
}

/**
 * What the test log says about the channel: works, does not, or not known yet (no test, or a
 * letter still within its 5 working days on `today`).
 */
export function workingFromTest(
  kind: 'call' | 'letter',
  log: ChannelTest,
  today: string,
): 'yes' | 'no' | null {
  if (kind === 'call') return log.callAnswered === null ? null : log.callAnswered ? 'yes' : 'no';
  if (!log.letterSentOn) return null;
  const deadline = letterDeadline(log.letterSentOn);
  if (log.letterAnsweredOn) return log.letterAnsweredOn <= deadline ? 'yes' : 'no';
  return today > deadline ? 'no' : null;
}

/** A channel counts for 1.2 only if it is listed on the site and works. */
export function channelCounts(listed: boolean | null, working: Answer | null): boolean {
  return listed === true && working === 'yes';
}

/** Problems of a test log entry (dates real and not in the future, time HH:MM, order). */
export function testIssues(log: ChannelTest, today: string, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const date = (field: 'callDate' | 'letterSentOn' | 'letterAnsweredOn', label: string) => {
    const v = log[field];
    if (v === null) return;
    if (!isIsoDate(v))
      issues.push({
        path: `${path}.${field}`,
        message: `${label}: укажите дату в виде ГГГГ-ММ-ДД`,
      });
    else if (v > today)
      issues.push({ path: `${path}.${field}`, message: `${label}: дата ещё не наступила` });
  };
  date('callDate', 'Дата пробного звонка');
  date('letterSentOn', 'Дата отправки пробного письма');
  date('letterAnsweredOn', 'Дата ответа на пробное письмо');
  if (log.callTime !== null && !isTime(log.callTime))
    issues.push({
      path: `${path}.callTime`,
      message: 'Время пробного звонка: укажите время в виде ЧЧ:ММ',
    });
  if (log.letterAnsweredOn && !log.letterSentOn)
    issues.push({
      path: `${path}.letterSentOn`,
      message: 'Укажите дату отправки пробного письма',
    });
  if (log.letterAnsweredOn && log.letterSentOn && log.letterAnsweredOn < log.letterSentOn)
    issues.push({
      path: `${path}.letterAnsweredOn`,
      message: 'Ответ на пробное письмо не может прийти раньше его отправки',
    });
  return issues;
}
