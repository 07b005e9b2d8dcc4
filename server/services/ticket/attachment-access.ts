import { eq } from 'drizzle-orm';
import { attachments, ticketMessages, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';
import { getObject } from '@/server/storage/local-disk';
import type { TicketActor } from './actor';
import { customerReachesTicket } from './customer-reach';

/**
 * A file is served only to those who may see its message: any member of the workspace, or the
 * requesting customer for public replies of a ticket their session reaches. Files not yet attached are visible to
 * their uploader only.
 */
export async function readAttachment(scope: TenantScope, attachmentId: string, viewer: TicketActor) {
  const [row] = await scope.db
    .select({ attachment: attachments, messageKind: ticketMessages.kind, requesterId: tickets.requesterId })
    .from(attachments)
    .leftJoin(ticketMessages, eq(ticketMessages.id, attachments.messageId))
    .leftJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(eq(attachments.id, attachmentId));
  if (!row) throw notFound('The file');
  const { attachment } = row;
  let allowed = false;
  if (!attachment.messageId) {
    allowed =
      (viewer.type === 'agent' && attachment.uploadedByUserId === viewer.userId) ||
      (viewer.type === 'customer' && attachment.uploadedByCustomerId === viewer.customerId);
  } else if (viewer.type === 'agent') {
    allowed = true;
  } else if (viewer.type === 'customer') {
    // The same question the ticket page asks: a link session for one ticket gets that ticket's files only.
    allowed =
      row.messageKind === 'reply' &&
      customerReachesTicket(viewer, { id: attachment.ticketId, requesterId: row.requesterId });
  }
  if (!allowed) throw notFound('The file');
  return {
    filename: attachment.filename,
    contentType: attachment.contentType,
    bytes: await getObject(attachment.storageKey),
  };
}
