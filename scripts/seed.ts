import { prepareRuntime } from './prepare-runtime';

const { embedded } = await prepareRuntime();
const { runMigrations } = await import('../server/db/migrate');
const { seedDemoIfEmpty, DEMO_LOGINS } = await import('../server/services/workspace/seed-demo');
const { closeDb } = await import('../server/db/client');
await runMigrations(process.env.DATABASE_URL!);
const seeded = await seedDemoIfEmpty();
console.log(seeded ? `[cairn] demo workspace seeded: ${DEMO_LOGINS.map((l) => l.email).join(', ')}` : '[cairn] database already has people; nothing seeded');
await closeDb();
await embedded?.stop();
