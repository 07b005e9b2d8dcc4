import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The in-memory limiter (REDIS_URL unset); the Redis-backed one is exercised by the integration suite
// when it runs with REDIS_URL.
async function loadRateLimit() {
  vi.resetModules();
  vi.stubEnv('REDIS_URL', undefined);
  return import('@/server/auth/rate-limit');
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('consumeRateLimit', () => {
  it('allows five magic links per address and place, then says how long to wait', async () => {
    const { consumeRateLimit } = await loadRateLimit();
    for (let i = 0; i < 5; i++) await consumeRateLimit('magicLink', 'casey@example.com|10.0.0.1');
    await expect(consumeRateLimit('magicLink', 'casey@example.com|10.0.0.1')).rejects.toMatchObject({
      name: 'AppError',
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many attempts. Wait 15 minutes and try again.',
    });
  });

  it('counts keys case-insensitively', async () => {
    const { consumeRateLimit } = await loadRateLimit();
    for (let i = 0; i < 5; i++)
      await consumeRateLimit('magicLink', i % 2 ? 'CASEY@example.com|ip' : 'casey@EXAMPLE.com|ip');
    await expect(consumeRateLimit('magicLink', 'Casey@Example.com|IP')).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
  });

  it('says "1 minute" near the end of the window, and lets the person in again after it', async () => {
    const { consumeRateLimit } = await loadRateLimit();
    for (let i = 0; i < 5; i++) await consumeRateLimit('magicLink', 'k');
    vi.advanceTimersByTime(14.5 * 60_000);
    await expect(consumeRateLimit('magicLink', 'k')).rejects.toMatchObject({
      message: 'Too many attempts. Wait 1 minute and try again.',
    });
    vi.advanceTimersByTime(60_000);
    await expect(consumeRateLimit('magicLink', 'k')).resolves.toBeUndefined();
  });

  it('keeps limits apart per purpose and per key', async () => {
    const { consumeRateLimit } = await loadRateLimit();
    for (let i = 0; i < 5; i++) await consumeRateLimit('magicLink', 'shared');
    await expect(consumeRateLimit('signUp', 'shared')).resolves.toBeUndefined();
    await expect(consumeRateLimit('magicLink', 'other')).resolves.toBeUndefined();
    for (let i = 0; i < 19; i++) await consumeRateLimit('signInLinkPerIp', 'ip');
    await expect(consumeRateLimit('signInLinkPerIp', 'ip')).resolves.toBeUndefined();
    await expect(consumeRateLimit('signInLinkPerIp', 'ip')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});
