// Small builders of registry rows for repository and service tests. Each call makes unique codes
// and valid INNs, so tests can create as many rows as they need in one suite database.
import { completeInn } from '../src/domain/registry/identifiers.ts';
import type { Executor } from '../src/db/client.ts';
import {
  authorities,
  organizations,
  territories,
  type Authority,
  type NewOrganization,
  type Organization,
  type Territory,
} from '../src/db/schema/index.ts';

let seq = 0;
const next = () => ++seq;

/** A valid, unique legal-entity INN. */
export function uniqueInn(): string {
  return completeInn(String(770000000 + next()).padStart(9, '0'));
}

export interface RegionFixture {
  region: Territory;
  municipalities: [Territory, Territory];
  ministry: Authority;
  department: Authority;
}

/** A region with two municipalities, a regional ministry and a municipal department. */
export async function createRegion(ex: Executor): Promise<RegionFixture> {
  const n = next();
  const [region] = await ex
    .insert(territories)
    .values({ code: `region-${n}`, name: `Область ${n}`, kind: 'region' })
    .returning();
  const [m1, m2] = await ex
    .insert(territories)
    .values([
      { code: `mun-${n}-a`, name: `Город ${n}`, kind: 'municipality', parentId: region!.id },
      { code: `mun-${n}-b`, name: `Район ${n}`, kind: 'municipality', parentId: region!.id },
    ])
    .returning();
  const [ministry, department] = await ex
    .insert(authorities)
    .values([
      {
        code: `min-${n}`,
        name: `Министерство образования ${n}`,
        shortName: `Минобр ${n}`,
        level: 'regional',
        territoryId: region!.id,
      },
      {
        code: `dep-${n}`,
        name: `Управление образования ${n}`,
        shortName: `УО ${n}`,
        level: 'municipal',
        territoryId: m1!.id,
      },
    ])
    .returning();
  return {
    region: region!,
    municipalities: [m1!, m2!],
    ministry: ministry!,
    department: department!,
  };
}

/** Fields for a new organization in `region` (override any of them). */
export function organizationInput(
  region: RegionFixture,
  overrides: Partial<NewOrganization> = {},
): NewOrganization {
  const n = next();
  return {
    code: `org-${n}`,
    inn: uniqueInn(),
    kind: 'school',
    shortName: `МБОУ СОШ № ${n}`,
    fullName: `Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № ${n}»`,
    municipalityId: region.municipalities[0].id,
    founderId: region.department.id,
    contingent: 500,
    ...overrides,
  };
}

export async function createOrganizationRow(
  ex: Executor,
  region: RegionFixture,
  overrides: Partial<NewOrganization> = {},
): Promise<Organization> {
  const [row] = await ex
    .insert(organizations)
    .values(organizationInput(region, overrides))
    .returning();
  return row!;
}
