// Users: Drizzle queries only; executor passed in. E-mails are stored and looked up lower-case.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { Executor } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { users, type NewUser, type User, type UserRole } from '../../db/schema/index.ts';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(ex: Executor, input: NewUser): Promise<User> {
  const email = normalizeEmail(input.email);
  try {
    const [row] = await ex
      .insert(users)
      .values({ ...input, email })
      .returning();
    return row!;
  } catch (e) {
    if (isUniqueViolation(e, 'users_email_unique')) {
      throw AppError.conflict(`Пользователь с адресом ${email} уже зарегистрирован`);
    }
    throw e;
  }
}

export async function getUserById(ex: Executor, id: number): Promise<User | null> {
  const [row] = await ex.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function getUserByEmail(ex: Executor, email: string): Promise<User | null> {
  const [row] = await ex
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return row ?? null;
}

/** Users, optionally of one role and activity, ordered by name. */
export function listUsers(
  ex: Executor,
  filter: { role?: UserRole; active?: boolean } = {},
): Promise<User[]> {
  const conditions: SQL[] = [];
  if (filter.role) conditions.push(eq(users.role, filter.role));
  if (filter.active !== undefined) conditions.push(eq(users.active, filter.active));
  return ex
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(asc(users.fullName), asc(users.id));
}

export function listUsersByRole(ex: Executor, role: UserRole): Promise<User[]> {
  return listUsers(ex, { role });
}

export async function recordLogin(ex: Executor, id: number, at: Date = new Date()): Promise<void> {
  await ex.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
}
