import { prepareRuntime } from './prepare-runtime';

// `npm run db:migrate`, and the one-shot `migrate` service of docker-compose.yml: migrations as the owner,
// the app role's password from DATABASE_APP_URL, and the demo workspace only when CAIRN_DEMO=true.
const { embedded } = await prepareRuntime();
const { env } = await import('../lib/env');
const { componentLogger } = await import('../server/log');
const { runMigrations } = await import('../server/db/migrate');
const { syncAppRolePassword } = await import('../server/db/app-role-password');
const log = componentLogger('migrate');

await runMigrations(env.DATABASE_URL!);
log.info('migrations applied');
if (env.DATABASE_APP_URL && !embedded) {
  const result = await syncAppRolePassword(env.DATABASE_URL!, env.DATABASE_APP_URL);
  if (result === 'set') log.info('cairn_app password set from DATABASE_APP_URL');
  if (result === 'other-role') log.info('DATABASE_APP_URL names another role; its password is left to you');
}
if (env.CAIRN_DEMO) {
  const { seedDemoIfEmpty } = await import('../server/services/workspace/seed-demo');
  const { closeDb } = await import('../server/db/client');
  const { closeQueues } = await import('../server/queue/enqueue');
  log.info(
    (await seedDemoIfEmpty())
      ? 'demo workspace seeded (CAIRN_DEMO=true)'
      : 'database already has people; demo not seeded',
  );
  // The demo's mails were nudged onto the queues: close them, or this one-shot never exits.
  await closeQueues();
  await closeDb();
}
await embedded?.stop();
