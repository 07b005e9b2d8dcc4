import { and, eq, inArray, isNull } from 'drizzle-orm';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { attachments } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { TicketActor } from './actor';

/** Attaches uploaded files to a message. Only the uploader's own, still unattached files qualify. */
export async function linkAttachments(
  scope: TenantScope,
  input: { attachmentIds: string[]; ticketId: string; messageId: string; actor: TicketActor },
) {
  const ids = [...new Set(input.attachmentIds)];
  if (!ids.length) return [];
  if (ids.length > ATTACHMENT_LIMITS.maxPerMessage)
    throw new AppError('BAD_REQUEST', `Attach at most ${ATTACHMENT_LIMITS.maxPerMessage} files per message.`);
  const owner =
    input.actor.type === 'agent'
      ? eq(attachments.uploadedByUserId, input.actor.userId)
      : input.actor.type === 'customer'
        ? eq(attachments.uploadedByCustomerId, input.actor.customerId)
        : undefined;
  const linked = await scope.db
    .update(attachments)
    .set({ ticketId: input.ticketId, messageId: input.messageId })
    .where(and(inArray(attachments.id, ids), isNull(attachments.messageId), owner))
    .returning({ id: attachments.id });
  if (linked.length !== ids.length) {
    throw new AppError('BAD_REQUEST', 'One of the attached files is no longer available. Upload it again.', {
      field: 'attachmentIds',
    });
  }
  return linked;
}
