import { prepareRuntime } from './prepare-runtime';

// `npm run db:seed`: the demo workspace on an empty database. Its passwords are published, so production
// refuses unless CAIRN_DEMO=true says the demo is wanted there.
const { embedded } = await prepareRuntime();
const { env } = await import('../lib/env');
const { componentLogger } = await import('../server/log');
const { demoSeedAllowed } = await import('../server/services/workspace/demo-policy');
const log = componentLogger('seed');

if (!demoSeedAllowed({ nodeEnv: env.NODE_ENV, demo: env.CAIRN_DEMO })) {
  log.error(
    'not seeding the demo workspace: its logins are public. In production set CAIRN_DEMO=true to seed it anyway.',
  );
  await embedded?.stop();
  process.exit(1);
}
const { runMigrations } = await import('../server/db/migrate');
const { seedDemoIfEmpty } = await import('../server/services/workspace/seed-demo');
const { closeDb } = await import('../server/db/client');
await runMigrations(env.DATABASE_URL!);
const { closeQueues } = await import('../server/queue/enqueue');
log.info((await seedDemoIfEmpty()) ? 'demo workspace seeded' : 'database already has people; nothing seeded');
// The demo's mails were nudged onto the queues: close them, or the script never exits.
await closeQueues();
await closeDb();
await embedded?.stop();
