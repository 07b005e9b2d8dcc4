'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { emailField } from '@/lib/validators/workspace';
import { signIn, signOut } from '@/server/auth/config';
import { messageForRateLimitedCode } from '@/server/auth/sign-in-messages';
import { AppError } from '@/server/errors';
import { authErrorMessage } from './_lib/auth-error-message';
import { safeCallbackUrl } from './_lib/safe-callback-url';

export type AuthActionResult = { ok: true } | { ok: false; message: string; field?: 'email' | 'password' };

const passwordInput = z.object({
  email: emailField,
  password: z.string().min(1, { message: 'Enter your password.' }).max(200),
});
const linkInput = z.object({ email: emailField });

function invalidInput(error: z.ZodError): AuthActionResult {
  const issue = error.issues[0];
  const field = issue?.path[0] === 'password' ? 'password' : 'email';
  return { ok: false, message: issue?.message ?? 'Check the form and try again.', field };
}

function failure(error: unknown): AuthActionResult {
  if (error instanceof AppError) return { ok: false, message: error.message };
  if (error instanceof CredentialsSignin) {
    return {
      ok: false,
      message: messageForRateLimitedCode(error.code) ?? authErrorMessage(error.type) ?? 'Sign-in failed. Try again.',
    };
  }
  if (error instanceof AuthError) {
    return { ok: false, message: authErrorMessage(error.type) ?? 'Sign-in failed. Try again.' };
  }
  throw error;
}

/**
 * Password sign-in. Redirects to `redirectTo` (same-site paths only) on success; without it, returns
 * `{ ok: true }` so the caller can finish its own flow (the invitation page switches workspace first).
 */
export async function signInWithPassword(input: {
  email: string;
  password: string;
  redirectTo?: string;
}): Promise<AuthActionResult> {
  const parsed = passwordInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { email, password } = parsed.data;
  try {
    // Throttled inside the credentials check itself (server/services/auth/verify-credentials.ts), where
    // Auth.js's own callback endpoint passes too.
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    return failure(error);
  }
  // redirect() throws by design, so it stays outside the try above.
  if (input.redirectTo !== undefined) redirect(safeCallbackUrl(input.redirectTo));
  return { ok: true };
}

/** Emails a one-time sign-in link to an existing staff account, then shows the "check your inbox" page. */
export async function requestSignInLink(input: { email: string; redirectTo?: string }): Promise<AuthActionResult> {
  const parsed = linkInput.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const { email } = parsed.data;
  try {
    // Limited per address and IP in the Auth.js signIn callback, which its own endpoint passes too.
    const next = await signIn('nodemailer', { email, redirect: false, redirectTo: safeCallbackUrl(input.redirectTo) });
    // Unexpected failures (a mail server that is down) come back as a redirect to the error page, not a throw.
    const params = typeof next === 'string' ? new URL(next, 'http://cairn.invalid').searchParams : null;
    const limited = messageForRateLimitedCode(params?.get('code'));
    if (limited) return { ok: false, message: limited };
    const errorType = params?.get('error');
    if (errorType)
      return {
        ok: false,
        message: authErrorMessage(errorType === 'Configuration' ? 'EmailSignin' : errorType) ?? 'Sign-in failed.',
      };
  } catch (error) {
    return failure(error);
  }
  redirect('/signin/check-email');
}

/** Signs the current person out and sends them to sign in again, e.g. to accept an invitation as someone else. */
export async function signOutAndSignInAgain(callbackUrl: string): Promise<void> {
  const next = safeCallbackUrl(callbackUrl, '/agent');
  await signOut({ redirectTo: `/signin?callbackUrl=${encodeURIComponent(next)}` });
}
