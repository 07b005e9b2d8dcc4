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

/**
 * Runs `work` and turns a unique violation (of `constraint`, or of any unique index when none is named) into
 * the domain error `toError` makes, e.g. "a team called X already exists"; any other error passes unchanged.
 * The caller's transaction is aborted either way: the error must end the request, not be retried in it.
 */
export async function withUniqueViolationAs<T>(
  toError: () => Error,
  work: () => Promise<T>,
  constraint?: string,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw toError();
    throw error;
  }
}
