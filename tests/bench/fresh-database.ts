import pg from 'pg';

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * cairn_bench_<part>(_quick), or `<name>_<part>(_quick)` when DATABASE_URL names a bench database of its own
 * (e.g. cairn_bench_wt): checkouts sharing one server do not drop each other's database mid-run.
 */
export function benchDatabaseName(serverUrl: string, part: string, quick: boolean) {
  const named = new URL(serverUrl).pathname.slice(1);
  const base = named.includes('bench') ? `${named}_${part}` : `cairn_bench_${part}`;
  return (quick ? `${base}_quick` : base).slice(0, 63);
}

/** Drops and creates the part's own database; returns its URL. */
export async function freshBenchDatabase(serverUrl: string, part: string, quick: boolean) {
  const name = benchDatabaseName(serverUrl, part, quick);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(serverUrl, name);
}
