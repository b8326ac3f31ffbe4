// What a survey code accepts right now, from its campaign's status and collection window
// (questionnaire.md; issue 4 items 7 and 8):
// - collecting, inside the data_collection stage dates → a campaign response;
// - collecting, outside those dates → still a campaign response, kept with the flag
//   `outside_window` for the operator to decide ("flags for … submissions outside the collection
//   window. Flagged responses are kept");
// - after collection (calculating … closed) → continuous public feedback between campaigns, stored
//   apart and never counted in a campaign (src/features/feedback);
// - before collection (draft, list_approved) or an excluded organization → closed (410).
import type { CampaignStatus } from '../../db/schema/index.ts';
import type { CodeTarget } from './survey.repo.ts';

export type TargetState =
  | { kind: 'closed'; reason: string }
  | { kind: 'open'; outside: { when: 'before' | 'after'; reason: string } | null }
  | { kind: 'feedback'; reason: string };

const AFTER_COLLECTION: ReadonlySet<CampaignStatus> = new Set([
  'calculating',
  'reporting',
  'discussion',
  'published',
  'closed',
]);

// Creating an Intl.DateTimeFormat costs tens of microseconds (a few % of a submission's CPU in
// bench/survey.bench.ts); one per time zone is reused.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) at `at` in `timeZone`. */
export function localDate(at: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormats.set(timeZone, f);
  }
  return f.format(at);
}

export const formatDate = (iso: string) => iso.split('-').reverse().join('.');

/** «с 01.03.2026 по 31.05.2026», or the known half of it. */
export function windowText(t: Pick<CodeTarget, 'collectionStart' | 'collectionEnd'>): string {
  const from = t.collectionStart ? `с ${formatDate(t.collectionStart)}` : '';
  const to = t.collectionEnd ? `по ${formatDate(t.collectionEnd)}` : '';
  return [from, to].filter(Boolean).join(' ');
}

export function targetState(t: CodeTarget, now: Date): TargetState {
  const name = `«${t.organizationName}»`;
  if (t.organizationStatus === 'excluded') {
    return {
      kind: 'closed',
      reason: `Организация ${name} исключена из перечня кампании «${t.campaignTitle}»: анкета закрыта.`,
    };
  }
  if (AFTER_COLLECTION.has(t.campaignStatus)) {
    return {
      kind: 'feedback',
      reason: `Сбор ответов об организации ${name} завершён. Спасибо за интерес к опросу!`,
    };
  }
  if (t.campaignStatus !== 'collecting') {
    return { kind: 'closed', reason: `Сбор ответов об организации ${name} ещё не начался.` };
  }
  const today = localDate(now, t.timezone);
  const when =
    t.collectionStart && today < t.collectionStart
      ? 'before'
      : t.collectionEnd && today > t.collectionEnd
        ? 'after'
        : null;
  if (!when) return { kind: 'open', outside: null };
  return {
    kind: 'open',
    outside: {
      when,
      reason: `Ответ получен ${formatDate(today)}, ${when === 'before' ? 'до начала' : 'после окончания'} сбора (сроки сбора: ${windowText(t)})`,
    },
  };
}

/**
 * Why a code does not take campaign responses inside the collection window now, or null when it
 * does: the public list of open surveys shows only those.
 */
export function closedReason(t: CodeTarget, now: Date): string | null {
  const s = targetState(t, now);
  if (s.kind === 'closed' || s.kind === 'feedback') return s.reason;
  if (s.outside) {
    return s.outside.when === 'before'
      ? `Сбор ответов об организации «${t.organizationName}» начнётся ${formatDate(t.collectionStart!)}.`
      : `Сбор ответов об организации «${t.organizationName}» завершился ${formatDate(t.collectionEnd!)}.`;
  }
  return null;
}
