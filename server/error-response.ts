import { AppError, logError } from '@/server/errors';

/** HTTP statuses for plain route handlers (uploads, downloads); tRPC maps codes in server/trpc/init.ts. */
const STATUS: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  PRECONDITION_FAILED: 412,
  INSUFFICIENT_STORAGE: 507,
};

export function errorResponse(error: unknown) {
  if (error instanceof AppError) {
    // The field a form should show the message under, when the error is about one.
    const field = typeof error.details?.field === 'string' ? error.details.field : undefined;
    return Response.json({ error: error.message, ...(field ? { field } : {}) }, { status: STATUS[error.code] ?? 500 });
  }
  logError({ where: 'route handler', error });
  return Response.json({ error: 'Something went wrong on our side. Try again.' }, { status: 500 });
}
