import { describe, expect, it } from 'vitest';
import {
  EMPTY_TEST,
  addWorkingDays,
  channelCounts,
  isWorkingDay,
  letterDeadline,
  testIssues,
  workingFromTest,
  type ChannelTest,
} from './channels.ts';

const log = (over: Partial<ChannelTest>): ChannelTest => ({ ...EMPTY_TEST, ...over });

describe('working days', () => {
  it.each([
    ['2026-04-15', true], // Wednesday
    ['2026-04-18', false], // Saturday
    ['2026-04-19', false], // Sunday
    ['2026-05-01', false], // Labour Day
    ['2026-06-12', false], // Russia Day
    ['2026-11-04', false], // Unity Day
    ['2026-01-08', false], // New Year holidays
    ['2026-01-12', true],
  ])('%s working: %s', (d, expected) => {
    expect(isWorkingDay(d)).toBe(expected);
  });

  it.each([
    ['2026-04-13', 5, '2026-04-20'], // Mon → next Mon
    ['2026-04-17', 5, '2026-04-24'], // Fri → next Fri
    ['2026-04-28', 5, '2026-05-06'], // across 1 May (Fri) and the weekend
    ['2026-06-08', 5, '2026-06-16'], // across 12 June
    ['2026-12-30', 5, '2027-01-14'], // across the New Year holidays
  ])('%s + %i working days = %s', (from, n, to) => {
    expect(addWorkingDays(from, n)).toBe(to);
  });
});

describe('workingFromTest', () => {
  it.each<['call' | 'letter', Partial<ChannelTest>, string, 'yes' | 'no' | null]>([
    ['call', {}, '2026-04-20', null],
    [
      'call',
      { callDate: '2026-04-15', callTime: '10:30', callAnswered: true },
      '2026-04-20',
      'yes',
    ],
    ['call', { callDate: '2026-04-15', callAnswered: false }, '2026-04-20', 'no'],
    ['letter', {}, '2026-04-20', null],
    ['letter', { letterSentOn: '2026-04-13' }, '2026-04-20', null], // deadline day itself: wait
    ['letter', { letterSentOn: '2026-04-13' }, '2026-04-21', 'no'],
    ['letter', { letterSentOn: '2026-04-13', letterAnsweredOn: '2026-04-20' }, '2026-04-30', 'yes'],
    ['letter', { letterSentOn: '2026-04-13', letterAnsweredOn: '2026-04-21' }, '2026-04-30', 'no'],
  ])('%s %j on %s → %s', (kind, entry, today, expected) => {
    expect(workingFromTest(kind, log(entry), today)).toBe(expected);
  });

  it('gives the deadline of a letter', () => {
    expect(letterDeadline('2026-04-13')).toBe('2026-04-20');
  });
});

describe('channelCounts: listed AND working', () => {
  it.each([
    [true, 'yes', true],
    [true, 'no', false],
    [false, 'yes', false],
    [null, 'yes', false],
    [true, null, false],
    [true, 'na', false],
  ] as const)('listed %s, working %s → %s', (listed, working, expected) => {
    expect(channelCounts(listed, working)).toBe(expected);
  });
});

describe('testIssues', () => {
  const today = '2026-04-20';
  it.each<[Partial<ChannelTest>, string[]]>([
    [{}, []],
    [{ callDate: '2026-04-15', callTime: '09:05', callAnswered: true }, []],
    [{ callDate: '2026-02-30' }, ['t.callDate']],
    [{ callDate: '2026-04-21' }, ['t.callDate']],
    [{ callTime: '9:5' }, ['t.callTime']],
    [{ callTime: '24:00' }, ['t.callTime']],
    [{ letterAnsweredOn: '2026-04-15' }, ['t.letterSentOn']],
    [{ letterSentOn: '2026-04-15', letterAnsweredOn: '2026-04-14' }, ['t.letterAnsweredOn']],
  ])('%j → %j', (entry, paths) => {
    expect(testIssues(log(entry), today, 't').map((i) => i.path)).toEqual(paths);
  });
});
