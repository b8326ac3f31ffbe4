import { describe, expect, it } from 'vitest';
import { isValidInn, isValidOgrn } from '../../domain/registry/identifiers.ts';
import { buildDemoRegistry } from './factories.ts';

describe('demo registry', () => {
  const reg = buildDemoRegistry(300);

  it('has 8 municipalities, their founders and 300 organizations of all four kinds', () => {
    expect(reg.municipalities).toHaveLength(8);
    expect(reg.authorities).toHaveLength(9);
    expect(reg.organizations).toHaveLength(300);
    const kinds = new Set(reg.organizations.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(['additional', 'preschool', 'school', 'vocational']);
  });

  it('gives every organization unique valid identifiers and codes', () => {
    const inns = new Set(reg.organizations.map((o) => o.inn));
    const codes = new Set(reg.organizations.map((o) => o.code));
    expect(inns.size).toBe(300);
    expect(codes.size).toBe(300);
    for (const o of reg.organizations) {
      expect(isValidInn(o.inn), o.inn).toBe(true);
      expect(isValidOgrn(o.ogrn), o.ogrn).toBe(true);
      expect(o.contingent).toBeGreaterThan(0);
      expect(o.website).toMatch(/^https:\/\/[a-z0-9.-]+\.example\/$/);
    }
  });

  it('links every organization to an existing municipality and founder', () => {
    const munis = new Set(reg.municipalities.map((m) => m.code));
    const founders = new Set(reg.authorities.map((a) => a.code));
    for (const o of reg.organizations) {
      expect(munis.has(o.municipalityCode)).toBe(true);
      expect(founders.has(o.founderCode)).toBe(true);
    }
  });

  it('is reproducible', () => {
    expect(buildDemoRegistry(300).organizations).toEqual(reg.organizations);
  });
});
