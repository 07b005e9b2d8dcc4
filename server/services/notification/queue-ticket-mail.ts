import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { MailAudience, TicketMailKind } from '@/lib/constants/notification';
import type { RenderedEmail } from '@/emails/layout';
import { ticketMails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { OutgoingMail } from '@/server/email/transport';
import { addToOutbox } from '@/server/services/outbox/add-to-outbox';
import { replyToAddress } from './reply-token';
import type { WorkspaceSender } from './sender';
import { messageIdFor, threadHeaders } from './threading';

export type TicketMail = {
  kind: TicketMailKind;
  audience: MailAudience;
  to: { email: string; name: string };
  rendered: RenderedEmail;
  /** The reply or note the mail is about, so a failure shows on that message. */
  ticketMessageId?: string | null;
  /**
   * RFC 3834: mails no person wrote carry Auto-Submitted, so auto-responders do not answer them (no mail
   * loops with a customer's vacation reply). An agent's reply relayed to the customer is written by a person.
   */
  autoSubmitted: 'auto-generated' | 'auto-replied' | null;
};

/** One notification mail: an outbox row (same transaction as the change) plus its place in the ticket's thread. */
export async function queueTicketMail(scope: TenantScope, thread: { ticketId: string; sender: WorkspaceSender; replyToken: string }, mail: TicketMail) {
  const outboxId = randomUUID();
  const messageId = messageIdFor(outboxId, thread.sender.domain);
  const headers: Record<string, string> = {};
  if (mail.autoSubmitted) {
    headers['Auto-Submitted'] = mail.autoSubmitted;
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const payload: OutgoingMail = {
    to: mail.to.email,
    toName: mail.to.name || undefined,
    ...mail.rendered,
    from: thread.sender.from,
    replyTo: replyToAddress(thread.sender.from.address, thread.replyToken),
    messageId,
    ...(await threadHeaders(scope, thread.ticketId, mail.audience, mail.to.email)),
    headers,
  };
  await addToOutbox(scope, 'email', payload, { id: outboxId });
  await scope.db.insert(ticketMails).values({
    tenantId: scope.tenantId,
    ticketId: thread.ticketId,
    ticketMessageId: mail.ticketMessageId ?? null,
    outboxId,
    kind: mail.kind,
    audience: mail.audience,
    recipient: mail.to.email,
    messageId,
    // clock_timestamp, not now(): several mails queued in one transaction keep their order in the thread.
    createdAt: sql`clock_timestamp()`,
  });
  return { outboxId, messageId };
}
