import { describe, expect, it } from 'vitest';
import { messageForRateLimitedCode } from '@/server/auth/sign-in-messages';
import { newBrowser, postCredentials, randomPeer, sessionOf } from '../helpers/auth-http';
import { createWorkspace, TEST_PASSWORD, uniqueEmail } from '../helpers/factories';

// Issue 9, hole 1: wrong passwords posted straight to Auth.js's /api/auth/callback/credentials were never
// refused (only the sign-in form's server action was limited). The limit now sits in the credentials
// check itself, per account and per IP, in Redis when REDIS_URL is set.

const refused = (o: { code: string | null }) => Boolean(o.code?.startsWith('too_many_attempts:'));

describe('password guessing through /api/auth/callback/credentials', () => {
  it('refuses most of 40 wrong passwords for one account, even from 40 addresses, and says how long to wait', async () => {
    const ws = await createWorkspace();
    // A person who mistypes a few times still gets in, and that clears the account's count.
    const owner = newBrowser();
    for (let i = 0; i < 3; i++)
      expect((await postCredentials(owner, ws.owner.email, `typo ${i}`)).code).toBe('invalid_credentials');
    expect(await postCredentials(owner, ws.owner.email, TEST_PASSWORD)).toMatchObject({
      status: 302,
      path: '/agent',
      error: null,
    });
    expect((await sessionOf(owner))?.user?.email).toBe(ws.owner.email);

    const outcomes = [];
    for (let i = 0; i < 40; i++)
      outcomes.push(await postCredentials(newBrowser({ peer: randomPeer() }), ws.owner.email, `wrong guess ${i}`));

    expect(outcomes.slice(0, 5).map((o) => o.code)).toEqual(Array(5).fill('invalid_credentials'));
    expect(outcomes.filter(refused).length).toBeGreaterThanOrEqual(34);
    const last = outcomes.at(-1)!;
    expect(last).toMatchObject({ path: '/signin', error: 'CredentialsSignin' });
    expect(messageForRateLimitedCode(last.code)).toMatch(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);

    // While locked, even the right password is refused, so guessing gains nothing.
    const browser = newBrowser();
    expect(refused(await postCredentials(browser, ws.owner.email, TEST_PASSWORD))).toBe(true);
    expect(await sessionOf(browser)).toBeNull();
  });

  it('refuses one address that guesses across many accounts', async () => {
    const peer = randomPeer();
    const outcomes = [];
    for (let i = 0; i < 30; i++)
      outcomes.push(await postCredentials(newBrowser({ peer }), uniqueEmail('target'), 'password123'));
    expect(outcomes.slice(0, 20).filter(refused)).toEqual([]);
    expect(outcomes.slice(21).every(refused)).toBe(true);
  });
});

describe('the growing delay', () => {
  it('locks an account for 1, then 2, then 4 minutes as attempts go on', async () => {
    const { vi } = await import('vitest');
    vi.resetModules();
    vi.stubEnv('REDIS_URL', undefined);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { beginSignInAttempt } = await import('@/server/auth/sign-in-throttle');
      const attempt = () => beginSignInAttempt({ email: 'casey@example.test', ip: randomPeer() });
      for (let i = 0; i < 6; i++) await attempt();
      const waits: string[] = [];
      for (const minutes of [1, 2, 4]) {
        await expect(attempt()).rejects.toMatchObject({
          code: 'TOO_MANY_REQUESTS',
          message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        });
        waits.push(`${minutes}`);
        vi.setSystemTime(Date.now() + minutes * 60_000 + 1_000);
        await attempt();
      }
      expect(waits).toEqual(['1', '2', '4']);
    } finally {
      vi.useRealTimers();
      vi.unstubAllEnvs();
    }
  });
});
