import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../server/db/embedded';
import { runMigrations } from '../../server/db/migrate';
import { clearTestRedis, testRedisUrl } from './redis';

// Runs once in Vitest's main process before any integration file. Workers are forked afterwards with a
// copy of this process's environment, so what is set on process.env here is what lib/env.ts reads there.

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh `<dbname>_test` on the server at DATABASE_URL; the developer's own database is never touched. */
async function recreateTestDatabase(ownerUrl: string) {
  const source = decodeURIComponent(new URL(ownerUrl).pathname.slice(1)) || 'postgres';
  const testDb = `${source}_test`;
  let client = new pg.Client({ connectionString: ownerUrl });
  try {
    await client.connect();
  } catch (error) {
    // The named database may not exist yet (a fresh CI server): administer through `postgres`.
    if ((error as { code?: string }).code !== '3D000') throw error;
    client = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
    await client.connect();
  }
  try {
    const ident = client.escapeIdentifier(testDb);
    await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${ident}`);
  } finally {
    await client.end();
  }
  return testDb;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export default async function setup() {
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-test-'));
  let embedded: EmbeddedPostgres | null = null;

  if (process.env.DATABASE_URL) {
    const testDb = await recreateTestDatabase(process.env.DATABASE_URL);
    process.env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, testDb);
    // Unset, the app connects as cairn_app to the same server (server/db/urls.ts); set, it follows the test database.
    if (process.env.DATABASE_APP_URL) process.env.DATABASE_APP_URL = withDatabase(process.env.DATABASE_APP_URL, testDb);
  } else {
    // Embedded mode, as `npm start` runs it: one shared session, the app role set per transaction.
    embedded = await startEmbeddedPostgres(path.join(tempDir, 'db'));
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_APP_URL = embedded.url;
    // As `npm start` sets it: live updates poll instead of LISTEN, which the shared session can't deliver.
    process.env.CAIRN_EMBEDDED = 'true';
  }

  if (process.env.REDIS_URL) {
    process.env.REDIS_URL = testRedisUrl(process.env.REDIS_URL);
    await clearTestRedis(process.env.REDIS_URL);
  }

  process.env.AUTH_SECRET = crypto.randomBytes(32).toString('base64url');
  process.env.CAIRN_DATA_DIR = path.join(tempDir, 'data');
  // Test files that check mail listen on this port with an in-process SMTP server (tests/helpers/smtp.ts).
  process.env.SMTP_URL = `smtp://127.0.0.1:${await freePort()}`;
  // Workspaces' own SMTP servers in tests also listen on 127.0.0.1, which the outbound guard refuses unless
  // the operator allows it, as one would an internal relay. Only that address: tests/security/
  // ssrf-private-addresses.test.ts shows every other internal address (127.0.0.2 included) refused.
  process.env.OUTBOUND_ALLOWED_HOSTS = '127.0.0.1';
  // Mailbox (IMAP) passwords are encrypted at rest with this key; a fresh one per run.
  process.env.INBOUND_SECRET_KEY = crypto.randomBytes(32).toString('base64');

  await runMigrations(process.env.DATABASE_URL);

  return async () => {
    await embedded?.stop();
    fs.rmSync(tempDir, { recursive: true, force: true });
  };
}
