import { describe, expect, it } from 'vitest';
import { proposeCampaignList } from './proposal.ts';

describe('campaign list proposal for 2026', () => {
  const rows = proposeCampaignList(2026, [
    { organizationId: 1, active: true, assessedYears: [2025] },
    { organizationId: 2, active: true, assessedYears: [2024] },
    { organizationId: 3, active: true, assessedYears: [2023] },
    { organizationId: 4, active: true, assessedYears: [2020, 2022] },
    { organizationId: 5, active: true, assessedYears: [] },
    { organizationId: 6, active: true, assessedYears: [2026] },
    { organizationId: 7, active: false, assessedYears: [] },
  ]);
  const byId = new Map(rows.map((r) => [r.organizationId, r]));

  it('orders overdue, never assessed, last-year-of-window, two years ago, last year, this year', () => {
    expect(rows.map((r) => r.organizationId)).toEqual([4, 5, 3, 2, 1, 6]);
  });

  it.each([
    [1, false, false, 'allowed'],
    [2, true, false, 'allowed'],
    [3, true, true, 'must'],
    [4, true, true, 'must'],
    [5, true, true, 'must'],
    [6, false, false, 'not_allowed'],
  ] as const)(
    'organization %i: proposed %s, mandatory %s, %s',
    (id, proposed, mandatory, status) => {
      const r = byId.get(id);
      expect(r?.proposed).toBe(proposed);
      expect(r?.mandatory).toBe(mandatory);
      expect(r?.decision.status).toBe(status);
    },
  );

  it('marks the overdue one', () => {
    expect(byId.get(4)?.decision.overdue).toBe(true);
    expect(byId.get(3)?.decision.overdue).toBe(false);
  });

  it('leaves out inactive organizations', () => {
    expect(byId.has(7)).toBe(false);
  });
});
