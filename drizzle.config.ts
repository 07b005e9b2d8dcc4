import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; migrations are applied by scripts/migrate.ts under an advisory lock.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/cairn' },
});
