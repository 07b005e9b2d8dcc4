import { eq, inArray } from 'drizzle-orm';
import type { AddressObject, ParsedMail } from 'mailparser';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import type { InboundStatus } from '@/lib/constants/inbound';
import { outbox, ticketMails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { customerWritingIn, upsertCustomerByEmail } from '@/server/services/customer/customers';
import { defaultFromAddress, workspaceSender } from '@/server/services/notification/sender';
import type { TicketActor } from '@/server/services/ticket/actor';
import { addMessage } from '@/server/services/ticket/add-message';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { uploadAttachment } from '@/server/services/ticket/upload-attachment';
import { clearEmailBouncing, markEmailBouncing } from '@/server/services/customer/email-bouncing';
import { addCcParticipants } from './add-cc-participants';
import { stormLimitReason } from './storm-limit';
import {
  automaticMailReason,
  bouncedMessageId,
  deliveryStatusOf,
  isDeliveryReport,
  type MailHeaders,
} from './classify-mail';
import { findThread, ticketMailByMessageId } from './find-thread';
import type { ReceivedMail } from './inbound-batch';
import { displayText, safeBaseName, ticketSubject } from './mail-content';
import { messageIdsIn, readHeaderBlock } from './mail-headers';
import { senderVerdict, type AuthenticationSummary } from './sender-verdict';
import { replyTokenIn } from './thread-signals';

export type Decision = {
  status: Exclude<InboundStatus, 'pending'>;
  outcome: string;
  ticketId?: string | null;
  ticketMessageId?: string | null;
};

const addressObjects = (field: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.map((a) => ({ address: a.address?.toLowerCase() ?? '', name: a.name ?? '' })),
  );
const addressesOf = (field: AddressObject | AddressObject[] | undefined) => addressObjects(field).map((a) => a.address);

/**
 * Attachments through the same checks and storage as uploads, under the sender's name. One the checks refuse
 * (type, size, empty) is left out rather than losing the message; the mail itself keeps every byte.
 */
async function storeAttachments(scope: TenantScope, mail: ParsedMail, actor: TicketActor) {
  const ids: string[] = [];
  for (const attachment of mail.attachments) {
    if (ids.length >= ATTACHMENT_LIMITS.maxPerMessage) break;
    if (attachment.contentType.startsWith('message/') || attachment.contentType === 'text/rfc822-headers') continue;
    try {
      const stored = await uploadAttachment(scope, {
        filename: safeBaseName(attachment.filename),
        bytes: new Uint8Array(attachment.content),
        actor,
        // An inline image (cid:) keeps its Content-ID so the thread can show it where the mail placed it.
        contentId: attachment.cid ?? null,
      });
      ids.push(stored.id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'BAD_REQUEST')) throw error;
    }
  }
  return ids;
}

/** A delivery report: tied to the mail that bounced, shown on its ticket as that mail's failure. Never a ticket. */
async function recordBounce(scope: TenantScope, mail: ParsedMail, headers: MailHeaders): Promise<Decision> {
  const report = [
    mail.text ?? '',
    ...mail.attachments
      .filter((a) => a.contentType.startsWith('message/') || a.contentType === 'text/rfc822-headers')
      .map((a) => a.content.toString('utf8')),
  ].join('\n');
  const { status, permanent } = deliveryStatusOf(report);
  const bouncedId = bouncedMessageId(report, headers);
  const bounced = bouncedId ? await ticketMailByMessageId(scope, bouncedId) : null;
  const what = `Delivery failed${status ? ` (${status}${permanent ? ', permanent' : ''})` : ''}`;
  if (!bounced) return { status: 'bounce', outcome: `${what}; the bounced mail is not one of this workspace's.` };
  // A permanent failure of a mail to a customer: their address is marked bouncing (agents' alerts are not).
  if (permanent && bounced.audience === 'customer') await markEmailBouncing(scope, bounced.recipient, what);
  if (bounced.outboxId) {
    await scope.db
      .update(outbox)
      .set({ status: 'failed', lastError: `${what}: the recipient's server returned the mail.` })
      .where(eq(outbox.id, bounced.outboxId));
  }
  return { status: 'bounce', outcome: `${what} for ${bounced.recipient}.`, ticketId: bounced.ticketId };
}

/** What marks a batch's mail as our own coming back: never ingested. */
export type OwnMail = {
  /** The addresses Cairn sends this workspace's mail from. */
  addresses: ReadonlySet<string>;
  /** Which of the batch's Message-IDs are of mails Cairn sent for this workspace. */
  messageIds: ReadonlySet<string>;
};

/** A message's own Message-ID, as its header block gives it. */
export const messageIdOf = (raw: Uint8Array | Buffer) => messageIdsIn(readHeaderBlock(raw).get('message-id')?.[0])[0];

