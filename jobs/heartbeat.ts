import fs from 'node:fs';
import type { Worker } from 'bullmq';
import { sql } from 'drizzle-orm';
import { runWithoutTenant } from '@/server/db/tenant';
import { componentLogger } from '@/server/log';

const log = componentLogger('worker');
export const HEARTBEAT_EVERY_MS = 15_000;

/**
 * Touches `file` while every queue's worker runs and the database answers. The container's health check
 * reads the file's age (docker-compose.yml): a worker stuck on a dead connection, or whose queues stopped,
 * stops touching it and turns unhealthy, where a plain "is the process alive" check would not notice.
 */
export function startHeartbeat(file: string, workers: Worker[]) {
  let beating = false;
  const beat = async () => {
    if (beating) return;
    beating = true;
    try {
      if (!workers.every((w) => w.isRunning())) throw new Error('a queue worker is not running');
      await runWithoutTenant((tx) => tx.execute(sql`select 1`));
      const now = new Date();
      fs.writeFileSync(file, now.toISOString());
      fs.utimesSync(file, now, now);
    } catch (error) {
      log.warn({ err: error }, 'heartbeat skipped');
    } finally {
      beating = false;
    }
  };
  void beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_EVERY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    fs.rmSync(file, { force: true });
  };
}
