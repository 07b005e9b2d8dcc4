import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/lib/env';
import { componentLogger } from '@/server/log';
import { DeferredBeginClient } from './deferred-begin-client';
import * as schema from './schema';
import { appDatabaseUrl } from './urls';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

type Holder = { pool?: pg.Pool; db?: Db };
// Survives Next's module reloading in development so we don't leak pools.
const holder: Holder = ((globalThis as { __cairnDb?: Holder }).__cairnDb ??= {});

/** The app-role database. Lazily connected: importing this module opens nothing. */
export function getDb(): Db {
  if (!holder.db) {
    // A server that takes the TCP connection but never answers (one still starting up) would otherwise hold
    // the request, and the pool slot, forever: a connect fails after this long and the next one retries.
    holder.pool = new pg.Pool({
      connectionString: appDatabaseUrl(),
      Client: DeferredBeginClient,
      max: env.CAIRN_DB_POOL_MAX,
      connectionTimeoutMillis: 10_000,
    });
    holder.pool.on('error', (error) => componentLogger('db').error({ err: error }, 'idle database client error'));
    // A connection that dies while checked out (the server restarted mid-transaction) emits 'error' on its
    // client, and pg-pool listens only while a client is idle: unheard, that is an uncaught exception that
    // ends the web or worker process. The query in flight fails with the same error anyway; the pool drops
    // the broken client on release and connects a new one for the next checkout.
    holder.pool.on('connect', (client) =>
      client.on('error', (error) => componentLogger('db').warn({ err: error }, 'database connection lost')),
    );
    holder.db = drizzle(holder.pool, { schema });
  }
  return holder.db;
}

/** For /metrics: connections of the app pool; zeros before the first query opens it. */
export function poolStats() {
  const pool = holder.pool;
  return { total: pool?.totalCount ?? 0, idle: pool?.idleCount ?? 0, waiting: pool?.waitingCount ?? 0 };
}

export async function closeDb() {
  const pool = holder.pool;
  holder.pool = undefined;
  holder.db = undefined;
  await pool?.end();
}
