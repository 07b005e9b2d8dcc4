import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

// Migrations run as the owner, once per deploy or start, serialised by an advisory lock so that several
// web or worker replicas starting together apply each migration once.
export async function runMigrations(ownerUrl: string, migrationsFolder = path.resolve(process.cwd(), 'drizzle')) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`select pg_advisory_lock(hashtext('cairn:migrate'))`);
    try {
      await migrate(drizzle(client), { migrationsFolder });
    } finally {
      await client.query(`select pg_advisory_unlock(hashtext('cairn:migrate'))`);
    }
  } finally {
    await client.end();
  }
}
