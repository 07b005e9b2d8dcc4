import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { pinExtendedProtocolBatches } from './pglite-batch-pinning';

export type EmbeddedPostgres = { url: string; stop: () => Promise<void> };

function pidIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite allows one process per data folder; a second one would corrupt it, so we refuse clearly. */
function acquireLock(dataDir: string) {
  const lockFile = path.join(dataDir, 'cairn.lock');
  try {
    const owner = Number(fs.readFileSync(lockFile, 'utf8'));
    if (owner && owner !== process.pid && pidIsAlive(owner)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by another Cairn process (pid ${owner}). ` +
          'Stop that process, point CAIRN_DATA_DIR at another folder, or set DATABASE_URL to use a Postgres server.',
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

/**
 * Starts PGlite (Postgres in WASM) in this process and serves it on a loopback port, so the rest of Cairn,
 * BullMQ's PostgreSQL backend included, talks to it with the same `pg` driver it uses for a real server.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number } = {},
): Promise<EmbeddedPostgres> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { pg_trgm, btree_gin } });
    // The socket server ignores connection options, so BullMQ's `-c search_path=bullmq` never arrives:
    // put its schema on the shared session's path, after ours.
    await db.exec('set search_path to public, bullmq');
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: options.port ?? 0, maxConnections: 64 });
    // The one remaining reach into pglite-socket's internals: no option covers it. The package is pinned to
    // an exact version and tests/unit/upstream-patches.test.ts fails when the patched code changes.
    pinExtendedProtocolBatches(
      (server as unknown as { queryQueue: Parameters<typeof pinExtendedProtocolBatches>[0] }).queryQueue,
    );
    await server.start();
    // getServerConn() is public ("host:port"); after start() it names the port the OS picked for port 0.
    const port = Number(server.getServerConn().split(':').pop());
    if (!port) throw new Error('The embedded database did not report its port.');
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: async () => {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
