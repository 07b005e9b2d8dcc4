import { bigint, boolean, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { IMAP_AFTER_IMPORT } from '@/lib/constants/inbound';
import { id, updatedAt } from './columns';
import { tenants } from './tenants';

export const imapAfterImport = pgEnum('imap_after_import', IMAP_AFTER_IMPORT);

/**
 * The workspace's IMAP mailbox (one per workspace). The password is stored encrypted (AES-256-GCM with
 * INBOUND_SECRET_KEY, bound to the workspace) and never read back to the browser.
 *
 * The checkpoint: every message with a UID up to `last_uid` under `uid_validity` is stored in inbound_messages.
 * It only moves after the message is stored, so a restart re-reads at most the last message, which the
 * (message_id, sha256) duplicate check recognises. A new UIDVALIDITY starts over from UID 1 the same way.
 */
export const imapMailboxes = pgTable(
  'imap_mailboxes',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    tls: boolean('tls').notNull(),
    username: text('username').notNull(),
    passwordEncrypted: text('password_encrypted').notNull(),
    folder: text('folder').notNull().default('INBOX'),
    afterImport: imapAfterImport('after_import').notNull().default('flag'),
    moveTo: text('move_to'),
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    /** Why the last poll failed, in words for the admin; null after a poll that worked. */
    lastError: text('last_error'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('imap_mailboxes_tenant_key').on(t.tenantId)],
);
