import { describe, expect, it } from 'vitest';
import type { Caller, CurrentUser } from '../../features/context.ts';
import { countOf, formatDate, formatDateTime, plural } from './format.ts';
import { navFor, shellData } from './navigation.ts';
import { pageHref, queryObject, readPage } from './paging.ts';

const user = (role: CurrentUser['role']): CurrentUser => ({
  id: 1,
  email: 'u@t.example',
  fullName: 'Пользователь',
  role,
  territoryId: role === 'municipal' ? 5 : null,
  authorityId: null,
  organizationId: role === 'organization' ? 7 : null,
});
const ctx = (role: CurrentUser['role']) => {
  const u = user(role);
  const caller: Caller = {
    role,
    userId: 1,
    territoryId: u.territoryId,
    organizationId: u.organizationId,
    label: u.fullName,
  };
  return { user: u, caller, csrfToken: 't' };
};

describe('navigation by role', () => {
  it.each([
    [
      'regional_admin',
      [
        '/dashboard',
        '/registry',
        '/campaigns',
        '/monitor',
        '/feedback',
        '/admin/audit',
        '/admin/users',
        '/admin/outbox',
      ],
    ],
    ['municipal', ['/dashboard', '/registry', '/campaigns', '/monitor', '/feedback']],
    ['operator', ['/dashboard', '/registry', '/campaigns', '/monitor', '/feedback']],
    ['council', ['/dashboard', '/registry', '/campaigns', '/monitor']],
    ['organization', ['/dashboard', '/registry', '/campaigns', '/monitor', '/feedback']],
  ] as const)('%s', (role, links) => {
    expect(navFor(ctx(role)).map((l) => l.to)).toEqual(links);
  });
  it('guests get no sections and «Войти»', () => {
    expect(
      shellData({ user: null, caller: { role: 'public', label: 'гость' }, csrfToken: '' }),
    ).toEqual({ user: null, nav: [], csrfToken: '' });
  });
  it('names the role', () => {
    expect(shellData(ctx('council')).user).toEqual({
      fullName: 'Пользователь',
      roleTitle: 'Член общественного совета',
    });
  });
});

describe('paging', () => {
  it.each([
    ['', 1, 0],
    ['page=3', 3, 100],
    ['page=-1', 1, 0],
    ['page=abc', 1, 0],
  ])('%s', (q, page, offset) => {
    expect(readPage(q, 50)).toEqual({ page, limit: 50, offset });
  });
  it('keeps filters in links', () => {
    expect(pageHref('action=x&page=2', 3)).toBe('?action=x&page=3');
    expect(pageHref('action=x&page=2', 1)).toBe('?action=x');
    expect(pageHref('page=2', 1, '/admin/audit')).toBe('/admin/audit');
    expect(queryObject('a=1&b=&page=2&c=%20x%20')).toEqual({ a: '1', c: 'x' });
  });
});

describe('format', () => {
  it('times in Moscow', () => {
    expect(formatDateTime('2026-03-01T09:05:00Z')).toBe('01.03.2026, 12:05');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDate('2026-03-16')).toBe('16.03.2026');
  });
  it.each([
    [1, 'организация'],
    [3, 'организации'],
    [5, 'организаций'],
    [11, 'организаций'],
    [21, 'организация'],
    [104, 'организации'],
  ])('%i', (n, word) => {
    expect(plural(n, 'организация', 'организации', 'организаций')).toBe(word);
    expect(countOf(n, 'организация', 'организации', 'организаций')).toBe(`${n} ${word}`);
  });
});
