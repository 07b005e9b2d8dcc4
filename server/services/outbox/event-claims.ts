import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { lockAllUntilCommit } from '@/server/db/lock-until-commit';
import { outbox } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from './domain-event';
import type { DispatchedEvent } from './event-batch';

type OutboxRow = typeof outbox.$inferSelect;

function toDispatched(row: OutboxRow): DispatchedEvent {
  return { ...(row.payload as DomainEvent), id: row.id, tenantId: row.tenantId, occurredAt: row.createdAt };
}

/**
 * The job's own event, locked (waiting for a batch that holds it): null unless still pending, so a job run
 * twice (a retry, a sweep after a lost ack, two workers) has the effect of one. `retried` when an earlier
 * attempt failed: such an event is dispatched alone.
 */
export async function claimEvent(scope: TenantScope, outboxId: string) {
  const [row] = await scope.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, outboxId), eq(outbox.kind, 'event')))
    .for('update');
  if (!row || row.status !== 'pending') return null;
  return { event: toDispatched(row), retried: row.attempts > 0 };
}

/**
 * The job's own event (already locked) with the workspace's oldest pending events that have never failed,
 * up to `size` in all, locked and in the order recorded (to the microsecond, which the Date of each event
 * cannot hold). Those another batch or job holds are skipped; their own jobs then find them done.
 *
 * One batch per workspace at a time, so two batches never take the locks of many tickets, teams and rollup
 * rows in different orders: the statement first tries the workspace's batch lock (evaluated once, before any
 * row is read) and takes nothing when another batch holds it. That is not waited for: the job then dispatches
 * its own event alone, as every job did before batches.
 */
export async function claimEventBatch(scope: TenantScope, own: DispatchedEvent, size: number) {
  const turn = `cairn.event-batch.${scope.tenantId}`;
  const rows = await scope.db
    .select()
    .from(outbox)
    .where(
      and(
        sql`(select pg_try_advisory_xact_lock(hashtextextended(${turn}, 0)))`,
        eq(outbox.tenantId, scope.tenantId),
        eq(outbox.kind, 'event'),
        eq(outbox.status, 'pending'),
        eq(outbox.attempts, 0),
      ),
    )
    .orderBy(asc(outbox.createdAt), asc(outbox.id))
    .limit(size)
    .for('update', { skipLocked: true });
  const events = rows.map(toDispatched);
  // Locked by this transaction, the own event is never skipped; outside the oldest `size`, it is the newest.
  if (!events.some((e) => e.id === own.id)) events.splice(size - 1, Infinity, own);
  return events;
}

/**
 * One ticket's events arrive together (created, message added, assigned) and eight jobs run at once: without
 * this their consumers took the same ticket's rows in different orders (the ticket, its team's assignment
 * lock, its mail thread, its facts) and deadlocked. A web request on the ticket is not held (it takes the row,
 * not this lock).
 */
export async function lockEventTickets(scope: TenantScope, events: readonly DispatchedEvent[]) {
  const ticketIds = events.map((e) => e.data.ticketId).filter(Boolean);
  await lockAllUntilCommit(
    scope,
    ticketIds.map((ticketId) => `cairn.ticket-events.${ticketId}`),
  );
}

export async function markEventsDone(scope: TenantScope, ids: readonly string[]) {
  if (!ids.length) return;
  await scope.db
    .update(outbox)
    .set({ status: 'done', doneAt: new Date(), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, [...ids]));
}

/** The attempt and its error stay on the row (pending): the job's retry dispatches it again, alone. */
export async function recordEventAttemptFailed(scope: TenantScope, id: string, error: string) {
  await scope.db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, lastError: error })
    .where(eq(outbox.id, id));
}
