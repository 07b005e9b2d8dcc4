import { afterEach, describe, expect, it, vi } from 'vitest';

// lib/env.ts validates process.env when first imported, so each case loads it fresh with its own variables.
const KEYS = [
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'REDIS_URL',
  'AUTH_SECRET',
  'APP_URL',
  'PORT',
  'SMTP_URL',
  'START_WORKER',
  'LOG_LEVEL',
  'CAIRN_DATA_DIR',
  'TRUSTED_PROXIES',
];

async function loadEnv(vars: Record<string, string>) {
  vi.resetModules();
  for (const key of KEYS) vi.stubEnv(key, undefined);
  for (const [key, value] of Object.entries(vars)) vi.stubEnv(key, value);
  return (await import('@/lib/env')).env;
}

/** The message a bad configuration stops start-up with. */
async function startupError(vars: Record<string, string>) {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const error = await loadEnv(vars).then(
    () => null,
    (e: Error) => e,
  );
  expect(error, 'expected the configuration to be refused').toBeInstanceOf(Error);
  expect(logged).toHaveBeenCalledWith(error!.message);
  return error!.message;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('lib/env', () => {
  it('names DATABASE_URL and what it expects when it is not a postgres URL', async () => {
    const message = await startupError({ DATABASE_URL: 'mysql://root@localhost/cairn' });
    expect(message).toMatch(/^Cairn cannot start: invalid configuration/);
    expect(message).toContain('DATABASE_URL: expected a postgres:// connection string');
    expect(message).toContain('.env.example');
  });

  it('takes TRUSTED_PROXIES as addresses and CIDR ranges, naming an entry that is neither', async () => {
    expect((await loadEnv({ TRUSTED_PROXIES: ' 10.0.0.0/8, 192.0.2.1 ,2001:db8::/32' })).TRUSTED_PROXIES).toEqual([
      '10.0.0.0/8',
      '192.0.2.1',
      '2001:db8::/32',
    ]);
    expect((await loadEnv({})).TRUSTED_PROXIES).toEqual([]);
    const message = await startupError({ TRUSTED_PROXIES: '10.0.0.0/8,proxy.internal' });
    expect(message).toContain('TRUSTED_PROXIES: "proxy.internal" is not an IP address or CIDR range');
  });

  it('names every bad variable at once', async () => {
    const message = await startupError({
      REDIS_URL: 'localhost:6379',
      AUTH_SECRET: 'too-short',
      PORT: '70000',
      START_WORKER: 'yes',
    });
    expect(message).toContain('REDIS_URL: expected a redis:// URL');
    expect(message).toContain('AUTH_SECRET: expected at least 32 characters');
    expect(message).toContain('PORT');
    expect(message).toContain('START_WORKER: expected true or false');
  });

  it('accepts a good configuration and fills defaults', async () => {
    const env = await loadEnv({
      DATABASE_URL: 'postgresql://postgres@db:5432/cairn',
      PORT: '8080',
      START_WORKER: 'false',
      SMTP_URL: '',
    });
    expect(env.DATABASE_URL).toBe('postgresql://postgres@db:5432/cairn');
    expect(env.PORT).toBe(8080);
    expect(env.START_WORKER).toBe(false);
    // Empty strings (as .env.example leaves them) count as unset.
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.APP_URL).toBe('http://localhost:3000');
    expect(env.CAIRN_DATA_DIR).toBe('./.data');
  });

  it('needs nothing at all for a laptop run', async () => {
    const env = await loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.START_WORKER).toBe(true);
  });
});
