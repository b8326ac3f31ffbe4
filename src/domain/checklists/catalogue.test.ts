import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUES } from '../scoring/methodology.ts';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../scoring/input.ts';
import { CHANNELS } from '../site-requirements/channels.ts';
import {
  CATALOGUES,
  CHECKLIST_SECTIONS,
  findItem,
  itemTitle,
  resolveCatalogues,
  type ChecklistSection,
} from './catalogue.ts';
import { appliesToKind, applicableItems, defaultAnswer } from './applicability.ts';

const defaults = resolveCatalogues(DEFAULT_CATALOGUES);

describe('default catalogues', () => {
  it('are the versions the default methodology names', () => {
    for (const s of CHECKLIST_SECTIONS) expect(defaults[s].version).toBe(DEFAULT_CATALOGUES[s]);
  });

  it.each<[ChecklistSection, number, string]>([
    ['stand', 15, '1.1'],
    ['remoteChannels', 6, '1.2'],
    ['comfort', 5, '2.1'],
    ['premises', 5, '3.1'],
    ['services', 6, '3.2'],
  ])('%s has %i items numbered in order, for indicator %s', (section, n, indicator) => {
    const c = defaults[section];
    expect(c.items).toHaveLength(n);
    expect(c.items.map((i) => i.number)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(new Set(c.items.map((i) => i.key)).size).toBe(n);
    expect(c.indicator).toBe(indicator);
  });

  it('names remote channels as the site monitor does', () => {
    expect(defaults.remoteChannels.items.map((i) => i.key)).toEqual([...CHANNELS]);
    expect(defaults.remoteChannels.items.map((i) => i.test ?? null)).toEqual([
      'call',
      'letter',
      null,
      null,
      null,
      null,
    ]);
  });

  it.each<[OrganizationKind, number]>([
    ['school', 15],
    ['preschool', 14],
    ['vocational', 14],
    ['additional', 14],
  ])('stand items for %s: %i (catering only in schools)', (kind, n) => {
    expect(applicableItems(defaults.stand.items, kind)).toHaveLength(n);
  });

  it.each<[OrganizationKind, boolean]>([
    ['school', true],
    ['vocational', true],
    ['preschool', false],
    ['additional', false],
  ])('item 7 for %s mentions state accreditation: %s', (kind, accreditation) => {
    const item = findItem(defaults, 'stand', 'licence_accreditation')!;
    expect(itemTitle(item, kind).includes('аккредитации')).toBe(accreditation);
    expect(itemTitle(item, kind)).toContain('Лицензия');
  });

  it('every list other than the stand applies to every kind', () => {
    for (const s of CHECKLIST_SECTIONS.filter((x) => x !== 'stand'))
      for (const kind of ORGANIZATION_KINDS)
        expect(defaults[s].items.every((i) => appliesToKind(i, kind))).toBe(true);
  });

  it('refuses an unknown version in Russian', () => {
    expect(() => resolveCatalogues({ ...DEFAULT_CATALOGUES, comfort: 'comfort-2099' })).toThrow(
      /неизвестный каталог «comfort-2099»/,
    );
  });

  it('keeps one version per id', () => {
    for (const s of CHECKLIST_SECTIONS) {
      const ids = CATALOGUES[s].map((c) => c.version);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('registry defaults («не применимо» by a false fact)', () => {
  const item = (key: string) => findItem(defaults, 'stand', key)!;
  it.each<[string, OrganizationKind, Record<string, unknown>, string | null]>([
    ['paid_services', 'school', { hasPaidServices: false }, 'платных'],
    ['paid_services', 'school', { hasPaidServices: true }, null],
    ['paid_services', 'preschool', {}, null],
    ['catering', 'school', { providesCatering: false }, 'питание'],
    ['catering', 'school', {}, null],
    ['catering', 'preschool', { providesCatering: false }, null],
    ['vacancies', 'preschool', { keepsVacantPlaces: false }, 'вакантных'],
    ['vacancies', 'preschool', {}, null],
    ['vacancies', 'school', { keepsVacantPlaces: false }, null],
    ['name', 'school', { hasPaidServices: false }, null],
  ])('%s, %s, %j → %s', (key, kind, facts, reason) => {
    const a = defaultAnswer(item(key), { kind, facts });
    if (reason === null) expect(a).toBeNull();
    else expect(a).toMatchObject({ answer: 'na', reason: expect.stringContaining(reason) });
  });
});
