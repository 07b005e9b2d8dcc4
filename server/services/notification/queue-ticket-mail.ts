import { sql } from 'drizzle-orm';
import type { MailAudience, TicketMailKind } from '@/lib/constants/notification';
import type { RenderedEmail } from '@/emails/layout';
import { ticketMails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { OutgoingMail } from '@/server/email/transport';
import { addManyToOutbox } from '@/server/services/outbox/add-to-outbox';
import { notificationMailId } from './mail-id';
import { replyToAddress } from './reply-token';
import type { WorkspaceSender } from './sender';
import { messageIdFor, threadHeadersFor, threadKey } from './threading';

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

/**
 * Notification mails of one ticket event: an outbox row each (same transaction as the event's dispatch)
 * plus each one's place in its recipient's thread. Three statements whatever the number of recipients.
 * Each row's id derives from (event, kind, recipient), so running the same event again queues nothing new.
 */
export async function queueTicketMails(
  scope: TenantScope,
  thread: { ticketId: string; eventId: string; sender: WorkspaceSender; replyToken: string },
  mails: TicketMail[],
) {
  if (!mails.length) return [];
  const threads = await threadHeadersFor(
    scope,
    thread.ticketId,
    mails.map((m) => ({ audience: m.audience, recipient: m.to.email })),
  );
  const prepared = mails.map((mail) => {
    const outboxId = notificationMailId(thread.eventId, mail.kind, mail.to.email);
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
      ...(threads.get(threadKey(mail.audience, mail.to.email)) ?? {}),
      headers,
    };
    return { mail, outboxId, messageId, payload };
  });
  const inserted = new Set(
    await addManyToOutbox(
      scope,
      'email',
      prepared.map((p) => ({ id: p.outboxId, payload: p.payload })),
    ),
  );
  const fresh = prepared.filter((p) => inserted.has(p.outboxId));
  if (!fresh.length) return [];
  await scope.db.insert(ticketMails).values(
    fresh.map(({ mail, outboxId, messageId }) => ({
      tenantId: scope.tenantId,
      ticketId: thread.ticketId,
      ticketMessageId: mail.ticketMessageId ?? null,
      outboxId,
      kind: mail.kind,
      audience: mail.audience,
      recipient: mail.to.email,
      messageId,
      // clock_timestamp, not now(): mails queued in one transaction keep their order in the thread.
      createdAt: sql`clock_timestamp()`,
    })),
  );
  return fresh.map(({ outboxId, messageId }) => ({ outboxId, messageId }));
}
