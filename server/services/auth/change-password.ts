import { eq } from 'drizzle-orm';
import { users } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { hashPassword } from './password';
import { endAllStaffSessions } from './sessions';
import { verifyCredentials } from './verify-credentials';

/**
 * A new password ends every session of the person, the one asking included: whoever may have learned the
 * old password or taken a session with it is out, and the person signs in again with the new one. The
 * current password is checked through the sign-in throttle, so a stolen session cannot guess it either.
 */
export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  ip: string,
) {
  const [person] = await runWithoutTenant(
    (tx) => tx.select({ email: users.email, passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)),
    userId,
  );
  if (!person) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  if (!person.passwordHash) {
    throw new AppError('PRECONDITION_FAILED', 'Your account signs in with email links and has no password to change.');
  }
  const verified = await verifyCredentials({ email: person.email, password: input.currentPassword }, ip);
  if (verified?.id !== userId) {
    throw new AppError('BAD_REQUEST', 'Your current password is not right. Check it and try again.', {
      field: 'currentPassword',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await runWithoutTenant(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await endAllStaffSessions(tx, userId);
  }, userId);
  return { changed: true as const };
}
