import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  completeInn,
  completeOgrn,
  innProblem,
  isValidInn,
  isValidKpp,
  isValidOgrn,
} from './identifiers.ts';

describe('INN', () => {
  it.each([
    ['7707083893', true], // Sberbank
    ['7736207543', true], // Yandex
    ['7707083894', false],
    ['770708389', false],
    ['77070838931', false],
    ['77070838a3', false],
  ])('%s → %s', (inn, ok) => expect(isValidInn(inn)).toBe(ok));

  it.each([
    ['7707083893', null],
    ['12345', 'ИНН организации содержит 10 цифр, указано 5'],
    ['77070838a3', 'ИНН должен состоять только из цифр'],
    ['7707083894', 'неверная контрольная цифра ИНН'],
  ])('problem of %s', (inn, problem) => expect(innProblem(inn)).toBe(problem));

  it('completes any nine digits to a valid INN', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{9}$/), (s) => isValidInn(completeInn(s))));
  });
});

describe('OGRN', () => {
  it.each([
    ['1027700132195', true], // Sberbank
    ['1027700229193', true],
    ['1027700132196', false],
    ['102770013219', false],
  ])('%s → %s', (ogrn, ok) => expect(isValidOgrn(ogrn)).toBe(ok));

  it('completes any twelve digits to a valid OGRN', () => {
    fc.assert(fc.property(fc.stringMatching(/^[1-5]\d{11}$/), (s) => isValidOgrn(completeOgrn(s))));
  });
});

describe('KPP', () => {
  it.each([
    ['773601001', true],
    ['7736AB001', true],
    ['77360100', false],
    ['7736ab001', false],
  ])('%s → %s', (kpp, ok) => expect(isValidKpp(kpp)).toBe(ok));
});
