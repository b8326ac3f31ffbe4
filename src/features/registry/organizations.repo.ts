// Organizations: Drizzle queries only. Every function takes the executor (db or transaction).
import { and, asc, count, eq, like, or, sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { intArray, textArray } from '../../db/bulk.ts';
import { queryRows, type Executor } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  organizations,
  type NewOrganization,
  type Organization,
  type OrganizationKind,
} from '../../db/schema/index.ts';
import { containsText, normalizeSearch } from '../../db/search.ts';

export interface OrganizationFilter {
  /** Part of the short or full name (any case, ё = е), or the beginning of the INN. */
  search?: string;
  kind?: OrganizationKind;
  municipalityId?: number;
  founderId?: number;
  active?: boolean;
  /** Only this organization (the scope of an organization user). */
  id?: number;
  /**
   * Due for assessment: never assessed, or last assessed in this year or earlier. The last year is
   * the later of the imported `lastAssessedYear` and the campaigns (past draft) that included it.
   */
  assessedNotAfter?: number;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export type OrganizationPatch = Partial<
  Omit<
    NewOrganization,
    'id' | 'createdAt' | 'updatedAt' | 'active' | 'deactivatedAt' | 'deactivationReason'
  >
>;

const MAX_PAGE = 500;

function uniqueMessage(e: unknown): string | null {
  if (isUniqueViolation(e, 'organizations_inn_unique'))
    return 'Организация с таким ИНН уже есть в реестре';
  if (isUniqueViolation(e, 'organizations_code_unique'))
    return 'Организация с таким кодом уже есть в реестре';
  return null;
}

async function mapUnique<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    const message = uniqueMessage(e);
    throw message ? AppError.conflict(message) : e;
  }
}

export function createOrganization(ex: Executor, input: NewOrganization): Promise<Organization> {
  return mapUnique(async () => {
    const [row] = await ex.insert(organizations).values(input).returning();
    return row!;
  });
}

/** Updates the given fields; null when there is no such organization. */
export function updateOrganization(
  ex: Executor,
  id: number,
  patch: OrganizationPatch,
): Promise<Organization | null> {
  return mapUnique(async () => {
    const [row] = await ex
      .update(organizations)
      .set(patch)
      .where(eq(organizations.id, id))
      .returning();
    return row ?? null;
  });
}

