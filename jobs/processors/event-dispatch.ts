import { and, eq, sql } from 'drizzle-orm';
import { lockUntilCommit } from '@/server/db/lock-until-commit';
import { runInTenant } from '@/server/db/tenant';
import { outbox } from '@/server/db/schema';
import type { JobPayload } from '@/server/queue/jobs';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { consumersOf, EVENT_CONSUMERS, type EventConsumer } from '../events/consumers';

/**
 * Hands one recorded domain event to its consumers. Re-reads the row under a lock and skips it unless it
 * is still pending, so a job run twice (a retry, a sweep after a lost ack, two workers) has the effect of one.
 */
export async function processEventDispatch(
  { tenantId, outboxId }: JobPayload<'event.dispatch'>,
  consumers: readonly EventConsumer[] = EVENT_CONSUMERS,
) {
  const outcome = await runInTenant(tenantId, async (scope) => {
    const [row] = await scope.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, outboxId), eq(outbox.kind, 'event')))
      .for('update');
    if (!row || row.status !== 'pending') return { skipped: true as const };
    const event = { ...(row.payload as DomainEvent), id: row.id, tenantId, occurredAt: row.createdAt };
    // One ticket's events arrive together (created, message added, assigned) and eight jobs run at once:
    // without this their consumers took the same ticket's rows in different orders (the ticket, its team's
    // assignment lock, its mail thread, its facts) and deadlocked. Events of different tickets still run
    // side by side; a web request on the ticket is not held (it takes the row, not this lock).
    if (event.data.ticketId) await lockUntilCommit(scope, `cairn.ticket-events.${event.data.ticketId}`);
    const interested = consumersOf(consumers, event.type);
    let current = '';
    try {
      // A savepoint: a consumer that fails undoes its own writes, while the attempt and error below stay.
      await scope.db.transaction(async (savepoint) => {
        for (const consumer of interested) {
          current = consumer.name;
          await consumer.handle({ ...scope, db: savepoint }, event);
        }
      });
      await scope.db
        .update(outbox)
        .set({ status: 'done', doneAt: new Date(), attempts: sql`${outbox.attempts} + 1` })
        .where(eq(outbox.id, outboxId));
      return { consumers: interested.map((c) => c.name) };
    } catch (error) {
      await scope.db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, lastError: `${current}: ${String(error)}` })
        .where(eq(outbox.id, outboxId));
      return { error };
    }
  });
  // Thrown after the commit so BullMQ retries with backoff and the failure stays visible on the row.
  if ('error' in outcome) throw outcome.error;
  return outcome;
}
