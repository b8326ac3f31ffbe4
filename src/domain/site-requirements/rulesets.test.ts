// Ruleset versions by crawl date and «Инорм.сайт» per kind (site-monitoring.md).
import { describe, expect, it } from 'vitest';
import { CATALOGUE, ORG_KINDS, catalogueKind } from './catalogue.ts';
import { requiredItems, requirementOf, rulesetFor } from './rulesets.ts';

const ids = (kind: (typeof ORG_KINDS)[number], date: string, flags = {}) =>
  requiredItems(kind, rulesetFor(new Date(date)), flags).map((i) => i.id);

describe('rulesetFor', () => {
  it.each([
    ['2024-08-31', '831', 'common', true],
    ['2024-09-01', '1493', 'common', true],
    ['2025-10-24', '1493', 'common', true],
    ['2025-10-25', '1493', 'common', false],
    ['2026-02-28', '1493', 'common', false],
    ['2026-03-01', '1493+1353', 'education', false],
    ['2026-11-22', '1493+1353', 'education', false],
  ])('%s → %s', (date, version, accreditation, copy) => {
    const r = rulesetFor(new Date(`${date}T12:00:00Z`));
    expect([r.version, r.accreditationSection, r.visuallyImpairedVersionRequired]).toEqual([
      version,
      accreditation,
      copy,
    ]);
  });
});

describe('requiredItems', () => {
  it('has the catalogue of 14 subsections and 160 items', () => {
    expect(CATALOGUE.sections).toHaveLength(14);
    expect(CATALOGUE.sections.flatMap((s) => s.items)).toHaveLength(160);
    expect(catalogueKind('vocational')).toBe('college');
  });

  it.each([
    ['preschool', 85],
    ['school', 94],
    ['vocational', 90],
    ['additional', 88],
  ] as const)('%s on 2026-11-22 without applicability flags: %i items', (kind, n) => {
    expect(ids(kind, '2026-11-22')).toHaveLength(n);
  });

  it('moves accreditation from common to education on 01.03.2026 (Order 1353)', () => {
    const flags = { stateAccreditation: true };
    expect(
      ids('school', '2026-02-28', flags).filter((i) => i.endsWith('accreditationDocLink')),
    ).toEqual(['common.accreditationDocLink']);
    expect(
      ids('school', '2026-03-01', flags).filter((i) => i.endsWith('accreditationDocLink')),
    ).toEqual(['education.accreditationDocLink']);
    expect(
      ids('preschool', '2026-03-01', flags).filter((i) => i.endsWith('accreditationDocLink')),
    ).toEqual([]);
  });

  it('counts the version for the visually impaired (copy) only before its repeal', () => {
    expect(ids('school', '2025-06-01').filter((i) => i.endsWith('.copy'))).toHaveLength(14);
    expect(ids('school', '2026-11-22').filter((i) => i.endsWith('.copy'))).toHaveLength(0);
  });

  it('counts if_applicable items only when the organization has the thing', () => {
    const r = rulesetFor(new Date('2026-11-22'));
    const fil = CATALOGUE.sections[1]!.items.find((i) => i.itemprop === 'filInfo')!;
    expect(requirementOf(fil, 'school', r)).toBe('informational');
    expect(requirementOf(fil, 'school', r, { branches: true })).toBe('required');
    const withBranches = ids('school', '2026-11-22', { branches: true });
    expect(withBranches.length - ids('school', '2026-11-22').length).toBe(8);
  });

  it('never counts informational or optional items, nor items of other kinds', () => {
    const all = ORG_KINDS.flatMap((k) => ids(k, '2026-11-22', { dormitory: true, branches: true }));
    expect(all.some((i) => i.endsWith('.addRef') || i.endsWith('.copy'))).toBe(false);
    expect(ids('preschool', '2026-11-22')).not.toContain('education.eduAccred.eduForm');
    expect(ids('school', '2026-11-22')).toContain('catering.text:menu');
    expect(ids('preschool', '2026-11-22')).not.toContain('catering.text:menu');
  });
});
