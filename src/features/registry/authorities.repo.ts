// Authorities (founders, education authorities): Drizzle queries only; executor passed in.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  authorities,
  type Authority,
  type AuthorityLevel,
  type NewAuthority,
} from '../../db/schema/index.ts';

export type AuthorityPatch = Partial<Omit<NewAuthority, 'id' | 'code' | 'createdAt' | 'updatedAt'>>;

export async function createAuthority(ex: Executor, input: NewAuthority): Promise<Authority> {
  try {
    const [row] = await ex.insert(authorities).values(input).returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e, 'authorities_code_unique')) {
      throw AppError.conflict(`Орган управления с кодом «${input.code}» уже есть`);
    }
    throw e;
  }
}

export async function updateAuthority(
  ex: Executor,
  id: number,
  patch: AuthorityPatch,
): Promise<Authority | null> {
  const [row] = await ex.update(authorities).set(patch).where(eq(authorities.id, id)).returning();
  return row ?? null;
}

export async function getAuthorityById(ex: Executor, id: number): Promise<Authority | null> {
  const [row] = await ex.select().from(authorities).where(eq(authorities.id, id));
  return row ?? null;
}

export async function getAuthorityByCode(ex: Executor, code: string): Promise<Authority | null> {
  const [row] = await ex.select().from(authorities).where(eq(authorities.code, code));
  return row ?? null;
}

export function listAuthorities(
  ex: Executor,
  filter: { level?: AuthorityLevel; territoryId?: number; active?: boolean } = {},
): Promise<Authority[]> {
  const conditions: SQL[] = [];
  if (filter.level) conditions.push(eq(authorities.level, filter.level));
  if (filter.territoryId !== undefined)
    conditions.push(eq(authorities.territoryId, filter.territoryId));
  if (filter.active !== undefined) conditions.push(eq(authorities.active, filter.active));
  return ex
    .select()
    .from(authorities)
    .where(and(...conditions))
    .orderBy(asc(authorities.name), asc(authorities.id));
}
