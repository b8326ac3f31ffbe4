// Column helpers shared by the schema files. Enumerations are text columns with a CHECK
// constraint rather than pg enums: adding a value is then a one-line migration that drops and
// re-creates the check, with no ALTER TYPE (which cannot run inside a transaction block on older
// servers) and no type to keep in step between PGlite and PostgreSQL.
import { sql, type SQL } from 'drizzle-orm';
import { customType, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** `column IN ('a', 'b', …)` for a CHECK constraint; values are fixed literals from our code. */
export function oneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  const list = values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');
  return sql`${column} in (${sql.raw(list)})`;
}

/** created_at: set by the database so imports, the CLI and the server agree on the clock. */
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** updated_at: the database default on insert, refreshed by Drizzle on every update. */
export const updatedAt = () =>
  timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date());

/** bytea as Uint8Array (drizzle-orm 0.45 has no built-in bytea column). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (v instanceof Uint8Array ? v : new Uint8Array(v)),
});
