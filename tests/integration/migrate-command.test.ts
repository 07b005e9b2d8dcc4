import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run db:migrate` is the one-shot `migrate` service of docker-compose.yml, and `npm run db:seed` the
// way to ask for the demo: both run here as real processes on this test run's database, as production.

const root = path.resolve(import.meta.dirname, '../..');
const ownerUrl = process.env.DATABASE_URL!;

function run(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

function appUrlWithPassword(password: string) {
  const url = new URL(ownerUrl);
  url.username = 'cairn_app';
  url.password = password;
  return url.toString();
}

/** Whether a SCRAM-SHA-256 verifier (pg_authid.rolpassword) was made from `password` (RFC 5802). */
function scramMatches(verifier: string, password: string) {
  const match = /^SCRAM-SHA-256\$(\d+):([^$]+)\$([^:]+):(.+)$/.exec(verifier);
  if (!match) return false;
  const [, iterations, salt, storedKey] = match;
  const salted = crypto.pbkdf2Sync(password, Buffer.from(salt!, 'base64'), Number(iterations), 32, 'sha256');
  const clientKey = crypto.createHmac('sha256', salted).update('Client Key').digest();
  return crypto.createHash('sha256').update(clientKey).digest('base64') === storedKey;
}

async function ownerQuery<T extends pg.QueryResultRow>(text: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

const appRolePassword = async () =>
  (await ownerQuery<{ rolpassword: string | null }>(`select rolpassword from pg_authid where rolname = 'cairn_app'`))[0]
    ?.rolpassword ?? null;
const demoOwnerExists = async () =>
  (await ownerQuery<{ any: boolean }>(`select exists (select 1 from users where email = 'owner@acme.test') as any`))[0]!
    .any;

describe('the migrate command', () => {
  afterAll(async () => {
    // The role is shared by the server's databases; leave it as the migrations create it.
    await ownerQuery(`alter role cairn_app password null`);
  });

  it('gives cairn_app the password in DATABASE_APP_URL, and seeds no demo in production', async () => {
    const password = `p-${crypto.randomBytes(6).toString('hex')}'; drop table users; --`;
    const { code, output } = await run('scripts/migrate.ts', {
      NODE_ENV: 'production',
      DATABASE_APP_URL: appUrlWithPassword(password),
      LOG_LEVEL: 'info',
    });
    expect(code, output).toBe(0);
    expect(output).toContain('cairn_app password set from DATABASE_APP_URL');
    expect(output).not.toContain(password.slice(0, 14));
    const verifier = await appRolePassword();
    expect(verifier).not.toBeNull();
    expect(scramMatches(verifier!, password)).toBe(true);
    expect(scramMatches(verifier!, 'something else')).toBe(false);
    expect(await demoOwnerExists()).toBe(false);
  }, 60_000);

  it('db:seed refuses the demo workspace in production unless CAIRN_DEMO=true, and says how to ask', async () => {
    const { code, output } = await run('scripts/seed.ts', { NODE_ENV: 'production' });
    expect(code, output).toBe(1);
    expect(output).toContain('set CAIRN_DEMO=true');
    expect(await demoOwnerExists()).toBe(false);
  }, 60_000);
});
