import { and, desc, eq } from 'drizzle-orm';
import { INBOUND_REVIEW_LIMIT, type InboundReviewView } from '@/lib/constants/inbound';
import { inboundMessages, tickets } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';

const STATUS_OF_VIEW = { unprocessed: 'failed', quarantined: 'quarantined' } as const;

/**
 * The newest 50 received messages with what became of them, or only the unprocessed or quarantined ones the
 * admin has to decide on. Never the raw bytes: the list is headers and outcomes.
 */
export async function listInboundMessages(scope: StaffScope, input: { view: InboundReviewView }) {
  const status = input.view === 'recent' ? undefined : STATUS_OF_VIEW[input.view];
  return scope.db
    .select({
      id: inboundMessages.id,
      receivedAt: inboundMessages.receivedAt,
      sender: inboundMessages.sender,
      subject: inboundMessages.subject,
      status: inboundMessages.status,
      outcome: inboundMessages.outcome,
      ticketId: inboundMessages.ticketId,
      ticketNumber: tickets.number,
      releasedAt: inboundMessages.releasedAt,
    })
    .from(inboundMessages)
    .leftJoin(tickets, eq(tickets.id, inboundMessages.ticketId))
    .where(and(eq(inboundMessages.tenantId, scope.tenantId), status ? eq(inboundMessages.status, status) : undefined))
    .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
    .limit(INBOUND_REVIEW_LIMIT);
}
