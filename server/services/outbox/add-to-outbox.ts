import { sql, type SQL } from 'drizzle-orm';
import type { TenantScope } from '@/server/db/tenant';
import { outbox } from '@/server/db/schema';
import { enqueue } from '@/server/queue/enqueue';
import { OUTBOX_KIND_TO_JOB, type OutboxKind } from '@/server/queue/jobs';
import type { OutgoingMail } from '@/server/email/transport';
import type { DomainEvent } from './domain-event';

type OutboxPayloads = { email: OutgoingMail; event: DomainEvent };

/** After commit, the queue is told about the row; if the nudge is lost, the sweep finds the row anyway. */
export function nudgeOutbox(scope: TenantScope, kind: OutboxKind, outboxId: string) {
  const job: (typeof OUTBOX_KIND_TO_JOB)[OutboxKind] = OUTBOX_KIND_TO_JOB[kind];
  scope.afterCommit(() => enqueue(job, { tenantId: scope.tenantId, outboxId }, { key: outboxId }));
}

/**
 * Several events as one INSERT, unsent (returning their ids), for a caller that sends it inside a larger
 * statement (the ticket committer: with the activity entry, or with the new ticket's number). A payload may
 * be SQL (a value only the statement knows, like the number). created_at keeps the given order: the rows'
 * clock_timestamp() plus their position in microseconds. The caller nudges the ids it gets back.
 */
export function eventsInsert(scope: TenantScope, events: Array<DomainEvent | SQL>) {
  return scope.db
    .insert(outbox)
    .values(
      events.map((payload, position) => ({
        tenantId: scope.tenantId,
        kind: 'event',
        payload,
        createdAt: sql`clock_timestamp() + ${position} * interval '1 microsecond'`,
      })),
    )
    .returning({ id: outbox.id });
}

/**
 * Records work in the same transaction as the change that caused it, then nudges the queue after commit.
 * If the nudge is lost (Redis down, crash), the sweep finds the pending row and enqueues it again.
 */
export async function addToOutbox<K extends OutboxKind>(
  scope: TenantScope,
  kind: K,
  payload: OutboxPayloads[K],
  options: { id?: string } = {},
) {
  // A caller may pick the id: notification mails derive their Message-ID from it before the row exists.
  // clock_timestamp, not now(): the events of one transaction (a reply, then the status it moved) keep their
  // order, and their consumers (threaded notification mails) see them in it.
  const [row] = await scope.db
    .insert(outbox)
    .values({ id: options.id, tenantId: scope.tenantId, kind, payload, createdAt: sql`clock_timestamp()` })
    .returning({ id: outbox.id });
  const outboxId = row!.id;
  nudgeOutbox(scope, kind, outboxId);
  return outboxId;
}

/**
 * Many rows of one kind in one INSERT (a new ticket's alerts to a whole team): the same rows and nudges as
 * calling addToOutbox for each, without a round trip per row inside a transaction that may hold a lock.
 */
export async function addManyToOutbox<K extends OutboxKind>(
  scope: TenantScope,
  kind: K,
  items: Array<{ id?: string; payload: OutboxPayloads[K] }>,
) {
  if (!items.length) return [];
  // A row whose (derived) id exists already was queued by an earlier run of the same work: only the rows
  // actually inserted are returned and nudged, so a rerun queues nothing twice.
  const rows = await scope.db
    .insert(outbox)
    .values(
      items.map((item, position) => ({
        id: item.id,
        tenantId: scope.tenantId,
        kind,
        payload: item.payload,
        // In the order given and after what this transaction queued before (a batch of events queues the
        // mails of several, and they go out in the order the events happened), as addToOutbox does.
        createdAt: sql`clock_timestamp() + ${position} * interval '1 microsecond'`,
      })),
    )
    .onConflictDoNothing({ target: outbox.id })
    .returning({ id: outbox.id });
  for (const { id } of rows) nudgeOutbox(scope, kind, id);
  return rows.map((r) => r.id);
}
