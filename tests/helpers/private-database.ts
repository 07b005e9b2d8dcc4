import { execFile, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis-server';

// A database of the test's own that it may restart without harming any other test: a throw-away
// Postgres 15 cluster (initdb + pg_ctl in a temp folder, on a free loopback port) when the suite runs on
// Postgres, or a second embedded PGlite in a temp folder when it runs embedded. Either way the test gets
// an owner URL, an app URL and a restart() that takes the server away and brings it back on the same port.
// The embedded one runs in a child process (embedded-database-process.ts) so its restart drops every
// connection the way a dying server does.

const run = promisify(execFile);
const PG_BIN = '/usr/lib/postgresql/15/bin';

export type PrivateDatabase = {
  kind: 'postgres' | 'pglite';
  url: string;
  appUrl: string | undefined;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

const isRoot = () => process.getuid?.() === 0;

/** Why a private Postgres cluster cannot be started here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb')) || !fs.existsSync(path.join(PG_BIN, 'pg_ctl')))
    return `${PG_BIN}/initdb and pg_ctl are not installed (apt-get install postgresql-15)`;
  if (!isRoot()) return null;
  // initdb refuses to run as root: it must run as the postgres OS user.
  const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  if (user.status !== 0) return 'running as root, and there is no `postgres` OS user to run initdb and pg_ctl as';
  if (spawnSync('sh', ['-c', 'command -v runuser'], { encoding: 'utf8' }).status !== 0)
    return 'running as root without runuser to switch to the postgres OS user';
  return null;
}

function asPostgres(binary: string, args: string[]) {
  const file = path.join(PG_BIN, binary);
  return isRoot() ? run('runuser', ['-u', 'postgres', '--', file, ...args]) : run(file, args);
}

export async function startPrivatePostgres(): Promise<PrivateDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-private-pg-'));
  if (isRoot()) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  await asPostgres('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  // fsync off: a test cluster; an immediate stop is a crash of the server process, not of the machine.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const start = () =>
    asPostgres('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  const stopNow = () => asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  await start();
  return {
    kind: 'postgres',
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // Unset: the app connects as cairn_app to the same server, as in production (server/db/urls.ts).
    appUrl: undefined,
    /** `-m immediate`: every backend is killed mid-statement and the server runs crash recovery on start. */
    restart: async () => {
      await stopNow();
      await start();
    },
    stop: async () => {
      await stopNow().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The embedded database in a child process; resolves once it accepts connections. */
async function startEmbeddedProcess(dir: string, port: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'embedded-database-process.ts'), dir, String(port)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The embedded database did not start within 60 s:\n${output}`)),
      60_000,
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('ready')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded database exited (${code}) before it was ready:\n${output}`));
    });
  });
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
}

export async function startPrivatePglite(): Promise<PrivateDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cairn-private-pglite-'));
  const port = await freePort();
  let stopProcess = await startEmbeddedProcess(dir, port);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    kind: 'pglite',
    url,
    // Embedded mode: one shared session, the app role set per transaction (as global-setup does).
    appUrl: url,
    /** The database process exits (the OS closes every connection) and a new one opens the same folder. */
    restart: async () => {
      await stopProcess();
      stopProcess = await startEmbeddedProcess(dir, port);
    },
    stop: async () => {
      await stopProcess();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
