/** Postgres unique_violation, as raised by pg and by the embedded database. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  // Drizzle wraps driver errors; walk the cause chain.
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: string; constraint?: string; cause?: unknown };
    if (e.code === '23505') return constraint ? e.constraint === constraint : true;
    current = e.cause;
  }
  return false;
}
