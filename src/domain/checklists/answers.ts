// Answers of an expert checklist (checklists.md): every item is «есть / нет / не применимо», with an
// optional comment; «не применимо» needs a reason and leaves both the numerator and the denominator
// (methodology.md "1.1 norms": "an item marked not applicable … with who and why recorded").
import type { FieldIssue } from '../errors.ts';

export const ANSWERS = ['yes', 'no', 'na'] as const;
export type Answer = (typeof ANSWERS)[number];

export const ANSWER_TITLES: Record<Answer, string> = {
  yes: 'Есть',
  no: 'Нет',
  na: 'Не применимо',
};

/** Who answers: the organization's self-report or the operator's expert. */
export const SIDES = ['declared', 'confirmed'] as const;
export type Side = (typeof SIDES)[number];

export const SIDE_TITLES: Record<Side, string> = {
  declared: 'Заявлено организацией',
  confirmed: 'Подтверждено экспертом',
};

export const COMMENT_MAX = 2000;
export const REASON_MAX = 500;

export function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' && (ANSWERS as readonly string[]).includes(value);
}

/** One side's answer to one item. */
export interface ItemAnswer {
  answer: Answer | null;
  comment: string | null;
  /** Why the item does not apply; kept only with «не применимо». */
  reason: string | null;
}

export const EMPTY_ANSWER: ItemAnswer = Object.freeze({
  answer: null,
  comment: null,
  reason: null,
});

/** Trimmed text or null for blank. */
export function cleanText(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  return v === '' ? null : v;
}

/**
 * The answer as stored: blank texts become null and a reason survives only with «не применимо»
 * (a reason next to «есть» would be read as an exclusion by whoever audits the checklist).
 */
export function normalizeAnswer(a: ItemAnswer): ItemAnswer {
  const reason = a.answer === 'na' ? cleanText(a.reason) : null;
  return { answer: a.answer, comment: cleanText(a.comment), reason };
}

/** Problems of one answer, named by `path` (e.g. `items.stand.paid_services`). */
export function answerIssues(a: ItemAnswer, path: string, title: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (a.answer === 'na' && !cleanText(a.reason))
    issues.push({
      path: `${path}.reason`,
      message: `«${title}»: укажите причину, по которой пункт не применим`,
    });
  if ((a.comment?.length ?? 0) > COMMENT_MAX)
    issues.push({
      path: `${path}.comment`,
      message: `«${title}»: комментарий длиннее ${COMMENT_MAX} знаков`,
    });
  if ((a.reason?.length ?? 0) > REASON_MAX)
    issues.push({
      path: `${path}.reason`,
      message: `«${title}»: причина длиннее ${REASON_MAX} знаков`,
    });
  return issues;
}
