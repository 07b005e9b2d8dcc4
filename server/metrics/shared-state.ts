import { Gauge } from 'prom-client';
import { sql } from 'drizzle-orm';
import { poolStats } from '@/server/db/client';
import { runWithoutTenant } from '@/server/db/tenant';
import { componentLogger } from '@/server/log';
import { getQueue } from '@/server/queue/enqueue';
import { QUEUES, type QueueName } from '@/server/queue/jobs';
import { metrics } from './registry';

const log = componentLogger('metrics');
const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;
const READ_TIMEOUT_MS = 2_000;

/** A scrape must answer even while Redis or Postgres does not: a gauge left unread is better than a hang. */
async function withinTimeout<T>(work: Promise<T>, what: string): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), READ_TIMEOUT_MS)));
  try {
    const result = await Promise.race([work, timeout]);
    if (result === null) log.warn({ what }, 'metrics read timed out');
    return result;
  } catch (error) {
    log.warn({ what, err: error }, 'metrics read failed');
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Gauges read at scrape time from the stores every process shares (BullMQ's queues, the outbox table), so
 * the web's /api/metrics shows the worker's backlog without talking to the worker. Registered once.
 */
function registerSharedState() {
  const registers = [metrics.registry];
  new Gauge({
    name: 'cairn_queue_jobs',
    help: 'Jobs in each BullMQ queue by state, read from the queue at scrape time',
    labelNames: ['queue', 'state'],
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        (Object.keys(QUEUES) as QueueName[]).map(async (queue) => {
          const counts = await withinTimeout(getQueue(queue).getJobCounts(...JOB_STATES), `queue ${queue}`);
          if (counts) for (const state of JOB_STATES) this.set({ queue, state }, counts[state] ?? 0);
        }),
      );
    },
  });

  let outbox: Promise<{ pending: number; failed: number; lagSeconds: number } | null> | null = null;
  // The three outbox gauges share one query per scrape.
  const readOutbox = () =>
    (outbox ??= withinTimeout(
      runWithoutTenant(async (tx) => {
        const { rows } = await tx.execute<{ pending: string; failed: string; oldest_due_at: string | Date | null }>(
          sql`select * from cairn_outbox_stats()`,
        );
        const row = rows[0]!;
        const oldest = row.oldest_due_at ? new Date(row.oldest_due_at).getTime() : null;
        return {
          pending: Number(row.pending),
          failed: Number(row.failed),
          lagSeconds: oldest ? Math.max(0, (Date.now() - oldest) / 1000) : 0,
        };
      }),
      'outbox',
    ).finally(() => setTimeout(() => (outbox = null), 0)));

  new Gauge({
    name: 'cairn_outbox_rows',
    help: 'Outbox rows waiting to be carried out (pending) or given up on (failed), all workspaces',
    labelNames: ['status'],
    registers,
    async collect() {
      this.reset();
      const stats = await readOutbox();
      if (!stats) return;
      this.set({ status: 'pending' }, stats.pending);
      this.set({ status: 'failed' }, stats.failed);
    },
  });
  new Gauge({
    name: 'cairn_outbox_lag_seconds',
    help: 'Age of the oldest pending outbox row that is due (0 when none waits)',
    registers,
    async collect() {
      const stats = await readOutbox();
      if (stats) this.set(stats.lagSeconds);
    },
  });

  new Gauge({
    name: 'cairn_db_pool_connections',
    help: "This process's app-role Postgres pool: total, idle, and callers waiting for a connection",
    labelNames: ['state'],
    registers,
    collect() {
      const stats = poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
      this.set({ state: 'waiting' }, stats.waiting);
    },
  });
}

const holder = globalThis as { __cairnSharedStateMetrics?: true };
export function ensureSharedStateMetrics() {
  if (holder.__cairnSharedStateMetrics) return;
  holder.__cairnSharedStateMetrics = true;
  registerSharedState();
}
