import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { workedExample } from './fixture.ts';
import { fieldPath, parseScoreRequest } from './input.schema.ts';

const doc = (org: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  organizations: [{ ...workedExample(), ...org }],
  ...extra,
});

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    parseScoreRequest(input);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return ((e as AppError).details as { issues: { path: string; message: string }[] }).issues;
  }
  throw new Error('expected a validation error');
}

describe('parseScoreRequest', () => {
  it('accepts the worked example; methodology defaults to filter / exclude', () => {
    const r = parseScoreRequest(doc());
    expect(r.methodology.denominators).toBe('filter');
    expect(r.methodology.zeroDenominator).toBe('exclude');
    expect(r.organizations[0]?.survey.q2).toBe(108);
  });

  it('accepts switches and ignores unknown fields outside methodology (q15, notes)', () => {
    const r = parseScoreRequest(
      doc(
        { name: 'Школа № 1', survey: { ...workedExample().survey, q15: 'текст' } },
        { methodology: { denominators: 'total', zeroDenominator: 'zero' }, note: 'x' },
      ),
    );
    expect(r.methodology).toMatchObject({ denominators: 'total', zeroDenominator: 'zero' });
    expect(r.organizations[0]).not.toHaveProperty('name');
  });

  const survey = (s: Record<string, unknown>) => ({ survey: { ...workedExample().survey, ...s } });

  it.each([
    [[], '(весь документ)', /ожидается объект/],
    [{}, 'organizations', /обязательное поле/],
    [{ organizations: [] }, 'organizations', /хотя бы одна/],
    [{ organizations: {} }, 'organizations', /ожидается массив/],
    [doc({ kind: 'university' }), 'organizations[0].kind', /неизвестное значение "university"/],
    [doc({ id: '' }), 'organizations[0].id', /пуст/],
    [doc({ id: 5 }), 'organizations[0].id', /строка/],
    [doc({ remoteChannels: -1 }), 'organizations[0].remoteChannels', /отрицательн/],
    [doc({ comfortConditions: 2.5 }), 'organizations[0].comfortConditions', /целым/],
    [
      doc({ premisesAccessibility: '2' }),
      'organizations[0].premisesAccessibility',
      /ожидается число/,
    ],
    [
      doc({ serviceAccessibility: undefined }),
      'organizations[0].serviceAccessibility',
      /обязательное поле/,
    ],
    [doc({ stand: { present: 1 } }), 'organizations[0].stand.required', /обязательное поле/],
    [doc({ stand: { present: 0, required: 0 } }), 'organizations[0].stand.required', /не меньше 1/],
    [
      doc({ site: { present: 51, required: 50 } }),
      'organizations[0].site.present',
      /больше числа требуемых/,
    ],
    [
      doc(survey({ q2: 130 })),
      'organizations[0].survey.q2',
      /«Да» \(130\) больше знаменателя q1 \(120\)/,
    ],
    [doc(survey({ q4: 151 })), 'organizations[0].survey.q4', /знаменателя q3/],
    [doc(survey({ q7: 13 })), 'organizations[0].survey.q7', /знаменателя q6/],
    [doc(survey({ q11: 81 })), 'organizations[0].survey.q11', /знаменателя q10/],
    [
      doc(survey({ q1: 201, q2: 1 })),
      'organizations[0].survey.q1',
      /больше числа респондентов respondents \(200\)/,
    ],
    [doc(survey({ q14: 201 })), 'organizations[0].survey.q14', /респондентов/],
    [doc(survey({ q9: undefined })), 'organizations[0].survey.q9', /обязательное поле/],
    [
      doc({}, { methodology: { denominators: 'all' } }),
      'methodology.denominators',
      /допустимо: filter, total/,
    ],
    [
      doc({}, { methodology: { zeroDenominator: 'skip' } }),
      'methodology.zeroDenominator',
      /exclude, zero/,
    ],
    [doc({}, { methodology: { rounding: 'up' } }), 'methodology.rounding', /неизвестный параметр/],
    [doc({}, { methodology: 'filter' }), 'methodology', /ожидается объект/],
  ])('%j → %s', (input, path, message) => {
    const issue = issuesOf(input).find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });

  it('rejects duplicate ids naming the second one', () => {
    const issues = issuesOf({ organizations: [workedExample(), workedExample()] });
    expect(issues).toEqual([
      { path: 'organizations[1].id', message: 'повторяется id "A" (как у organizations[0])' },
    ]);
  });

  it('the error message lists every field', () => {
    expect(() => parseScoreRequest(doc(survey({ q2: 130, q7: 13 })))).toThrow(
      /organizations\[0\]\.survey\.q2: .*\n.*organizations\[0\]\.survey\.q7/,
    );
  });

  it('fieldPath', () => {
    expect(fieldPath(['organizations', 0, 'survey', 'q2'])).toBe('organizations[0].survey.q2');
    expect(fieldPath([])).toBe('(весь документ)');
  });
});
