// Pieces shared by the registry services: parsing input with a contract, the scope of a caller,
// the reference lists (municipalities, founders) and what the audit log keeps of an organization.
import type { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { scopeOf, type Action } from '../../domain/permissions/index.ts';
import { MAX_YEARS_BETWEEN_ASSESSMENTS } from '../../domain/scoring/frequency.ts';
import type { Executor } from '../../db/client.ts';
import type { Authority, Organization, Territory } from '../../db/schema/index.ts';
import type { Caller } from '../context.ts';
import type { OrganizationFilterInput } from './registry.schema.ts';
import { listAuthorities } from './authorities.repo.ts';
import type { OrganizationFilter } from './organizations.repo.ts';
import { listTerritories } from './territories.repo.ts';

/** Parses input with a contract; a failure becomes AppError(validation) with one issue per field. */
export function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const r = schema.safeParse(raw ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    path: i.path.map(String).join('.') || 'input',
    message: i.message,
  }));
  throw AppError.validation(issues.map((i) => i.message).join('; '), issues);
}

/**
 * The part of the registry a caller may see for `action`: municipal users their municipality,
 * organization users their own organization, everyone else (with the grant) the whole region.
 */
export function scopeFilter(
  caller: Caller,
  action: Action,
): Pick<OrganizationFilter, 'municipalityId' | 'id'> {
  const scope = scopeOf(caller.role, action);
  if (scope === 'municipality') return { municipalityId: caller.territoryId ?? -1 };
  if (scope === 'organization') return { id: caller.organizationId ?? -1 };
  return {};
}

export interface References {
  territories: Territory[];
  municipalities: Territory[];
  authorities: Authority[];
  territoryById: Map<number, Territory>;
  authorityById: Map<number, Authority>;
}

/** Territories and authorities (a region has tens of them: read whole, joined in memory). */
export async function loadReferences(ex: Executor): Promise<References> {
  const [territories, authorities] = await Promise.all([listTerritories(ex), listAuthorities(ex)]);
  return {
    territories,
    municipalities: territories.filter((t) => t.kind === 'municipality'),
    authorities,
    territoryById: new Map(territories.map((t) => [t.id, t])),
    authorityById: new Map(authorities.map((a) => [a.id, a])),
  };
}

/** What the audit log keeps of an organization (all registry fields, no timestamps). */
export function organizationSnapshot(o: Organization) {
  return {
    code: o.code,
    inn: o.inn,
    ogrn: o.ogrn,
    kpp: o.kpp,
    kind: o.kind,
    shortName: o.shortName,
    fullName: o.fullName,
    municipalityId: o.municipalityId,
    founderId: o.founderId,
    address: o.address,
    website: o.website,
    email: o.email,
    phone: o.phone,
    contingent: o.contingent,
    headName: o.headName,
    headPosition: o.headPosition,
    lastAssessedYear: o.lastAssessedYear,
    active: o.active,
    deactivationReason: o.deactivationReason,
  };
}

export function authoritySnapshot(a: Authority) {
  return {
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    level: a.level,
    territoryId: a.territoryId,
    inn: a.inn,
    email: a.email,
    phone: a.phone,
    active: a.active,
  };
}

/**
 * Due for assessment this year (art. 95.2 part 3 of 273-ФЗ, frequency.ts): last assessed in
 * `year − 3` or earlier, or never. Returns the latest such year.
 */
export function dueYear(now: Date): number {
  return now.getUTCFullYear() - MAX_YEARS_BETWEEN_ASSESSMENTS;
}

/** The repository filter of a list request, with the caller's scope forced over it. */
export function organizationFilter(
  caller: Caller,
  f: z.output<typeof OrganizationFilterInput>,
  now: Date,
): OrganizationFilter {
  const status = f.status ?? 'active';
  return {
    ...(f.q ? { search: f.q } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(typeof f.municipalityId === 'number' ? { municipalityId: f.municipalityId } : {}),
    ...(typeof f.founderId === 'number' ? { founderId: f.founderId } : {}),
    ...(status === 'all' ? {} : { active: status === 'active' }),
    ...(f.due ? { assessedNotAfter: dueYear(now) } : {}),
    ...scopeFilter(caller, 'registry.view'),
  };
}
