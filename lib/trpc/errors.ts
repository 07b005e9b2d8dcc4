/** The message and per-field messages of a tRPC error, for forms. */
export function describeError(error: unknown): {
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
  field?: string;
} {
  const e = error as {
    message?: string;
    data?: { fieldErrors?: Record<string, string[]>; field?: string; code?: string };
  } | null;
  const fieldErrors = e?.data?.fieldErrors ?? {};
  const first = Object.values(fieldErrors).flat()[0];
  const message = e?.data?.code === 'BAD_REQUEST' && first ? first : e?.message || 'Something went wrong. Try again.';
  return { message, fieldErrors, field: e?.data?.field };
}

/** The tRPC code of a query's or mutation's error (`UNAUTHORIZED`, `NOT_FOUND`…); undefined for anything else. */
export function errorCode(error: unknown): string | undefined {
  return (error as { data?: { code?: string } } | null)?.data?.code;
}
