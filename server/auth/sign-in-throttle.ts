import { RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/server/errors';
import { limitKey, minutesUntil, sharedLimiter } from './rate-limit';
import { rateLimitedMessage } from './sign-in-messages';

/**
 * Password checks, throttled per account (one victim, many attackers) and per IP (one attacker, many
 * accounts). A few attempts are free; after that each attempt that gets through locks the key for twice as
 * long as the last (1, 2, 4, 8, then 15 minutes), so guessing slows to a crawl while a person who mistyped
 * waits a minute. Attempts refused while locked do not count. Unknown addresses are throttled exactly
 * like real ones, so the answer never tells which exist.
 */
const WINDOW_SECONDS = 60 * 60;
const FIRST_DELAY_SECONDS = 60;
const MAX_DELAY_SECONDS = 15 * 60;

type Dimension = { name: 'account' | 'ip'; free: number };
const ACCOUNT: Dimension = { name: 'account', free: 5 };
const IP: Dimension = { name: 'ip', free: 20 };

// Attempts in the window; the lock holds one point, taken by the attempt allowed after each delay.
const attempts = (d: Dimension) =>
  sharedLimiter(`sign-in-attempts-${d.name}`, { points: 1_000_000, duration: WINDOW_SECONDS });
const lock = (d: Dimension) => sharedLimiter(`sign-in-lock-${d.name}`, { points: 1, duration: FIRST_DELAY_SECONDS });

const delaySeconds = (beyondFree: number) => Math.min(FIRST_DELAY_SECONDS * 2 ** (beyondFree - 1), MAX_DELAY_SECONDS);

export function tooManySignInAttempts(msBeforeNext: number) {
  const minutes = minutesUntil(msBeforeNext);
  return new AppError('TOO_MANY_REQUESTS', rateLimitedMessage('attempts', minutes), { retryAfterMinutes: minutes });
}

async function lockedFor(d: Dimension, key: string) {
  const held = await lock(d).get(key);
  return held && held.consumedPoints >= 1 && held.msBeforeNext > 0 ? held.msBeforeNext : 0;
}

/** Takes one attempt for each key, or throws TOO_MANY_REQUESTS saying how long to wait. */
async function takeAttempt(d: Dimension, key: string) {
  const { consumedPoints } = await attempts(d).penalty(key);
  const beyondFree = consumedPoints - d.free;
  if (beyondFree <= 0) return;
  try {
    // Atomic: of several attempts racing past a lapsed lock, only one gets through.
    await lock(d).consume(key, 1, { customDuration: delaySeconds(beyondFree) });
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    await attempts(d).reward(key);
    throw tooManySignInAttempts(error.msBeforeNext);
  }
}

export type SignInAttempt = { email: string; ip: string };

const keys = (attempt: SignInAttempt) =>
  [
    [ACCOUNT, limitKey(attempt.email)],
    [IP, limitKey(attempt.ip)],
  ] as const;

/** Before the password is checked: refuses while the account or the address is locked. */
export async function beginSignInAttempt(attempt: SignInAttempt) {
  for (const [d, key] of keys(attempt)) {
    const ms = await lockedFor(d, key);
    if (ms > 0) throw tooManySignInAttempts(ms);
  }
  for (const [d, key] of keys(attempt)) await takeAttempt(d, key);
}

/** A right password clears the account's count, and does not count against a shared office address. */
export async function finishSuccessfulSignIn(attempt: SignInAttempt) {
  const [[account, accountKey], [ip, ipKey]] = keys(attempt);
  await Promise.all([
    attempts(account).delete(accountKey),
    lock(account).delete(accountKey),
    attempts(ip).reward(ipKey),
  ]);
}
