import { sql } from 'drizzle-orm';
import { customType, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INBOUND_STATUSES } from '@/lib/constants/inbound';
import { createdAt, id, updatedAt } from './columns';
import { customers } from './customers';
import { tenants } from './tenants';
import { tickets } from './tickets';

export const inboundStatus = pgEnum('inbound_status', INBOUND_STATUSES);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The workspace's inbound channel settings. Only the hash of the raw-MIME secret is stored: the admin sees the
 * secret once, when it is made, and rotates it to get a new one.
 */
export const inboundChannels = pgTable(
  'inbound_channels',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Null until the admin makes a secret (the row may exist only for the authserv-id). */
    secretHash: text('secret_hash'),
    /**
     * The authserv-id of the workspace's own receiving server: only an Authentication-Results header carrying
     * it is believed (anyone can add one with another name). Null: Cairn checks SPF/DKIM/DMARC itself.
     */
    authservId: text('authserv_id'),
    secretRotatedAt: timestamp('secret_rotated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('inbound_channels_tenant_key').on(t.tenantId)],
);

/**
 * Every received message, raw bytes first: the row is written before any parsing, so a message that cannot be
 * parsed is still here with its reason. (tenant, message id, sha256) recognises the same message delivered
 * twice; a reused Message-ID with other content is another message. No Message-ID is stored as ''.
 */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    raw: bytea('raw').notNull(),
    sha256: text('sha256').notNull(),
    messageId: text('message_id').notNull(),
    status: inboundStatus('status').notNull().default('pending'),
    /** new_ticket / appended for processed mail; the reason for ignored, bounce, quarantined and failed. */
    outcome: text('outcome'),
    ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
    /** The customer message this mail became, so its own Message-ID threads the next reply. */
    ticketMessageId: uuid('ticket_message_id'),
    sender: text('sender'),
    subject: text('subject'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    /** An admin released this message from quarantine: processed again with the sender trusted. */
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_messages_tenant_message_sha_key').on(t.tenantId, t.messageId, t.sha256),
    // The storm limit counts one sender's recent mail; the admin list reads the newest first.
    index('inbound_messages_sender_idx').on(t.tenantId, t.sender, t.receivedAt),
    index('inbound_messages_received_idx').on(t.tenantId, t.receivedAt),
    index('inbound_messages_pending_idx')
      .on(t.receivedAt)
      .where(sql`${t.status} = 'pending'`),
  ],
);

/**
 * Customers a ticket's mail also goes to: people in CC of the opening mail (and, later, of a reply). A
 * participant's reply is theirs on the ticket; they receive public replies. Never the requester.
 */
export const ticketParticipants = pgTable(
  'ticket_participants',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ticket_participants_ticket_customer_key').on(t.tenantId, t.ticketId, t.customerId)],
);
