// Russian typography of the documents: decimal comma, grouping, non-breaking spaces, quotes.
import { describe, expect, it } from 'vitest';
import { counted, dateLong, dateShort, int, NBSP, num2, pct, plural, typo } from './format.ts';

describe('num2 / int / pct', () => {
  it.each([
    [84.44, '84,44'],
    [85, '85,00'],
    [0.5 * (0.9 + 0.8) * 100, '85,00'],
    [84.435, '84,44'],
    [1.005, '1,01'],
    [12345.5, `12${NBSP}345,50`],
    [1234.5, '1234,50'],
    [-0.005, '−0,01'],
    [null, '—'],
  ])('num2(%s) = %s', (value, text) => {
    expect(num2(value)).toBe(text);
  });

  it.each([
    [1234, '1234'],
    [12345, `12${NBSP}345`],
    [2000000, `2${NBSP}000${NBSP}000`],
  ])('int(%s) = %s', (value, text) => {
    expect(int(value)).toBe(text);
  });

  it('puts a non-breaking space before %', () => {
    expect(pct(85)).toBe(`85,00${NBSP}%`);
    expect(pct(null)).toBe('—');
  });
});

describe('typo', () => {
  it.each([
    ['МБОУ "СОШ № 4"', `МБОУ «СОШ №${NBSP}4»`],
    ['МБДОУ "Детский сад №12 "Солнышко""', `МБДОУ «Детский сад №${NBSP}12 „Солнышко“»`],
    ['Протокол № 4 - утверждён', `Протокол №${NBSP}4${NBSP}— утверждён`],
    ['г. Каменск', `г.${NBSP}Каменск`],
  ])('%s → %s', (input, output) => {
    expect(typo(input)).toBe(output);
  });
});

describe('dates and plurals', () => {
  it('formats dates in Moscow time', () => {
    expect(dateShort('2026-11-11T22:30:00Z')).toBe('12.11.2026');
    expect(dateLong('2026-11-12T09:00:00Z')).toBe(`12${NBSP}ноября 2026${NBSP}г.`);
  });

  it.each([
    [1, 'организация'],
    [3, 'организации'],
    [11, 'организаций'],
    [21, 'организация'],
    [25, 'организаций'],
  ])('plural(%i)', (n, word) => {
    expect(plural(n, ['организация', 'организации', 'организаций'])).toBe(word);
    expect(counted(n, ['организация', 'организации', 'организаций'])).toBe(`${n}${NBSP}${word}`);
  });
});
