// User administration queries: the list with territory and organization names, status and password
// changes. Drizzle only; executor passed in.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { organizations, territories, users, type UserRole } from '../../db/schema/index.ts';
import type { UserView } from './accounts.schema.ts';

const view = {
  id: users.id,
  email: users.email,
  fullName: users.fullName,
  role: users.role,
  territoryId: users.territoryId,
  territoryName: territories.name,
  organizationId: users.organizationId,
  organizationName: organizations.shortName,
  active: users.active,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
};

export function listUserViews(
  ex: Executor,
  filter: { role?: UserRole; active?: boolean; id?: number } = {},
): Promise<UserView[]> {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  if (filter.id !== undefined) conditions.push(eq(users.id, filter.id));
  return ex
    .select(view)
    .from(users)
    .leftJoin(territories, eq(territories.id, users.territoryId))
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(...conditions))
    .orderBy(asc(users.fullName), asc(users.id));
}

export async function setUserActive(ex: Executor, id: number, active: boolean): Promise<void> {
  await ex.update(users).set({ active }).where(eq(users.id, id));
}

export async function setPasswordHash(ex: Executor, id: number, hash: string): Promise<void> {
  await ex.update(users).set({ passwordHash: hash }).where(eq(users.id, id));
}

/** Municipalities for the scope of municipal users, by name. */
export function listMunicipalities(ex: Executor): Promise<{ id: number; name: string }[]> {
  return ex
    .select({ id: territories.id, name: territories.name })
    .from(territories)
    .where(eq(territories.kind, 'municipality'))
    .orderBy(asc(territories.name));
}
