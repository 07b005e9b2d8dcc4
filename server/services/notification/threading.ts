import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MailAudience } from '@/lib/constants/notification';
import { ticketMails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/** Root plus the latest ones: long threads keep headers short, and clients only need the root and parent. */
export const MAX_REFERENCES = 10;

/** Derived from the outbox row (the idempotency key): a retry of the row sends the very same Message-ID. */
export function messageIdFor(outboxId: string, domain: string) {
  return `<${outboxId}@${domain}>`;
}

export const threadKey = (audience: MailAudience, recipient: string) => `${audience}|${recipient}`;

/**
 * In-Reply-To and References for the next mail of a ticket to each mailbox, in one read (a new ticket
 * alerts a whole team). Each mailbox threads on the mails it actually received: the customer never sees
 * agent alerts, and agent A never sees agent B's.
 */
export async function threadHeadersFor(
  scope: TenantScope,
  ticketId: string,
  mailboxes: Array<{ audience: MailAudience; recipient: string }>,
) {
  const headers = new Map<string, { inReplyTo?: string; references?: string[] }>();
  if (!mailboxes.length) return headers;
  const previous = await scope.db
    .select({ messageId: ticketMails.messageId, audience: ticketMails.audience, recipient: ticketMails.recipient })
    .from(ticketMails)
    .where(
      and(
        eq(ticketMails.ticketId, ticketId),
        inArray(ticketMails.recipient, [...new Set(mailboxes.map((m) => m.recipient))]),
      ),
    )
    .orderBy(asc(ticketMails.createdAt), asc(ticketMails.id));
  const byMailbox = new Map<string, string[]>();
  for (const p of previous)
    byMailbox.set(threadKey(p.audience, p.recipient), [
      ...(byMailbox.get(threadKey(p.audience, p.recipient)) ?? []),
      p.messageId,
    ]);
  for (const { audience, recipient } of mailboxes) {
    const ids = byMailbox.get(threadKey(audience, recipient));
    if (!ids?.length) continue;
    const references = ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))];
    headers.set(threadKey(audience, recipient), { inReplyTo: ids.at(-1), references });
  }
  return headers;
}
