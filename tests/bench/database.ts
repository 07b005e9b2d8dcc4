import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Profile } from './options';

export type BenchDatabase = {
  kind: 'postgres' | 'pglite';
  /** Where the data lives, for the printout (no password). */
  label: string;
  ownerUrl: string;
  /** Set when the app role needs its own URL (the embedded database, or DATABASE_APP_URL given). */
  appUrl?: string;
  /** Drops everything the bench seeded and starts from an empty database. */
  reset: () => Promise<void>;
  stop: () => Promise<void>;
};

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function redact(url: string) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function reachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Administers through the given database, or `postgres` when that one does not exist yet. */
async function adminClient(serverUrl: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  try {
    await client.connect();
    return client;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
    const fallback = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
    await fallback.connect();
    return fallback;
  }
}

/**
 * The bench's database name: the one DATABASE_URL names when it is a bench database (its name contains
 * `bench`, e.g. `cairn_bench_wt`, so two checkouts on one server keep apart), else `cairn_bench`. Any other
 * name in DATABASE_URL only picks the server: the bench drops and recreates its database, so it never
 * takes one it does not own by name.
 */
export function benchDatabaseName(serverUrl: string | undefined, profile: Profile) {
  const named = serverUrl ? decodeURIComponent(new URL(serverUrl).pathname.slice(1)) : '';
  const base = /^[a-z0-9_]*bench[a-z0-9_]*$/.test(named) ? named.replace(/_quick$/, '') : 'cairn_bench';
  return profile.name === 'full' ? base : `${base}_quick`;
}

/**
 * A database of the bench's own on a Postgres server: `<name>` (full) or `<name>_quick`, so the two sizes
 * keep their seeds side by side. Only these two names are ever created or dropped.
 */
async function dedicatedDatabase(serverUrl: string, profile: Profile, reseed: boolean): Promise<BenchDatabase> {
  const name = benchDatabaseName(serverUrl, profile);
  const admin = async (statement: 'create' | 'recreate') => {
    // Never administer from inside the database being dropped.
    const client = await adminClient(
      new URL(serverUrl).pathname === `/${name}` ? withDatabase(serverUrl, 'postgres') : serverUrl,
    );
    try {
      const ident = client.escapeIdentifier(name);
      if (statement === 'recreate') await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) await client.query(`CREATE DATABASE ${ident}`);
    } finally {
      await client.end();
    }
  };
  await admin(reseed ? 'recreate' : 'create');
  const ownerUrl = withDatabase(serverUrl, name);
  const appUrl = process.env.DATABASE_APP_URL ? withDatabase(process.env.DATABASE_APP_URL, name) : undefined;
  return {
    kind: 'postgres',
    label: `Postgres ${redact(ownerUrl)}`,
    ownerUrl,
    appUrl,
    reset: () => admin('recreate'),
    stop: async () => undefined,
  };
}

/** The embedded PGlite, as `npm start` runs it without DATABASE_URL, in a folder of the bench's own. */
async function embeddedDatabase(profile: Profile, reseed: boolean): Promise<BenchDatabase> {
  const { startEmbeddedPostgres } = await import('../../server/db/embedded');
  const dataDir = path.resolve(process.env.CAIRN_DATA_DIR || './.data', `bench-${profile.name}`);
  if (reseed) fs.rmSync(dataDir, { recursive: true, force: true });
  let embedded = await startEmbeddedPostgres(dataDir);
  const database: BenchDatabase = {
    kind: 'pglite',
    label: `embedded PGlite in ${dataDir}`,
    ownerUrl: embedded.url,
    appUrl: embedded.url,
    reset: async () => {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      embedded = await startEmbeddedPostgres(dataDir);
      // The socket port changes with the restart.
      database.ownerUrl = embedded.url;
      database.appUrl = embedded.url;
    },
    stop: () => embedded.stop(),
  };
  return database;
}

/** DATABASE_URL's server if set, else a local Postgres if one answers, else the embedded database. */
export async function openBenchDatabase(profile: Profile, reseed: boolean): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL) return dedicatedDatabase(process.env.DATABASE_URL, profile, reseed);
  if (await reachable(LOCAL_POSTGRES)) return dedicatedDatabase(LOCAL_POSTGRES, profile, reseed);
  return embeddedDatabase(profile, reseed);
}
