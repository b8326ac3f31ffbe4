// Case-insensitive substring search that behaves the same on PGlite and PostgreSQL.
// lower() folds Cyrillic when the database's LC_CTYPE is a UTF-8 locale (PGlite: C.UTF-8; a
// PostgreSQL created with a C ctype would fold ASCII only — ADR 0002 requires a UTF-8 locale).
// «ё» is folded to «е» on both sides: people type «е» for «ё» and expect to find «Ёлочка».
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** The search text as a LIKE pattern body: lower-cased, ё→е, LIKE wildcards escaped. */
export function normalizeSearch(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL: the column contains `text`, ignoring case and ё/е. */
export function containsText(column: AnyPgColumn | SQL, text: string): SQL {
  return sql`replace(lower(${column}), 'ё', 'е') like ${`%${normalizeSearch(text)}%`}`;
}