export async function getOrganizationById(ex: Executor, id: number): Promise<Organization | null> {
  const [row] = await ex.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function getOrganizationByInn(
  ex: Executor,
  inn: string,
): Promise<Organization | null> {
  const [row] = await ex.select().from(organizations).where(eq(organizations.inn, inn));
  return row ?? null;
}

export async function getOrganizationByCode(
  ex: Executor,
  code: string,
): Promise<Organization | null> {
  const [row] = await ex.select().from(organizations).where(eq(organizations.code, code));
  return row ?? null;
}

function where(filter: OrganizationFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  const search = filter.search?.trim();
  if (search) {
    const byName = or(
      containsText(organizations.shortName, search),
      containsText(organizations.fullName, search),
    );
    conditions.push(
      /^\d+$/.test(search)
        ? or(byName, like(organizations.inn, `${normalizeSearch(search)}%`))
        : byName,
    );
  }
  if (filter.kind) conditions.push(eq(organizations.kind, filter.kind));
  if (filter.municipalityId !== undefined)
    conditions.push(eq(organizations.municipalityId, filter.municipalityId));
  if (filter.founderId !== undefined)
    conditions.push(eq(organizations.founderId, filter.founderId));
  if (filter.active !== undefined) conditions.push(eq(organizations.active, filter.active));
  if (filter.id !== undefined) conditions.push(eq(organizations.id, filter.id));
  if (filter.assessedNotAfter !== undefined)
    conditions.push(sql`coalesce(greatest(${organizations.lastAssessedYear}, (
      select max(c.year) from campaign_organizations co join campaigns c on c.id = co.campaign_id
      where co.organization_id = ${organizations.id} and co.status = 'included'
        and c.status <> 'draft')), 0) <= ${filter.assessedNotAfter}`);
  return and(...conditions);
}

/** A page of organizations matching the filter, ordered by short name. */
export function listOrganizations(
  ex: Executor,
  filter: OrganizationFilter = {},
  page: Page = {},
): Promise<Organization[]> {
  return ex
    .select()
    .from(organizations)
    .where(where(filter))
    .orderBy(asc(sql`lower(${organizations.shortName})`), asc(organizations.id))
    .limit(Math.min(page.limit ?? 50, MAX_PAGE))
    .offset(page.offset ?? 0);
}

export async function countOrganizations(
  ex: Executor,
  filter: OrganizationFilter = {},
): Promise<number> {
  const [row] = await ex.select({ n: count() }).from(organizations).where(where(filter));
  return row?.n ?? 0;
}

/** Marks an organization closed (never deleted); null when there is no such organization. */
export async function deactivateOrganization(
  ex: Executor,
  id: number,
  reason: string,
  at: Date = new Date(),
): Promise<Organization | null> {
  const [row] = await ex
    .update(organizations)
    .set({ active: false, deactivatedAt: at, deactivationReason: reason })
    .where(eq(organizations.id, id))
    .returning();
  return row ?? null;
}

export async function reactivateOrganization(
  ex: Executor,
  id: number,
): Promise<Organization | null> {
  const [row] = await ex
    .update(organizations)
    .set({ active: true, deactivatedAt: null, deactivationReason: null })
    .where(eq(organizations.id, id))
    .returning();
  return row ?? null;
}

/** One row of a registry import; the INN identifies the organization. */
export interface OrganizationImportRow {
  inn: string;
  /** Stable code for new organizations; defaults to `inn-<INN>`. Never changed on update. */
  code?: string;
  ogrn?: string | null;
  kpp?: string | null;
  kind: OrganizationKind;
  shortName: string;
  fullName: string;
  municipalityId: number;
  founderId?: number | null;
  address?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Required: an import must not reset the sample base to 0 by omission. */
  contingent: number;
  headName?: string | null;
  headPosition?: string | null;
  lastAssessedYear?: number | null;
}

export interface UpsertResult {
  id: number;
  inn: string;
  inserted: boolean;
}

/**
 * Inserts new organizations and updates existing ones (matched by INN) in ONE statement over
 * unnest() arrays. On update the required fields are overwritten and optional ones only when
 * given: an import never erases data it does not mention (clearing is an explicit edit). The code
 * and the active flag are not touched by updates. Duplicate INNs in the input are rejected:
 * PostgreSQL cannot update a row twice in one statement, and keeping one would hide an error.
 */
export async function upsertManyByInn(
  ex: Executor,
  rows: readonly OrganizationImportRow[],
): Promise<UpsertResult[]> {
  if (rows.length === 0) return [];
  const seen = new Set<string>();
  const duplicates = rows.filter((r) => (seen.has(r.inn) ? true : (seen.add(r.inn), false)));
  if (duplicates.length > 0) {
    throw AppError.validation(
      `ИНН повторяется в загружаемых данных: ${[...new Set(duplicates.map((r) => r.inn))].join(', ')}`,
    );
  }
  const col = <K extends keyof OrganizationImportRow>(k: K) => rows.map((r) => r[k] ?? null);
  const text = (k: keyof OrganizationImportRow) => textArray(col(k) as (string | null)[]);
  const int = (k: keyof OrganizationImportRow) => intArray(col(k) as (number | null)[]);
  // `xmax = 0` holds for a row version created by this statement's insert, not by its update.
  const query = sql`
    insert into organizations (inn, code, ogrn, kpp, kind, short_name, full_name, municipality_id,
      founder_id, address, website, email, phone, contingent, head_name, head_position, last_assessed_year)
    select u.inn, coalesce(u.code, 'inn-' || u.inn), u.ogrn, u.kpp, u.kind, u.short_name, u.full_name,
      u.municipality_id, u.founder_id, u.address, u.website, u.email, u.phone, u.contingent,
      u.head_name, u.head_position, u.last_assessed_year
    from unnest(${text('inn')}, ${text('code')}, ${text('ogrn')}, ${text('kpp')}, ${text('kind')},
      ${text('shortName')}, ${text('fullName')}, ${int('municipalityId')}, ${int('founderId')},
      ${text('address')}, ${text('website')}, ${text('email')}, ${text('phone')}, ${int('contingent')},
      ${text('headName')}, ${text('headPosition')}, ${int('lastAssessedYear')})
      as u(inn, code, ogrn, kpp, kind, short_name, full_name, municipality_id, founder_id, address,
        website, email, phone, contingent, head_name, head_position, last_assessed_year)
    on conflict (inn) do update set
      kind = excluded.kind, short_name = excluded.short_name, full_name = excluded.full_name,
      municipality_id = excluded.municipality_id, contingent = excluded.contingent,
      ogrn = coalesce(excluded.ogrn, organizations.ogrn),
      kpp = coalesce(excluded.kpp, organizations.kpp),
      founder_id = coalesce(excluded.founder_id, organizations.founder_id),
      address = coalesce(excluded.address, organizations.address),
      website = coalesce(excluded.website, organizations.website),
      email = coalesce(excluded.email, organizations.email),
      phone = coalesce(excluded.phone, organizations.phone),
      head_name = coalesce(excluded.head_name, organizations.head_name),
      head_position = coalesce(excluded.head_position, organizations.head_position),
      last_assessed_year = coalesce(excluded.last_assessed_year, organizations.last_assessed_year),
      updated_at = now()
    returning id, inn, (xmax = 0) as inserted`;
  const result = await mapUnique(() => queryRows<UpsertResult>(ex, query));
  return result.map((r) => ({ id: Number(r.id), inn: r.inn, inserted: r.inserted === true }));
}
