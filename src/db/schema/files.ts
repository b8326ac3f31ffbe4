// Stored files: council protocols now, evidence photos and exports later. Small files live in the
// database (bytea) so a PGlite folder or a PostgreSQL dump is a complete backup; large ones may be
// kept in a configured folder and referenced by a relative path.
import { sql } from 'drizzle-orm';
import { bigint, check, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { bytea, createdAt } from './columns.ts';
import { users } from './users.ts';

export const files = pgTable(
  'files',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    mime: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    /** Lower-case hex; lets imports and uploads detect duplicates and verify stored copies. */
    sha256: text().notNull(),
    data: bytea(),
    storagePath: text(),
    createdById: integer().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('files_size_check', sql`${t.size} >= 0`),
    check('files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    // Exactly one place holds the bytes.
    check('files_storage_check', sql`(${t.data} is null) <> (${t.storagePath} is null)`),
  ],
);

export type StoredFile = typeof files.$inferSelect;
export type NewStoredFile = typeof files.$inferInsert;
