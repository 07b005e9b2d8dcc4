import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../server/db/embedded';
import { loadDotEnv } from './load-env';

/**
 * Fills in what a laptop run leaves unset, before any module reads the configuration:
 * an embedded database when DATABASE_URL is unset, a persisted AUTH_SECRET, and APP_URL from PORT.
 */
export async function prepareRuntime(
  options: { embeddedPort?: number } = {},
): Promise<{ embedded: EmbeddedPostgres | null }> {
  loadDotEnv();
  // Without a public URL, links (mails, the start banner) name the port this server listens on, not 3000.
  if (!process.env.APP_URL && process.env.PORT) process.env.APP_URL = `http://localhost:${process.env.PORT}`;
  const dataDir = path.resolve(process.env.CAIRN_DATA_DIR || './.data');
  // Logged once the environment is complete: the logger reads lib/env.ts, which must not load before.
  const warnings: string[] = [];
  fs.mkdirSync(dataDir, { recursive: true });
  if (!process.env.AUTH_SECRET) {
    const secretFile = path.join(dataDir, 'auth-secret');
    if (!fs.existsSync(secretFile))
      fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    process.env.AUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
    if (process.env.NODE_ENV === 'production' && process.env.DATABASE_URL) {
      warnings.push(
        `AUTH_SECRET is not set; using the one generated in ${secretFile}. Set AUTH_SECRET for every web and worker process.`,
      );
    }
  }
  let embedded: EmbeddedPostgres | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedPostgres(dataDir, { port: options.embeddedPort });
    process.env.DATABASE_URL = embedded.url;
    // One shared session behind the socket: the app role is set per transaction (server/db/tenant.ts).
    process.env.DATABASE_APP_URL = embedded.url;
    process.env.CAIRN_EMBEDDED = 'true';
  }
  if (warnings.length) {
    const { logger } = await import('../server/log');
    for (const warning of warnings) logger.warn(warning);
  }
  return { embedded };
}
