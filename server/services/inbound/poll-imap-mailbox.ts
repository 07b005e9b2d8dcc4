import { and, eq } from 'drizzle-orm';
import type { ImapFlow } from 'imapflow';
import { IMAP_IMPORTED_FLAG, INBOUND_MAX_BYTES } from '@/lib/constants/inbound';
import { imapMailboxes } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { ImapFailure, openFolder, openMailbox } from './imap-connection';
import { storeInboundMessage } from './store-inbound-message';

type Mailbox = typeof imapMailboxes.$inferSelect;

/** At most this many messages per poll, so a full mailbox cannot hold a worker slot for long; the next poll goes on. */
export const IMAP_POLL_BATCH = 200;

function readMailbox(tenantId: string) {
  return runInTenant(tenantId, async ({ db }) => {
    const [row] = await db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, tenantId));
    return row;
  });
}

/** Only for the mailbox this poll read: an admin who switched server, user or folder meanwhile starts over. */
const sameMailbox = (m: Mailbox) =>
  and(
    eq(imapMailboxes.tenantId, m.tenantId),
    eq(imapMailboxes.host, m.host),
    eq(imapMailboxes.username, m.username),
    eq(imapMailboxes.folder, m.folder),
  );

function update(mailbox: Mailbox, values: Partial<Mailbox>) {
  return runInTenant(mailbox.tenantId, ({ db }) => db.update(imapMailboxes).set(values).where(sameMailbox(mailbox)));
}

/** Read mail is \Seen and keeps our keyword, or moves to the admin's folder. */
async function markImported(client: ImapFlow, mailbox: Mailbox, uid: number) {
  await client.messageFlagsAdd(String(uid), ['\\Seen', IMAP_IMPORTED_FLAG], { uid: true });
  if (mailbox.afterImport !== 'move' || !mailbox.moveTo) return;
  const moved = await client.messageMove(String(uid), mailbox.moveTo, { uid: true }).catch(() => false);
  if (!moved)
    throw new ImapFailure(
      'folder',
      `Imported mail cannot be moved to "${mailbox.moveTo}". Create that folder in the mailbox or choose another.`,
    );
}

/**
 * One look at a workspace's mailbox: every message above the UID checkpoint is stored (store-first ingest,
 * which queues its processing), then the checkpoint moves past it, then it is flagged or moved. A crash after
 * the store re-reads that one message next time and the duplicate check ignores it; the checkpoint never
 * passes a message that is not stored, so nothing is missed. A new UIDVALIDITY (the server renumbered the
 * folder) reads the folder again from the start, relying on the same duplicate check.
 */
export async function pollImapMailbox(tenantId: string) {
  const mailbox = await readMailbox(tenantId);
  if (!mailbox) return { skipped: true as const };
  let client: ImapFlow | undefined;
  let imported = 0;
  let duplicates = 0;
  try {
    client = await openMailbox(mailbox);
    const folder = await openFolder(client, mailbox.folder);
    const uidValidity = Number(folder.uidValidity);
    let lastUid = mailbox.uidValidity === uidValidity ? mailbox.lastUid : 0;
    if (mailbox.uidValidity !== uidValidity) await update(mailbox, { uidValidity, lastUid });
    // "N:*" always matches the highest message, even below N: filter to what is really new.
    const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found
      .filter((uid) => uid > lastUid)
      .sort((a, b) => a - b)
      .slice(0, IMAP_POLL_BATCH);
    let tooLarge: number | undefined;
    for (const uid of uids) {
      // The size first, so a message too large to take is never downloaded.
      const head = await client.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
      const message =
        head && (head.size ?? 0) <= INBOUND_MAX_BYTES
          ? await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true })
          : head;
      if (message && message.source) {
        const stored = await storeInboundMessage(tenantId, message.source);
        if (stored.duplicate) duplicates++;
        else imported++;
      } else if (message) {
        // Left unflagged in the mailbox for a person to handle; the checkpoint moves on so the rest comes in.
        tooLarge = uid;
      }
      lastUid = uid;
      await update(mailbox, { lastUid });
      if (message && tooLarge !== uid) await markImported(client, mailbox, uid);
    }
    await update(mailbox, {
      lastPolledAt: new Date(),
      lastError: tooLarge
        ? `A message over ${INBOUND_MAX_BYTES / 1024 / 1024} MB (UID ${tooLarge}) was left unread in the mailbox.`
        : null,
    });
    return { imported, duplicates };
  } catch (error) {
    // Settings the admin can fix are shown on the mailbox card; anything else (the database) fails the job.
    if (!(error instanceof ImapFailure) && !(error instanceof AppError)) throw error;
    await update(mailbox, { lastPolledAt: new Date(), lastError: error.message });
    return { imported, duplicates, error: error.message };
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}
