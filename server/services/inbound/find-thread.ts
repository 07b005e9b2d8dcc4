import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import {
  customers,
  inboundMessages,
  ticketMailThreads,
  ticketMails,
  ticketParticipants,
  tickets,
} from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { getTicketSettings } from '@/server/services/ticket/settings';
import { chooseThread, ticketNumberInSubject, type ThreadCandidate, type ThreadSignal } from './thread-signals';

async function candidate(scope: TenantScope, ticketId: string | undefined, via: ThreadSignal) {
  if (!ticketId) return null;
  const [row] = await scope.db
    .select({ ticketId: tickets.id, requesterEmail: customers.email, status: tickets.status })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.requesterId))
    .where(eq(tickets.id, ticketId));
  if (!row) return null;
  const participants = await scope.db
    .select({ email: customers.email })
    .from(ticketParticipants)
    .innerJoin(customers, eq(customers.id, ticketParticipants.customerId))
    .where(eq(ticketParticipants.ticketId, ticketId));
  return { ...row, participantEmails: participants.map((p) => p.email), via } satisfies ThreadCandidate;
}

export type ThreadQuery = { replyToken: string | null; referencedIds: string[]; subject: string; sender: string };

/**
 * The ticket of this workspace a message continues, or null. Every look-up runs inside the tenant scope, so a
 * reply token or Message-ID of another workspace finds nothing here (RLS), and a tampered token matches no row.
 */
export async function findThread(scope: TenantScope, query: ThreadQuery): Promise<ThreadCandidate | null> {
  const byToken = query.replyToken
    ? (
        await scope.db
          .select({ ticketId: ticketMailThreads.ticketId })
          .from(ticketMailThreads)
          .where(eq(ticketMailThreads.replyToken, query.replyToken))
      )[0]?.ticketId
    : undefined;

  let byReference: string | undefined;
  if (query.referencedIds.length) {
    const ids = query.referencedIds.slice(-50);
    const [sent] = await scope.db
      .select({ ticketId: ticketMails.ticketId })
      .from(ticketMails)
      .where(inArray(ticketMails.messageId, ids))
      .orderBy(desc(ticketMails.createdAt))
      .limit(1);
    byReference = sent?.ticketId;
    if (!byReference) {
      const [received] = await scope.db
        .select({ ticketId: inboundMessages.ticketId })
        .from(inboundMessages)
        .where(and(inArray(inboundMessages.messageId, ids), isNotNull(inboundMessages.ticketId)))
        .orderBy(desc(inboundMessages.receivedAt))
        .limit(1);
      byReference = received?.ticketId ?? undefined;
    }
  }

  // Every number format has digits: a subject without any names no ticket, and the settings stay unread.
  const number = /\d/.test(query.subject) ? ticketNumberInSubject(query.subject, await getTicketSettings(scope)) : null;
  const bySubject = number
    ? (await scope.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.number, number)))[0]?.id
    : undefined;

  return chooseThread(
    [
      await candidate(scope, byToken, 'reply_token'),
      await candidate(scope, byReference, 'references'),
      await candidate(scope, bySubject, 'subject'),
    ],
    query.sender,
  );
}

/** The ticket a Message-ID of ours belongs to (a bounce names the mail that bounced). */
export async function ticketMailByMessageId(scope: TenantScope, messageId: string) {
  const [row] = await scope.db
    .select({
      ticketId: ticketMails.ticketId,
      outboxId: ticketMails.outboxId,
      recipient: ticketMails.recipient,
      audience: ticketMails.audience,
    })
    .from(ticketMails)
    .where(eq(ticketMails.messageId, messageId));
  return row ?? null;
}
