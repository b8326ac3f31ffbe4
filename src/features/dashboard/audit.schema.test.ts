import { describe, expect, it } from 'vitest';
import {
  AuditQuery,
  actionWords,
  diffFields,
  entityWords,
  nextDay,
  zonedDayStart,
} from './audit.schema.ts';

describe('diffFields', () => {
  it.each([
    [
      'changed fields only',
      { a: 1, b: 'x', c: [1] },
      { a: 2, b: 'x', c: [1] },
      [{ field: 'a', kind: 'changed', before: '1', after: '2' }],
    ],
    [
      'creation',
      null,
      { title: 'НОК' },
      [{ field: 'title', kind: 'added', before: null, after: 'НОК' }],
    ],
    [
      'removal',
      { title: 'НОК' },
      null,
      [{ field: 'title', kind: 'removed', before: 'НОК', after: null }],
    ],
    [
      'nested as JSON',
      { m: { s: 1 } },
      { m: { s: 2 } },
      [{ field: 'm', kind: 'changed', before: '{"s":1}', after: '{"s":2}' }],
    ],
    ['scalars', 'a', 'b', [{ field: 'значение', kind: 'changed', before: 'a', after: 'b' }]],
    ['nothing', null, null, []],
  ])('%s', (_n, before, after, expected) => {
    expect(diffFields(before, after)).toEqual(expected);
  });
});

describe('words', () => {
  it.each([
    ['campaign.approveList', 'утверждение перечня советом'],
    ['create', 'создание'],
    ['registry.deactivate', 'закрытие (деактивация)'],
    ['something.odd', 'something.odd'],
  ])('%s → %s', (action, words) => expect(actionWords(action)).toBe(words));
  it('entity types', () => {
    expect(entityWords('organization')).toBe('организация');
    expect(entityWords('x')).toBe('x');
  });
});

describe('local days', () => {
  it.each([
    ['2026-03-05', 'Europe/Moscow', '2026-03-04T21:00:00.000Z'],
    ['2026-01-01', 'Asia/Vladivostok', '2025-12-31T14:00:00.000Z'],
    ['2026-03-29', 'Europe/Berlin', '2026-03-28T23:00:00.000Z'],
    ['2026-03-30', 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
  ])('%s in %s starts at %s', (date, tz, iso) => {
    expect(zonedDayStart(date, tz).toISOString()).toBe(iso);
  });
  it('next day crosses months', () => expect(nextDay('2026-02-28')).toBe('2026-03-01'));
});

describe('AuditQuery', () => {
  it('drops empty fields and defaults the page', () => {
    expect(AuditQuery.parse({ entityType: '', action: ' update ', actorUserId: '' })).toEqual({
      action: 'update',
      page: 1,
      pageSize: 50,
    });
  });
  it.each([
    [{ from: '2026-13-01' }, 'from'],
    [{ actorUserId: '-1' }, 'actorUserId'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ from: '2026-03-02', to: '2026-03-01' }, 'to'],
  ])('rejects %o', (input, path) => {
    const r = AuditQuery.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
