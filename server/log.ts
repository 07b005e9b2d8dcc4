import { toLogSafe } from './log-safe-error';
import pino, { type Logger } from 'pino';
import { env } from '@/lib/env';

export type { Logger };

/**
 * Keys that hold personal data or secrets. Call sites never log them (ids only); this is the safety net
 * for an object passed whole by mistake. `*.key` covers one level of nesting, as pino's redact allows.
 */
const PERSONAL_KEYS = [
  'email',
  'to',
  'from',
  'cc',
  'bcc',
  'replyTo',
  'name',
  'subject',
  'body',
  'text',
  'html',
  'password',
  'passwordHash',
  'token',
  'secret',
  'params',
  'cookie',
  'authorization',
];
export const REDACT_PATHS = [
  ...PERSONAL_KEYS,
  ...PERSONAL_KEYS.map((key) => `*.${key}`),
  'headers.cookie',
  'headers.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
];

/**
 * Errors as the logs may hold them (server/log-safe-error.ts): a Drizzle query error keeps its SQL text but
 * not its bound values, a Postgres error its code and constraint but not the quoted values of its message
 * or its `detail` ("Key (email)=(…) already exists"). Anything thrown that is not an Error is named only.
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error))
    return { message: typeof error === 'string' ? error : 'non-error thrown', type: typeof error };
  return toLogSafe(error) as Record<string, unknown>;
}

// Tests stay quiet unless asked; everything else defaults to info (lib/env.ts).
const level = env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'warn' : 'info');

/** The process's logger; tests pass a destination to read what would have been written. */
export function createLogger(destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  // pino-pretty is a dev dependency: it is named only in development, where it is installed, and runs in
  // pino's transport thread. Production (and the image, which has no dev dependencies) writes JSON lines.
  if (env.NODE_ENV === 'development') {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' },
      },
    });
  }
  return pino(options);
}

// One logger per process, kept across Next's module reloads in development.
const holder = globalThis as { __cairnLogger?: Logger };
export const logger: Logger = (holder.__cairnLogger ??= createLogger());

/** A logger for one part of Cairn (`worker`, `queue`, `db`…): every line carries `component`. */
export const componentLogger = (component: string) => logger.child({ component });
