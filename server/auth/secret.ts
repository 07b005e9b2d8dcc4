import { env } from '@/lib/env';
import { AppError } from '@/server/errors';

/** `npm start` generates and keeps a secret for the embedded setup; production sets AUTH_SECRET. */
export function authSecret(): string {
  const secret = env.AUTH_SECRET;
  if (!secret)
    throw new AppError(
      'PRECONDITION_FAILED',
      'AUTH_SECRET is not set. Set it to at least 32 random characters (openssl rand -base64 32).',
    );
  return secret;
}
