// The audit log: who changed what, before and after. Append-only — the migration
// `audit_log_append_only` installs a trigger that rejects UPDATE, DELETE and TRUNCATE.
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorUserId: integer().references(() => users.id),
    /** Readable actor even without a user: 'system', 'cli', or the user's name at the time. */
    actorLabel: text().notNull(),
    /** 'create', 'update', 'deactivate', 'approve', 'import', … (open list, no check). */
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    before: jsonb(),
    after: jsonb(),
    requestId: text(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_user_id_idx').on(t.actorUserId),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
