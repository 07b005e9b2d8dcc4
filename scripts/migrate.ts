import { prepareRuntime } from './prepare-runtime';

const { embedded } = await prepareRuntime();
const { runMigrations } = await import('../server/db/migrate');
await runMigrations(process.env.DATABASE_URL!);
console.log('[cairn] migrations applied');
await embedded?.stop();
