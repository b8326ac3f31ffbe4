// Sessions and login attempts: Drizzle queries only; executor passed in.
import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  loginAttempts,
  sessions,
  users,
  type NewSession,
  type Session,
  type User,
} from '../../db/schema/index.ts';

export async function insertSession(ex: Executor, row: NewSession): Promise<Session> {
  const [created] = await ex.insert(sessions).values(row).returning();
  return created!;
}

/** A session that has not expired at `now`, with its user. */
export async function findLiveSession(
  ex: Executor,
  id: string,
  now: Date,
): Promise<{ session: Session; user: User } | null> {
  const [row] = await ex
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function touchSession(
  ex: Executor,
  id: string,
  lastSeenAt: Date,
  expiresAt: Date,
): Promise<void> {
  await ex.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

/** Deletes a session; returns its user's id, or null when there was no such session. */
export async function deleteSession(ex: Executor, id: string): Promise<number | null> {
  const [row] = await ex
    .delete(sessions)
    .where(eq(sessions.id, id))
    .returning({ userId: sessions.userId });
  return row?.userId ?? null;
}

/** Ends every session of a user, except `keepId` (the one changing the password). */
export async function deleteUserSessions(
  ex: Executor,
  userId: number,
  keepId?: string,
): Promise<number> {
  const rows = await ex
    .delete(sessions)
    .where(
      keepId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepId))
        : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteExpiredSessions(ex: Executor, now: Date): Promise<number> {
  const rows = await ex
    .delete(sessions)
    .where(lt(sessions.expiresAt, now))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function recordAttempt(
  ex: Executor,
  key: string,
  at: Date,
  success: boolean,
): Promise<void> {
  await ex.insert(loginAttempts).values({ key, at, success });
}

/** Attempts for `key` after `since`, as the pure throttle wants them. */
export async function attemptsSince(
  ex: Executor,
  key: string,
  since: Date,
): Promise<{ at: number; success: boolean }[]> {
  const rows = await ex
    .select({ at: loginAttempts.at, success: loginAttempts.success })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, since)));
  return rows.map((r) => ({ at: r.at.getTime(), success: r.success }));
}

export async function deleteAttemptsBefore(ex: Executor, before: Date): Promise<void> {
  await ex.delete(loginAttempts).where(lt(loginAttempts.at, before));
}
