// Array parameters for bulk statements: `INSERT … SELECT … FROM unnest($1::text[], $2::int[], …)`.
// One statement and one round trip for any number of rows, with a constant parameter count (a
// VALUES list needs one parameter per cell and hits the 65535-parameter limit on big imports).
// Both drivers serialise a JS array parameter to a PostgreSQL array literal.
import { sql, type SQL } from 'drizzle-orm';

type Cell = string | number | boolean | null;

function arrayParam(values: readonly Cell[], type: string): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}

export const textArray = (values: readonly (string | null)[]): SQL => arrayParam(values, 'text');
export const intArray = (values: readonly (number | null)[]): SQL => arrayParam(values, 'int4');
export const boolArray = (values: readonly (boolean | null)[]): SQL => arrayParam(values, 'bool');
export const timestamptzArray = (values: readonly (Date | null)[]): SQL =>
  arrayParam(
    values.map((d) => (d ? d.toISOString() : null)),
    'timestamptz',
  );
/** jsonb values travel as JSON text; `undefined` and `null` become SQL NULL. */
export const jsonbArray = (values: readonly unknown[]): SQL =>
  arrayParam(
    values.map((v) => (v === undefined || v === null ? null : JSON.stringify(v))),
    'jsonb',
  );
