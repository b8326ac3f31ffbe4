import { describe, expect, it } from 'vitest';
import { answerIssues, normalizeAnswer, type ItemAnswer } from './answers.ts';

const x = (answer: ItemAnswer['answer'], reason: string | null, comment: string | null = null) => ({
  answer,
  reason,
  comment,
});

describe('answers', () => {
  it.each<[ItemAnswer, string[]]>([
    [x('yes', null), []],
    [x('no', null, 'стенд в ремонте'), []],
    [x('na', 'Нет платных услуг'), []],
    [x('na', null), ['i.reason']],
    [x('na', '   '), ['i.reason']],
    [x(null, null), []],
    [x('yes', null, 'к'.repeat(2001)), ['i.comment']],
    [x('na', 'п'.repeat(501)), ['i.reason']],
  ])('%j → issues %j', (answer, paths) => {
    expect(answerIssues(answer, 'i', 'Пункт').map((i) => i.path)).toEqual(paths);
  });

  it.each<[ItemAnswer, ItemAnswer]>([
    [x('yes', 'лишняя причина', '  '), x('yes', null, null)],
    [x('na', '  причина ', ' ок '), x('na', 'причина', 'ок')],
    [x(null, 'x', 'y'), x(null, null, 'y')],
  ])('normalizes %j', (input, expected) => {
    expect(normalizeAnswer(input)).toEqual(expected);
  });
});
