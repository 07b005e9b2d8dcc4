import { DrizzleAdapter } from '@auth/drizzle-adapter';
import type { Adapter } from 'next-auth/adapters';
import { accounts, sessions, users, verificationTokens } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';

const tables = {
  usersTable: users,
  accountsTable: accounts,
  sessionsTable: sessions,
  verificationTokensTable: verificationTokens,
} as never;

const ADAPTER_METHODS = [
  'createUser',
  'getUser',
  'getUserByEmail',
  'getUserByAccount',
  'updateUser',
  'deleteUser',
  'linkAccount',
  'unlinkAccount',
  'getAccount',
  'createSession',
  'getSessionAndUser',
  'updateSession',
  'deleteSession',
  'createVerificationToken',
  'useVerificationToken',
] as const;

/**
 * The Auth.js Drizzle adapter, with each call in its own app-role transaction, so that Auth.js reaches
 * the database through the same wall as everything else (on the embedded database too).
 */
export function appRoleAdapter(): Adapter {
  const adapter: Record<string, unknown> = {};
  for (const method of ADAPTER_METHODS) {
    adapter[method] = (...args: unknown[]) =>
      runWithoutTenant((tx) =>
        (DrizzleAdapter(tx as never, tables) as Record<string, (...a: unknown[]) => Promise<unknown>>)[method]!(
          ...args,
        ),
      );
  }
  return adapter as Adapter;
}
