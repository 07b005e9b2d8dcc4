import { and, eq } from 'drizzle-orm';
import { outbox } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';

/**
 * Called when an outbox row's job has used up its retries: the row becomes 'failed', which the sweep leaves
 * alone and Admin → Jobs lists with the error, until someone retries it. If this never runs (the worker
 * died first), the row stays pending and the sweep retries its job: work is never silently dropped.
 */
export async function recordOutboxFailure(tenantId: string, outboxId: string, error: string) {
  await runInTenant(tenantId, ({ db }) =>
    db
      .update(outbox)
      .set({ status: 'failed', lastError: error.slice(0, 2000) })
      .where(and(eq(outbox.id, outboxId), eq(outbox.status, 'pending'))),
  );
}
