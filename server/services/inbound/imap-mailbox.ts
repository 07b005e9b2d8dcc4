import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { saveImapMailboxInput } from '@/lib/validators/inbound';
import { imapMailboxes } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { encryptMailboxPassword } from './mailbox-password';

/** What the admin card shows: the settings and how the last poll went; never the password. */
export async function getImapMailbox(scope: StaffScope) {
  const [row] = await scope.db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, scope.tenantId));
  if (!row) return { configured: false as const };
  return {
    configured: true as const,
    host: row.host,
    port: row.port,
    tls: row.tls,
    username: row.username,
    folder: row.folder,
    afterImport: row.afterImport,
    moveTo: row.moveTo,
    lastPolledAt: row.lastPolledAt,
    lastError: row.lastError,
  };
}

/**
 * Saves the mailbox. An empty password keeps the saved one. Another server, user or folder is another
 * mailbox, so its UID checkpoint starts over (the duplicate check recognises mail already imported).
 */
export async function saveImapMailbox(scope: StaffScope, input: z.output<typeof saveImapMailboxInput>) {
  const [saved] = await scope.db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, scope.tenantId));
  // A kept password goes only to the server, user and TLS setting it was saved for: otherwise whoever can edit
  // the settings could send it to a host of their choosing, or in clear text.
  const sameServer =
    saved &&
    saved.host === input.host &&
    saved.port === input.port &&
    saved.username === input.username &&
    (saved.tls || !input.tls);
  if (!input.password && saved && !sameServer)
    throw new AppError(
      'BAD_REQUEST',
      'Enter the password again: a saved password is only sent to the server, user and TLS setting it was saved for.',
    );
  const password = input.password ? encryptMailboxPassword(scope.tenantId, input.password) : saved?.passwordEncrypted;
  if (!password)
    throw new AppError('BAD_REQUEST', 'Enter the mailbox password (an app password for Gmail or Microsoft).');
  const sameMailbox = sameServer && saved.folder === input.folder;
  const values = {
    host: input.host,
    port: input.port,
    tls: input.tls,
    username: input.username,
    passwordEncrypted: password,
    folder: input.folder,
    afterImport: input.afterImport,
    moveTo: input.afterImport === 'move' ? input.moveTo || null : null,
    ...(sameMailbox ? {} : { uidValidity: null, lastUid: 0, lastError: null }),
    updatedAt: sql`now()`,
  };
  await scope.db
    .insert(imapMailboxes)
    .values({ tenantId: scope.tenantId, ...values })
    .onConflictDoUpdate({ target: imapMailboxes.tenantId, set: values });
  return getImapMailbox(scope);
}

/** Stops reading the mailbox; mail already imported stays. */
export async function deleteImapMailbox(scope: StaffScope) {
  await scope.db.delete(imapMailboxes).where(eq(imapMailboxes.tenantId, scope.tenantId));
  return { configured: false as const };
}
