import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/lib/env';
import { componentLogger } from '@/server/log';
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
    holder.pool = new pg.Pool({ connectionString: appDatabaseUrl(), max: env.CAIRN_DB_POOL_MAX });
    holder.pool.on('error', (error) => componentLogger('db').error({ err: error }, 'idle database client error'));
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
