// Column guessing for the three header styles and cell values.
import { describe, expect, it } from 'vitest';
import { QUESTIONS } from '../../domain/survey/questionnaire.ts';
import { cellAnswer, guessHeader, guessMapping } from './import.mapping.ts';

describe('survey import mapping', () => {
  it.each([
    ['q1', 'q1'],
    ['Q14', 'q14'],
    ['q7. Удовлетворены ли Вы доступностью', 'q7'],
    ['Вопрос 3', 'q3'],
    ['вопрос №18', 'q18'],
    ['Код анкеты', 'code'],
    ['Отметка времени', null],
    ['q19', null],
    ['Вопрос 12345', null],
  ])('%s → %s', (header, target) => {
    expect(guessHeader(header)).toBe(target);
  });

  it('full question texts (Yandex Forms, Google Forms), numbered or with «ё» and quotes', () => {
    for (const q of QUESTIONS) expect(guessHeader(q.text)).toBe(q.id);
    expect(guessHeader(`${QUESTIONS[8]!.text} [обязательный]`)).toBe('q9');
    expect(guessHeader(`4. ${QUESTIONS[3]!.text.replaceAll('«', '"')}`)).toBe('q4');
    expect(guessHeader(QUESTIONS[11]!.text.slice(0, 40))).toBe('q12');
  });

  it('first column wins when a header repeats', () => {
    expect(guessMapping(['Отметка времени', 'q1', 'Q1', 'Вопрос 2'])).toEqual({ q1: 1, q2: 3 });
  });

  it.each([
    ['q1', 'Да', true],
    ['q1', 'нет', false],
    ['q1', 'Yes', true],
    ['q1', '0', false],
    ['q1', 'возможно', 'возможно'],
    ['q1', ' ', undefined],
    ['q16', 'Женский', 'female'],
    ['q17', '35', 35],
    ['q18', 'Родитель (законный представитель)', 'parent'],
    ['q18', 'Обучающийся', 'student'],
  ] as const)('%s «%s» → %s', (id, cell, value) => {
    expect(cellAnswer(id, cell)).toBe(value);
  });
});
