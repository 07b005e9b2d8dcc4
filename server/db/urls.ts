import { env } from '@/lib/env';
import { AppError } from '@/server/errors';

export const APP_ROLE = 'cairn_app';

/** The owner connection: migrations and the BullMQ PostgreSQL backend. */
export function ownerDatabaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new AppError(
      'PRECONDITION_FAILED',
      'DATABASE_URL is not set. Run `npm start` (it starts the embedded database) or set DATABASE_URL to a Postgres server.',
    );
  }
  return env.DATABASE_URL;
}

/** The app and worker connect as cairn_app, which owns nothing and cannot bypass RLS. */
export function appDatabaseUrl(): string {
  if (env.DATABASE_APP_URL) return env.DATABASE_APP_URL;
  const url = new URL(ownerDatabaseUrl());
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}
