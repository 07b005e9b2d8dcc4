import { sql } from 'drizzle-orm';
import { runWithoutTenant } from '@/server/db/tenant';
import { queueMode } from '@/server/queue/connection';
import { getQueue } from '@/server/queue/enqueue';

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

async function timed<T>(work: () => Promise<T>) {
  const started = performance.now();
  try {
    // A queue client waiting for Redis to come back would otherwise hold the health check forever.
    const detail = await withTimeout(work());
    return { ok: true as const, ms: Math.round(performance.now() - started), ...detail };
  } catch (error) {
    return {
      ok: false as const,
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** What /api/health reports: can we reach the database and the queue, and how much work waits. */
export async function checkHealth() {
  const [database, queue] = await Promise.all([
    timed(async () => {
      await runWithoutTenant((tx) => tx.execute(sql`select 1`));
      return {};
    }),
    timed(async () => {
      const counts = await getQueue('email').getJobCounts('waiting', 'active', 'delayed', 'failed');
      return { engine: queueMode(), counts };
    }),
  ]);
  return { status: database.ok && queue.ok ? ('ok' as const) : ('degraded' as const), database, queue };
}
