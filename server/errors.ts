import { logger, type Logger } from '@/server/log';

export const APP_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION_FAILED',
  'TOO_MANY_REQUESTS',
  // A request body over its limit (a raw message too large to receive): HTTP 413.
  'PAYLOAD_TOO_LARGE',
  // The server has no room to store what was sent (a full attachment disk): HTTP 507, not the client's fault.
  'INSUFFICIENT_STORAGE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Expected failures. The message is shown to the person: say what was wrong and what to do. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found in this workspace.`);

/**
 * Unexpected failures. Takes the error, or `{ error, ...ids }` to say where it happened; pass a request's or
 * job's child logger so the line carries its request id and workspace. Only ids go in the fields.
 */
export function logError(error: unknown, log: Logger = logger) {
  if (error && typeof error === 'object' && !(error instanceof Error) && 'error' in error) {
    const { error: err, ...where } = error as { error: unknown } & Record<string, unknown>;
    log.error({ ...where, err }, 'unexpected error');
    return;
  }
  log.error({ err: error }, 'unexpected error');
}
