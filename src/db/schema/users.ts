// Accounts: users, their sessions and login attempts (for throttling).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { authorities } from './authorities.ts';
import { createdAt, oneOf, updatedAt } from './columns.ts';
import { organizations } from './organizations.ts';
import { territories } from './territories.ts';

// Mirrors src/domain/permissions/roles.ts ROLES; the schema stays free of domain imports so
// drizzle-kit can load it on its own.
export const USER_ROLES = [
  'regional_admin',
  'municipal',
  'operator',
  'expert',
  'council',
  'organization',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** Stored lower-case (checked) so the unique index is case-insensitive. */
    email: text().notNull().unique(),
    fullName: text().notNull(),
    /** Null until the user sets a password through an invitation link. */
    passwordHash: text(),
    role: text({ enum: USER_ROLES }).notNull(),
    /** Scope of a municipal user. */
    territoryId: integer().references(() => territories.id),
    authorityId: integer().references(() => authorities.id),
    /** The organization an `organization` user acts for. */
    organizationId: integer().references(() => organizations.id),
    active: boolean().notNull().default(true),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('users_role_check', oneOf(t.role, USER_ROLES)),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
    check(
      'users_municipal_scope_check',
      sql`${t.role} <> 'municipal' or ${t.territoryId} is not null`,
    ),
    check(
      'users_organization_scope_check',
      sql`${t.role} <> 'organization' or ${t.organizationId} is not null`,
    ),
    index('users_role_idx').on(t.role),
    index('users_organization_id_idx').on(t.organizationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 hex of the session token: a stolen database does not yield usable cookies. */
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfSecret: text().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userAgentHash: text(),
    ipHash: text(),
  },
  (t) => [
    index('sessions_user_id_idx').on(t.userId),
    index('sessions_expires_at_idx').on(t.expiresAt),
  ],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** What is throttled: e.g. `email:…` or `ip:<hash>`. */
    key: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    success: boolean().notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Session = typeof sessions.$inferSelect;
export type NewSession = typeof sessions.$inferInsert;
export type LoginAttempt = typeof loginAttempts.$inferSelect;
