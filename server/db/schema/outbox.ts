import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES } from '@/lib/constants/outbox';
import { createdAt, id } from './columns';
import { tenants } from './tenants';

export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);

/**
 * Pending work written in the same transaction as the change that caused it. BullMQ only executes:
 * a sweep re-enqueues rows still pending, so losing the queue's state loses nothing.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: outboxStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    /** When a worker claimed the row for sending; with the lease it tells a slow send from a dead worker. */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_pending_idx').on(t.status, t.availableAt),
    index('outbox_tenant_created_idx').on(t.tenantId, t.createdAt),
    // An event batch takes the oldest pending events of its workspace that have not failed yet: done rows,
    // the bulk of the table, stay out of the index it reads.
    index('outbox_pending_events_idx')
      .on(t.tenantId, t.createdAt, t.id)
      .where(sql`kind = 'event' and status = 'pending' and attempts = 0`),
    // The sweep looks for claims whose lease ran out. Keyed on claimed_at, not on the enum value `sending`:
    // a value added by ALTER TYPE cannot be used in the migration's own transaction.
    index('outbox_claimed_idx')
      .on(t.claimedAt)
      .where(sql`claimed_at is not null`),
  ],
);
