import { pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OUTBOUND_CHECK_KINDS, OUTBOUND_CHECK_STATUSES } from '@/lib/constants/outbound';
import { id } from './columns';
import { tenants } from './tenants';

export const outboundCheckKind = pgEnum('outbound_check_kind', OUTBOUND_CHECK_KINDS);
export const outboundCheckStatus = pgEnum('outbound_check_status', OUTBOUND_CHECK_STATUSES);

/**
 * The latest connection check per workspace and kind ("Test connection"). The web request only writes this
 * row and queues the job; the worker does the network wait and writes the answer here for the page to poll.
 * One row per (workspace, kind), so a second click while one runs finds it running and queues nothing.
 */
export const outboundChecks = pgTable(
  'outbound_checks',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    kind: outboundCheckKind('kind').notNull(),
    status: outboundCheckStatus('status').notNull(),
    /**
     * An unsaved URL the admin typed (it may hold a password): cleared as soon as the check ends. Null: the saved
     * one.
     */
    target: text('target'),
    /** The host shown back to the admin, never the password. */
    targetHost: text('target_host'),
    message: text('message'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('outbound_checks_tenant_kind_key').on(t.tenantId, t.kind)],
);
