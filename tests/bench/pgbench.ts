import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';

// The yardstick for ticket creation: what this very Postgres server does with pgbench's TPC-B-like
// transactions (five statements, one commit) at the bench's concurrency, measured in the same run, so a
// busy or slow machine moves both figures together.

const run = promisify(execFile);
const CANDIDATES = ['/usr/lib/postgresql/15/bin/pgbench', 'pgbench'];

export type PgbenchResult =
  { tps: number; clients: number; threads: number; seconds: number; scale: number } | { unavailable: string };

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function findPgbench() {
  for (const candidate of CANDIDATES) {
    if (candidate.includes('/') && !fs.existsSync(candidate)) continue;
    try {
      await run(candidate, ['--version']);
      return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/**
 * `pgbench -i -s <scale>` in a scratch database of its own beside the bench's (dropped again), then
 * `pgbench -c <clients> -j <threads> -T <seconds>`. TPS excludes connection set-up.
 */
export async function runPgbench(
  ownerUrl: string,
  options: { clients: number; threads: number; seconds: number; scale: number },
): Promise<PgbenchResult> {
  const binary = await findPgbench();
  if (!binary) return { unavailable: 'pgbench not found (install postgresql-client, or put pgbench on PATH)' };
  const scratch = `${new URL(ownerUrl).pathname.slice(1)}_pgbench`.slice(0, 63);
  const admin = new pg.Client({ connectionString: withDatabase(ownerUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${scratch} with (force)`);
    await admin.query(`create database ${scratch}`);
    const url = withDatabase(ownerUrl, scratch);
    await run(binary, ['-i', '-q', '-s', String(options.scale), url], { maxBuffer: 16 * 2 ** 20 });
    const { stdout } = await run(
      binary,
      ['-c', String(options.clients), '-j', String(options.threads), '-T', String(options.seconds), url],
      { maxBuffer: 16 * 2 ** 20 },
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout) ?? /tps = ([\d.]+)/.exec(stdout);
    if (!tps) return { unavailable: `pgbench printed no TPS: ${stdout.slice(-300)}` };
    return { tps: Math.round(Number(tps[1]) * 10) / 10, ...options };
  } finally {
    await admin.query(`drop database if exists ${scratch} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
