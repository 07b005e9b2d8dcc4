import { and, asc, eq } from 'drizzle-orm';
import type { MailAudience } from '@/lib/constants/notification';
import { ticketMails } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/** Root plus the latest ones: long threads keep headers short, and clients only need the root and parent. */
export const MAX_REFERENCES = 10;

/** Derived from the outbox row (the idempotency key): a retry of the row sends the very same Message-ID. */
export function messageIdFor(outboxId: string, domain: string) {
  return `<${outboxId}@${domain}>`;
}

/**
 * In-Reply-To and References for the next mail of a ticket to one recipient. Each mailbox threads on the
 * mails it actually received: the customer never sees agent alerts, and agent A never sees agent B's.
 */
export async function threadHeaders(scope: TenantScope, ticketId: string, audience: MailAudience, recipient: string): Promise<{ inReplyTo?: string; references?: string[] }> {
  const previous = await scope.db
    .select({ messageId: ticketMails.messageId })
    .from(ticketMails)
    .where(and(eq(ticketMails.ticketId, ticketId), eq(ticketMails.audience, audience), eq(ticketMails.recipient, recipient)))
    .orderBy(asc(ticketMails.createdAt), asc(ticketMails.id));
  if (!previous.length) return {};
  const ids = previous.map((p) => p.messageId);
  const references = ids.length <= MAX_REFERENCES ? ids : [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))];
  return { inReplyTo: ids.at(-1), references };
}
