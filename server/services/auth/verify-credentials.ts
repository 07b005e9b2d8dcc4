import { eq } from 'drizzle-orm';
import { beginSignInAttempt, finishSuccessfulSignIn } from '@/server/auth/sign-in-throttle';
import { users } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';
import { verifyPassword } from './password';

export async function findUserByEmail(email: string) {
  const [user] = await runWithoutTenant((tx) =>
    tx.select().from(users).where(eq(users.email, email.trim().toLowerCase())),
  );
  return user ?? null;
}

/**
 * The one password check every sign-in path goes through (the form's server action and Auth.js's own
 * /api/auth/callback/credentials alike), throttled per account and per IP. An unknown address, an account
 * without a password and a wrong password look the same: null, after the same bcrypt work.
 * Throws TOO_MANY_REQUESTS while the account or address is locked.
 */
export async function verifyCredentials(input: { email: string; password: string }, ip: string) {
  const attempt = { email: input.email, ip };
  await beginSignInAttempt(attempt);
  const user = await findUserByEmail(input.email);
  const ok = await verifyPassword(input.password, user?.passwordHash);
  if (!user || !ok) return null;
  await finishSuccessfulSignIn(attempt);
  return user;
}
