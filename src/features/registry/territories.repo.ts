// Territories: Drizzle queries only. Every function takes the executor (db or transaction).
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import {
  territories,
  type NewTerritory,
  type Territory,
  type TerritoryKind,
} from '../../db/schema/index.ts';

export async function createTerritory(ex: Executor, input: NewTerritory): Promise<Territory> {
  try {
    const [row] = await ex.insert(territories).values(input).returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e, 'territories_code_unique')) {
      throw AppError.conflict(`Территория с кодом «${input.code}» уже есть`);
    }
    throw e;
  }
}

export async function updateTerritory(
  ex: Executor,
  id: number,
  patch: Partial<Pick<NewTerritory, 'name' | 'timezone' | 'oktmo'>>,
): Promise<Territory | null> {
  const [row] = await ex.update(territories).set(patch).where(eq(territories.id, id)).returning();
  return row ?? null;
}

export async function getTerritoryById(ex: Executor, id: number): Promise<Territory | null> {
  const [row] = await ex.select().from(territories).where(eq(territories.id, id));
  return row ?? null;
}

export async function getTerritoryByCode(ex: Executor, code: string): Promise<Territory | null> {
  const [row] = await ex.select().from(territories).where(eq(territories.code, code));
  return row ?? null;
}

/** Territories by kind and/or parent, ordered by name. */
export function listTerritories(
  ex: Executor,
  filter: { kind?: TerritoryKind; parentId?: number } = {},
): Promise<Territory[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(territories.kind, filter.kind));
  if (filter.parentId !== undefined) conditions.push(eq(territories.parentId, filter.parentId));
  return ex
    .select()
    .from(territories)
    .where(and(...conditions))
    .orderBy(asc(territories.name), asc(territories.id));
}
