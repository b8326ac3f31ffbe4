import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATUSES,
  canTransition,
  isListEditable,
  isMethodologyFrozen,
  type CampaignStatus,
} from './workflow.ts';
import { defaultStagePlan, stageState, validateStagePlan, type StagePlan } from './stages.ts';

describe('campaign workflow', () => {
  const allowed: Array<[CampaignStatus, CampaignStatus]> = [
    ['draft', 'list_approved'],
    ['list_approved', 'collecting'],
    ['list_approved', 'draft'],
    ['collecting', 'calculating'],
    ['calculating', 'reporting'],
    ['calculating', 'collecting'],
    ['reporting', 'discussion'],
    ['reporting', 'calculating'],
    ['discussion', 'published'],
    ['discussion', 'reporting'],
    ['published', 'closed'],
  ];
  for (const from of CAMPAIGN_STATUSES) {
    for (const to of CAMPAIGN_STATUSES) {
      const ok = allowed.some(([a, b]) => a === from && b === to);
      it(`${from} → ${to}: ${ok ? 'allowed' : 'refused'}`, () => {
        expect(canTransition(from, to)).toBe(ok);
      });
    }
  }

  it.each([
    ['draft', true, false],
    ['list_approved', false, false],
    ['collecting', false, true],
    ['published', false, true],
  ] as const)('%s: list editable %s, methodology frozen %s', (s, editable, frozen) => {
    expect(isListEditable(s)).toBe(editable);
    expect(isMethodologyFrozen(s)).toBe(frozen);
  });
});

describe('stage state', () => {
  const stage: StagePlan = { key: 'report', plannedStart: '2026-10-21', plannedEnd: '2026-11-10' };
  it.each([
    ['2026-10-01', null, 'upcoming'],
    ['2026-10-21', null, 'active'],
    ['2026-11-10', null, 'active'],
    ['2026-11-11', null, 'late'],
    ['2026-11-23', '2026-11-09T12:00:00Z', 'done'],
    ['2026-11-23', '2026-11-10T23:00:00Z', 'done'],
    ['2026-11-23', '2026-11-12T08:00:00Z', 'done_late'],
  ] as const)('on %s, completed %s → %s', (today, completedAt, state) => {
    expect(stageState({ ...stage, completedAt }, today)).toBe(state);
  });

  it('default plan covers every stage of the year in order, without inverted dates', () => {
    const plan = defaultStagePlan(2027);
    expect(plan).toHaveLength(8);
    expect(plan.every((s) => s.plannedStart.startsWith('2027-'))).toBe(true);
    expect(validateStagePlan(plan)).toEqual([]);
  });

  it('names the stage whose end precedes its start', () => {
    expect(
      validateStagePlan([{ key: 'report', plannedStart: '2026-11-10', plannedEnd: '2026-11-01' }]),
    ).toEqual(['«Аналитический отчёт оператора»: дата окончания раньше даты начала']);
  });
});
