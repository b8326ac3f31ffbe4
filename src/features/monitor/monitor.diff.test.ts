// Diffs between consecutive checks: appeared / disappeared / changed, not-listed items, channels,
// and a history where failed checks are skipped.
import { describe, expect, it } from 'vitest';
import type { StoredItem } from '../../db/schema/index.ts';
import { diffChecks, historyDiffs, isEmptyDiff } from './monitor.diff.ts';

const item = (key: string, status: string): StoredItem => ({
  key,
  section: key.split('.')[0]!,
  itemprop: key.split('.').pop()!,
  status,
  requirement: 'required',
});
const side = (statuses: Record<string, string>, listed: string[] = []) => ({
  items: Object.entries(statuses).map(([k, s]) => item(k, s)),
  channels: ['telephone', 'email', 'faq'].map((c) => ({
    channel: c,
    detected: listed.includes(c),
    evidence: null,
  })),
});

describe('diffChecks', () => {
  it.each([
    ['missing → found appears', 'missing', 'found', 'appeared'],
    ['hidden → placeholder appears', 'hidden', 'placeholder', 'appeared'],
    ['found → hidden disappears', 'found', 'hidden', 'disappeared'],
    ['placeholder → missing disappears', 'placeholder', 'missing', 'disappeared'],
    ['missing → outside_parent changes', 'missing', 'outside_parent', 'changed'],
    ['found → placeholder changes', 'found', 'placeholder', 'changed'],
  ] as const)('%s', (_t, from, to, bucket) => {
    const d = diffChecks(side({ 'common.x': from }), side({ 'common.x': to }));
    expect(d[bucket]).toEqual([
      { key: 'common.x', itemprop: 'x', section: 'common', from, to, requirement: 'required' },
    ]);
    const others = (['appeared', 'disappeared', 'changed'] as const).filter((b) => b !== bucket);
    for (const b of others) expect(d[b]).toEqual([]);
  });

  it('items listed on one side only, unchanged items and channels', () => {
    const d = diffChecks(
      side({ 'a.old': 'found', 'a.same': 'found' }, ['telephone', 'faq']),
      side({ 'a.same': 'found', 'a.new': 'missing' }, ['telephone', 'email']),
    );
    expect(d.disappeared.map((c) => [c.key, c.from, c.to])).toEqual([['a.old', 'found', null]]);
    expect(d.changed.map((c) => [c.key, c.from, c.to])).toEqual([['a.new', null, 'missing']]);
    expect(d.appeared).toEqual([]);
    expect([d.channelsAppeared, d.channelsDisappeared]).toEqual([['email'], ['faq']]);
    expect(isEmptyDiff(diffChecks(side({ 'a.b': 'found' }), side({ 'a.b': 'found' })))).toBe(true);
  });

  it('history: each good check against the previous good one; failed checks get no diff', () => {
    const h = historyDiffs([
      { id: 1, status: 'ok', ...side({ 'a.b': 'missing' }) },
      { id: 2, status: 'error', items: [], channels: [] },
      { id: 3, status: 'ok', ...side({ 'a.b': 'found' }) },
    ]);
    expect(
      h.map((x) => [x.check.id, x.previous?.id ?? null, x.diff?.appeared.length ?? null]),
    ).toEqual([
      [1, null, null],
      [2, null, null],
      [3, 1, 1],
    ]);
  });
});
