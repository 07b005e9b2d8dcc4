import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AGENT_NOTIFICATION_TYPES, MAIL_AUDIENCES, TICKET_MAIL_KINDS } from '@/lib/constants/notification';
import { createdAt, id, updatedAt } from './columns';
import { outbox } from './outbox';
import { tenants } from './tenants';
import { ticketMessages, tickets } from './tickets';
import { users } from './users';

export const agentNotificationType = pgEnum('agent_notification_type', AGENT_NOTIFICATION_TYPES);
export const mailAudience = pgEnum('mail_audience', MAIL_AUDIENCES);
export const ticketMailKind = pgEnum('ticket_mail_kind', TICKET_MAIL_KINDS);

/** An agent's choice per notification type in one workspace. No row means the notification is on. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: agentNotificationType('type').notNull(),
    enabled: boolean('enabled').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('notification_preferences_tenant_user_type_key').on(t.tenantId, t.userId, t.type)],
);

/**
 * A workspace's sender and optional own SMTP server. The SMTP URL may hold a password: only the worker
 * reads it; what the admin page gets back is the URL with the password masked.
 */
export const mailSettings = pgTable(
  'mail_settings',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    fromName: text('from_name'),
    fromAddress: text('from_address'),
    smtpUrl: text('smtp_url'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('mail_settings_tenant_key').on(t.tenantId)],
);

/**
 * One per ticket: the unguessable token the reply-to address carries, so the inbound channel can put a
 * customer's emailed reply on the right ticket without trusting the subject line.
 */
export const ticketMailThreads = pgTable(
  'ticket_mail_threads',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    replyToken: text('reply_token').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ticket_mail_threads_ticket_key').on(t.ticketId),
    uniqueIndex('ticket_mail_threads_reply_token_key').on(t.replyToken),
  ],
);

/**
 * Every mail queued about a ticket, with its Message-ID (derived from the outbox row, so it is known before
 * sending and the same on a retry). In-Reply-To and References of the next mail are read from here.
 */
export const ticketMails = pgTable(
  'ticket_mails',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    /** The reply or note this mail is about; null for status notices (solved, closed). */
    ticketMessageId: uuid('ticket_message_id').references(() => ticketMessages.id, { onDelete: 'set null' }),
    outboxId: uuid('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
    kind: ticketMailKind('kind').notNull(),
    audience: mailAudience('audience').notNull(),
    recipient: text('recipient').notNull(),
    messageId: text('message_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('ticket_mails_thread_idx').on(t.ticketId, t.audience, t.createdAt),
    uniqueIndex('ticket_mails_outbox_key').on(t.outboxId),
    uniqueIndex('ticket_mails_message_id_key').on(t.tenantId, t.messageId),
  ],
);
