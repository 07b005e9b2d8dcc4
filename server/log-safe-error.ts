/**
 * What of an error may go to the logs. Query errors carry the SQL's bound values (emails, names, message
 * bodies) and Postgres quotes the offending value in messages such as `invalid input syntax for type uuid:
 * "…"`; neither belongs in a log. Kept: the SQL text (placeholders only), the driver's code, the constraint
 * and table names, and the stack.
 */
type LogValue = unknown;

const MAX_DEPTH = 5;
/** Postgres puts the offending value between double quotes, or in `Key (col)=(value)` details. */
const maskQuotedValues = (message: string) => message.replace(/"[^"]*"/g, '"…"').replace(/=\([^)]*\)/g, '=(…)');

function isQueryError(error: Error): error is Error & { query: string; params: unknown[] } {
  return (
    typeof (error as { query?: unknown }).query === 'string' && Array.isArray((error as { params?: unknown }).params)
  );
}

function isDatabaseError(
  error: Error,
): error is Error & Record<'code' | 'severity' | 'constraint' | 'table' | 'column' | 'routine', string | undefined> {
  const e = error as { code?: unknown; severity?: unknown };
  return typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e;
}

function safeError(error: Error, depth: number): Record<string, LogValue> {
  if (isQueryError(error)) {
    return {
      name: error.name,
      query: error.query,
      params: `[${error.params.length} values withheld]`,
      cause: toLogSafe(error.cause, depth + 1),
    };
  }
  if (isDatabaseError(error)) {
    const { code, severity, constraint, table, column, routine } = error;
    return {
      name: error.name,
      message: maskQuotedValues(error.message),
      code,
      severity,
      constraint,
      table,
      column,
      routine,
    };
  }
  // A query error of another driver may still say its values after `params:` in its message and stack.
  const message = error.message.replace(/\nparams: [\s\S]*$/, '');
  const stack = error.stack?.replace(/\nparams: [^\n]*/, '');
  const code = (error as { code?: unknown }).code;
  const known = typeof code === 'string' || typeof code === 'number' ? { code } : {};
  return {
    name: error.name,
    message,
    stack,
    ...known,
    ...(error.cause === undefined ? {} : { cause: toLogSafe(error.cause, depth + 1) }),
  };
}

export function toLogSafe(value: unknown, depth = 0): LogValue {
  if (depth > MAX_DEPTH) return '[…]';
  if (value instanceof Error) return safeError(value, depth);
  if (Array.isArray(value)) return value.map((item) => toLogSafe(item, depth + 1));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toLogSafe(item, depth + 1)]));
  return value;
}
