import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUES } from '../scoring/methodology.ts';
import type { Answer, ItemAnswer } from './answers.ts';
import { resolveCatalogues, type ChecklistSection } from './catalogue.ts';
import {
  differences,
  evaluateChecklist,
  itemId,
  type ChecklistState,
  type ItemState,
} from './evaluate.ts';

const cats = resolveCatalogues(DEFAULT_CATALOGUES);
const a = (answer: Answer, reason: string | null = null): ItemAnswer => ({
  answer,
  comment: null,
  reason,
});

type Row = [ChecklistSection, string, Partial<ItemState>];
const state = (rows: Row[]): ChecklistState =>
  new Map(
    rows.map(([s, k, v]) => [itemId(s, k), { declared: null, confirmed: null, ...v } as ItemState]),
  );

const school = { kind: 'school' as const, facts: {} };

describe('evaluateChecklist', () => {
  it('counts nothing and lists every item when nothing is answered', () => {
    const e = evaluateChecklist(cats, school, new Map(), 'confirmed');
    expect(e.counts).toEqual({
      stand: { present: 0, required: 15 },
      remoteChannels: 0,
      comfortConditions: 0,
      premisesAccessibility: 0,
      serviceAccessibility: 0,
    });
    expect(e.unanswered).toHaveLength(15 + 6 + 5 + 5 + 6);
  });

  it('turns a hand-checked school checklist into the engine inputs', () => {
    const stand: Row[] = [
      'name',
      'founders',
      'location_schedule',
      'structure',
      'programmes',
      'management',
      'licence_accreditation',
      'admission_rules',
      'internal_rules',
      'facilities',
      'catering',
      'independent_assessment',
    ].map((k) => ['stand', k, { confirmed: a('yes') }]);
    const s = state([
      ...stand,
      ['stand', 'paid_services', { confirmed: a('na', 'Платных услуг нет') }],
      ['stand', 'vacancies', { confirmed: a('no') }],
      ['stand', 'complaints_contacts', { confirmed: a('no') }],
      // listed and working: counts
      ['remoteChannels', 'telephone', { confirmed: a('yes'), listed: true }],
      ['remoteChannels', 'email', { confirmed: a('yes'), listed: true }],
      // works but not listed on the site: does not count
      ['remoteChannels', 'e_service', { confirmed: a('yes'), listed: false }],
      // listed but not working
      ['remoteChannels', 'faq', { confirmed: a('no'), listed: true }],
      ['remoteChannels', 'quality_opinion', { confirmed: a('yes'), listed: true }],
      ['remoteChannels', 'other', { confirmed: a('no'), listed: false }],
      ['comfort', 'rest_area', { confirmed: a('yes') }],
      ['comfort', 'navigation', { confirmed: a('yes') }],
      ['comfort', 'drinking_water', { confirmed: a('no') }],
      ['comfort', 'toilets', { confirmed: a('yes') }],
      ['comfort', 'sanitary', { confirmed: a('yes') }],
      ['premises', 'ramps', { confirmed: a('yes') }],
      ['premises', 'parking', { confirmed: a('no') }],
      ['premises', 'adapted_lifts', { confirmed: a('na', 'Одноэтажное здание') }],
      ['premises', 'wheelchairs', { confirmed: a('no') }],
      ['premises', 'accessible_toilets', { confirmed: a('yes') }],
      ...['duplicated_info', 'braille', 'sign_interpreter'].map((k): Row => [
        'services',
        k,
        { confirmed: a('no') },
      ]),
      ...['visually_impaired_site', 'escort_staff', 'remote_education'].map((k): Row => [
        'services',
        k,
        { confirmed: a('yes') },
      ]),
    ]);
    const e = evaluateChecklist(cats, school, s, 'confirmed');
    // Stand: 15 items, 1 n/a → required 14; 12 present.
    expect(e.counts).toEqual({
      stand: { present: 12, required: 14 },
      remoteChannels: 3,
      comfortConditions: 4,
      premisesAccessibility: 2,
      serviceAccessibility: 3,
    });
    expect(e.unanswered).toEqual([]);
    expect(e.notApplicable.map((n) => [n.key, n.reason])).toEqual([
      ['paid_services', 'Платных услуг нет'],
      ['adapted_lifts', 'Одноэтажное здание'],
    ]);
    expect(e.missing.map((m) => `${m.section}:${m.key}`)).toEqual([
      'stand:vacancies',
      'stand:complaints_contacts',
      'remoteChannels:e_service',
      'remoteChannels:faq',
      'remoteChannels:other',
      'comfort:drinking_water',
      'premises:parking',
      'premises:wheelchairs',
      'services:duplicated_info',
      'services:braille',
      'services:sign_interpreter',
    ]);
  });

  it.each<[string, Partial<ItemState>, 'unanswered' | 'missing' | 'counted']>([
    ['answered, listing unknown', { confirmed: a('yes'), listed: null }, 'unanswered'],
    ['listed, not tested', { listed: true }, 'unanswered'],
    ['not listed, not tested', { listed: false }, 'unanswered'],
    ['not listed, answered no', { listed: false, confirmed: a('no') }, 'missing'],
    ['listed and works', { listed: true, confirmed: a('yes') }, 'counted'],
  ])('a confirmed channel %s is %s', (_n, item, expected) => {
    const e = evaluateChecklist(
      cats,
      school,
      state([['remoteChannels', 'faq', item]]),
      'confirmed',
    );
    const is = (list: { key: string }[]) => list.some((r) => r.key === 'faq');
    expect(is(e.unanswered)).toBe(expected === 'unanswered');
    expect(is(e.missing)).toBe(expected === 'missing');
    expect(e.counts.remoteChannels).toBe(expected === 'counted' ? 1 : 0);
  });

  it('uses the registry default («не применимо») for an unanswered item', () => {
    const org = { kind: 'school' as const, facts: { hasPaidServices: false } };
    const e = evaluateChecklist(cats, org, new Map(), 'confirmed');
    expect(e.counts.stand.required).toBe(14);
    expect(e.notApplicable.map((n) => n.key)).toEqual(['paid_services']);
    // The expert's answer wins over the registry.
    const answered = evaluateChecklist(
      cats,
      org,
      state([['stand', 'paid_services', { confirmed: a('yes') }]]),
      'confirmed',
    );
    expect(answered.counts.stand).toEqual({ present: 1, required: 15 });
  });

  it('leaves catering out for a preschool and counts the declared side on its own', () => {
    const org = { kind: 'preschool' as const, facts: {} };
    const s = state([
      ['stand', 'name', { declared: a('yes'), confirmed: a('no') }],
      ['remoteChannels', 'telephone', { declared: a('yes') }],
    ]);
    const declared = evaluateChecklist(cats, org, s, 'declared');
    expect(declared.counts.stand).toEqual({ present: 1, required: 14 });
    expect(declared.counts.remoteChannels).toBe(1);
    const confirmed = evaluateChecklist(cats, org, s, 'confirmed');
    expect(confirmed.counts.stand).toEqual({ present: 0, required: 14 });
    expect(confirmed.counts.remoteChannels).toBe(0);
  });
});

describe('differences', () => {
  it('lists items where the expert corrected the declaration', () => {
    const s = state([
      ['stand', 'name', { declared: a('yes'), confirmed: a('yes') }],
      ['stand', 'structure', { declared: a('yes'), confirmed: a('no') }],
      ['stand', 'paid_services', { declared: a('yes'), confirmed: a('na', 'нет услуг') }],
      ['stand', 'management', { declared: a('no') }],
      ['remoteChannels', 'faq', { declared: a('yes'), confirmed: a('yes'), listed: false }],
      ['remoteChannels', 'email', { declared: a('yes'), confirmed: a('yes'), listed: true }],
      ['comfort', 'drinking_water', { declared: a('no'), confirmed: a('yes') }],
    ]);
    expect(
      differences(cats, school, s).map((d) => [d.key, d.declared, d.confirmed, d.number]),
    ).toEqual([
      ['structure', 'yes', 'no', 4],
      ['paid_services', 'yes', 'na', 10],
      ['faq', 'yes', 'no', 4],
      ['drinking_water', 'no', 'yes', 3],
    ]);
  });
});
