import { loadDotEnv } from '../scripts/load-env';

// `npm run worker`: the production worker process, beside one or more web processes.
loadDotEnv();
const { env } = await import('../lib/env');
if (!env.DATABASE_URL) {
  console.error('[worker] DATABASE_URL is not set. The separate worker needs a Postgres server; without one, `npm start` runs jobs inside the app.');
  process.exit(1);
}
if (!env.AUTH_SECRET) {
  console.error('[worker] AUTH_SECRET is not set. Give the worker the same AUTH_SECRET as the web processes.');
  process.exit(1);
}
if (env.REDIS_URL && env.NODE_ENV === 'production') {
  const { assertRedisNoEviction } = await import('./redis-policy');
  try {
    await assertRedisNoEviction(env.REDIS_URL);
  } catch (error) {
    console.error(`[worker] ${(error as Error).message}`);
    process.exit(1);
  }
}

const { startWorkers } = await import('./start-workers');
const { queueMode } = await import('../server/queue/connection');
const { closeDb } = await import('../server/db/client');
const running = await startWorkers();
console.log(`[worker] processing jobs on ${queueMode() === 'redis' ? 'Redis' : 'PostgreSQL'} (${running.workers.length} queues)`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  // Graceful: workers finish their current jobs before closing; a second signal forces the exit.
  console.log(`[worker] ${signal}: finishing current jobs…`);
  const force = setTimeout(() => process.exit(1), 30_000);
  await running.stop();
  await closeDb();
  clearTimeout(force);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
