// Synthetic respondents for the survey benchmark: varied valid answer sets (skip logic respected,
// optional questions sometimes answered) and client addresses.
//
// Addresses: the server sees every socket from 127.0.0.1, a local proxy peer, so it takes the
// client address from the last X-Forwarded-For entry (src/server/session.ts clientAddress). Most
// requests come from a fresh address, as respondents answering from home do; NAT_SHARE of them
// come from a few shared addresses, as a school computer class behind NAT does: those reach the
// burst flag (20 per 10 minutes) and then the hourly limit (300 → 429), so the bench exercises
// both and reports what they did to the counts.
import { randomUUID } from 'node:crypto';

export const NAT_SHARE = 0.05;
export const NAT_ADDRESSES = 20;
/** Share of form posts that reuse an earlier browser cookie (flag repeat_browser). */
export const REPEAT_BROWSER_SHARE = 0.02;

const FILTERS = [
  ['q1', 'q2'],
  ['q3', 'q4'],
  ['q6', 'q7'],
  ['q10', 'q11'],
] as const;
const PLAIN = ['q5', 'q8', 'q9', 'q12', 'q13', 'q14'] as const;
const SEX = ['male', 'female'] as const;
const RESPONDENT = ['parent', 'student', 'other'] as const;
const SUGGESTIONS = [
  'Отремонтировать спортивный зал',
  'Больше кружков для младших классов',
  'Обновить сайт школы и расписание',
  'Спасибо учителям!',
];

let seq = 0;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const yes = (p = 0.7) => Math.random() < p;

export type Answers = Record<string, boolean | string | number>;

/** A valid response: filter questions decide whether their dependent question is asked. */
export function randomAnswers(): Answers {
  const a: Answers = {};
  for (const [filter, dependent] of FILTERS) {
    a[filter] = yes(0.6);
    if (a[filter]) a[dependent] = yes(0.85);
  }
  for (const q of PLAIN) a[q] = yes(0.85);
  if (yes(0.6)) a.q16 = pick(SEX);
  if (yes(0.5)) a.q17 = 14 + Math.floor(Math.random() * 60);
  if (yes(0.7)) a.q18 = pick(RESPONDENT);
  if (yes(0.1)) a.q15 = pick(SUGGESTIONS);
  return a;
}

/** The same answers as the HTML form posts them (yes/no radio values, strings). */
export function formFields(a: Answers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(a)) {
    out[k] = typeof v === 'boolean' ? (v ? 'yes' : 'no') : String(v);
  }
  return out;
}

/** A client address: fresh (10.x.y.z, counting up) or one of the shared NAT addresses. */
export function clientAddress(): string {
  if (Math.random() < NAT_SHARE) return `192.0.2.${1 + Math.floor(Math.random() * NAT_ADDRESSES)}`;
  const n = ++seq;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Browsers that answered, per code list (one list per server run: codes differ per seed). */
const answered = new WeakMap<readonly string[], { code: string; token: string }[]>();

/**
 * The code a form respondent answers about and the browser's noko_survey cookie: usually a new
 * browser, sometimes one that already answered about the same organization (repeat_browser).
 */
export function formRespondent(codes: readonly string[]): { code: string; token: string } {
  let browsers = answered.get(codes);
  if (!browsers) answered.set(codes, (browsers = []));
  if (browsers.length > 0 && Math.random() < REPEAT_BROWSER_SHARE) return pick(browsers);
  const r = { code: pick(codes), token: randomUUID() };
  if (browsers.length < 10_000) browsers.push(r);
  return r;
}

export function pickCode(codes: readonly string[]): string {
  return pick(codes);
}