/**
 * Read once for a batch: the sending addresses, and the batch's Message-IDs found among the mails we sent
 * (one statement for the batch instead of one per message). Our mails are recorded by other transactions
 * (the notification consumers), never by a decision, so the batch's own decisions cannot change the answer.
 */
export async function ownMailOf(scope: TenantScope, messageIds: readonly string[]): Promise<OwnMail> {
  const own = await workspaceSender(scope);
  const sent = messageIds.length
    ? await scope.db
        .select({ messageId: ticketMails.messageId })
        .from(ticketMails)
        .where(inArray(ticketMails.messageId, [...new Set(messageIds)]))
    : [];
  return {
    addresses: new Set([own.from.address.toLowerCase(), defaultFromAddress().toLowerCase()]),
    messageIds: new Set(sent.map((r) => r.messageId)),
  };
}

/** Where the message goes, and the change it makes: in one transaction with the inbound row's new status. */
export async function decideInboundMessage(
  scope: TenantScope,
  stored: ReceivedMail,
  mail: ParsedMail,
  auth: AuthenticationSummary | null,
  own: OwnMail,
): Promise<Decision> {
  const raw = stored.raw;
  const headers = readHeaderBlock(raw);
  const from = mail.from?.value[0];
  const sender = from?.address?.trim().toLowerCase();

  // Our own mail coming back (a loop through a forwarder, or our Message-ID): never ingested.
  const messageId = messageIdsIn(headers.get('message-id')?.[0])[0];
  if (sender && own.addresses.has(sender)) return { status: 'ignored', outcome: 'Sent from our own address.' };
  if (messageId && own.messageIds.has(messageId))
    return { status: 'ignored', outcome: 'Carries one of our own Message-IDs.' };

  if (isDeliveryReport(headers)) return recordBounce(scope, mail, headers);
  if (!sender) return { status: 'failed', outcome: 'The message has no From address; nobody to answer.' };
  const storm = await stormLimitReason(scope, sender, stored.id);
  if (storm) return { status: 'ignored', outcome: storm };

  const thread = await findThread(scope, {
    replyToken: replyTokenIn([
      ...addressesOf(mail.to),
      ...addressesOf(mail.cc),
      ...(headers.get('delivered-to') ?? []),
      ...(headers.get('x-original-to') ?? []),
    ]),
    referencedIds: [...messageIdsIn(headers.get('in-reply-to')?.[0]), ...messageIdsIn(headers.get('references')?.[0])],
    subject: mail.subject ?? '',
    sender,
  });

  const automatic = automaticMailReason(headers);
  if (automatic)
    return {
      status: 'ignored',
      outcome: `Automatic mail (${automatic}): recorded, not answered.`,
      ticketId: thread?.ticketId,
    };
  // A message an admin released from quarantine is trusted: it is not held again.
  const verdict = stored.released ? { quarantine: false, reason: null } : senderVerdict(auth);
  if (verdict.quarantine) return { status: 'quarantined', outcome: verdict.reason!, ticketId: thread?.ticketId };

  const body = displayText({ text: mail.text, html: mail.html }) || '(no text)';
  if (thread) {
    // The address works again: mail to it resumes.
    await clearEmailBouncing(scope, sender);
    const ticket = await loadTicketForUpdate(scope, thread.ticketId);
    // chooseThread matched the sender to the requester or a CC participant: the reply is theirs, nobody else's.
    const author =
      sender === thread.requesterEmail.toLowerCase()
        ? ticket.requesterId
        : (await upsertCustomerByEmail(scope, { email: sender })).id;
    const actor: TicketActor = { type: 'customer', customerId: author };
    const attachmentIds = await storeAttachments(scope, mail, actor);
    const added = await addMessage(scope, ticket, actor, { kind: 'reply', body, attachmentIds });
    return { status: 'processed', outcome: 'appended', ticketId: ticket.id, ticketMessageId: added.messageId };
  }
  // Found or created, and its bouncing mark cleared, in one statement.
  const customerId = await customerWritingIn(scope, { email: sender, name: from?.name?.slice(0, 200) || undefined });
  const actor: TicketActor = { type: 'customer', customerId };
  const attachmentIds = await storeAttachments(scope, mail, actor);
  const ticket = await createTicket(scope, {
    requesterId: customerId,
    subject: ticketSubject(mail.subject),
    body,
    channel: 'email',
    attachmentIds,
    actor,
  });
  await addCcParticipants(scope, { id: ticket.id, requesterEmail: sender }, addressObjects(mail.cc), own.addresses);
  return { status: 'processed', outcome: 'new_ticket', ticketId: ticket.id, ticketMessageId: ticket.firstMessageId };
}
