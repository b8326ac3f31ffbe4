// Recognising PostgreSQL errors the same way on both drivers. Drizzle 0.45 wraps driver errors in
// DrizzleQueryError (the original in `cause`); PGlite and node-postgres both expose the SQLSTATE as
// `code` and the violated constraint as `constraint`.

export interface PgErrorInfo {
  code: string;
  constraint?: string;
  message: string;
}

/** The PostgreSQL error inside `e` (following `cause`), or null if `e` is not one. */
export function pgErrorOf(e: unknown): PgErrorInfo | null {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      const constraint = (current as { constraint?: unknown }).constraint;
      return {
        code,
        message: current.message,
        ...(typeof constraint === 'string' ? { constraint } : {}),
      };
    }
    current = current.cause;
  }
  return null;
}

/** unique_violation (23505), optionally of one named constraint. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const info = pgErrorOf(e);
  return info?.code === '23505' && (constraint === undefined || info.constraint === constraint);
}

/** foreign_key_violation (23503). */
export function isForeignKeyViolation(e: unknown): boolean {
  return pgErrorOf(e)?.code === '23503';
}

/** check_violation (23514). */
export function isCheckViolation(e: unknown, constraint?: string): boolean {
  const info = pgErrorOf(e);
  return info?.code === '23514' && (constraint === undefined || info.constraint === constraint);
}
