import { loadDotEnv } from '../scripts/load-env';

// `npm run worker`: the production worker process, beside one or more web processes.
loadDotEnv();
const { env } = await import('../lib/env');
const { componentLogger } = await import('../server/log');
const log = componentLogger('worker');

function refuse(message: string): never {
  log.fatal(message);
  process.exit(1);
}

if (!env.DATABASE_URL) {
  refuse(
    'DATABASE_URL is not set. The separate worker needs a Postgres server; without one, `npm start` runs jobs inside the app.',
  );
}
if (!env.AUTH_SECRET) {
  refuse('AUTH_SECRET is not set. Give the worker the same AUTH_SECRET as the web processes.');
}
if (env.REDIS_URL && env.NODE_ENV === 'production') {
  const { assertRedisNoEviction } = await import('./redis-policy');
  try {
    await assertRedisNoEviction(env.REDIS_URL);
  } catch (error) {
    refuse((error as Error).message);
  }
}

const { startWorkers } = await import('./start-workers');
const { queueMode } = await import('../server/queue/connection');
const { closeDb } = await import('../server/db/client');
const { IMAP_POLL_EVERY_MS } = await import('../lib/constants/inbound');
const running = await startWorkers({ imapIdleRefreshMs: IMAP_POLL_EVERY_MS });
const stopHeartbeat = env.WORKER_HEARTBEAT_FILE
  ? (await import('./heartbeat')).startHeartbeat(env.WORKER_HEARTBEAT_FILE, running.workers)
  : null;
const stopMetrics = env.WORKER_METRICS_PORT
  ? await (await import('./metrics-server')).startMetricsServer(env.WORKER_METRICS_PORT)
  : null;
log.info({ queues: running.workers.length }, `processing jobs on ${queueMode() === 'redis' ? 'Redis' : 'PostgreSQL'}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  // Graceful: workers finish their current jobs before closing; a second signal forces the exit.
  log.info(`${signal}: finishing current jobs`);
  const force = setTimeout(() => process.exit(1), 30_000);
  stopHeartbeat?.();
  await stopMetrics?.();
  await running.stop();
  await closeDb();
  clearTimeout(force);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
