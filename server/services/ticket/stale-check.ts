import { and, eq, gt } from 'drizzle-orm';
import { STATUS_LABELS, type TicketStatus } from '@/lib/constants/ticket';
import { customers, ticketActivities, ticketMessages, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { TicketRecord } from './load-ticket';
import { messagesWithAuthors } from './thread-queries';

function describeChange(field: string, change: { from: unknown; to: unknown }) {
  if (field === 'status')
    return `status changed from ${STATUS_LABELS[change.from as TicketStatus] ?? change.from} to ${STATUS_LABELS[change.to as TicketStatus] ?? change.to}`;
  if (field === 'assigneeId') return change.to ? 'the ticket was reassigned' : 'the ticket was unassigned';
  return `${field.replace(/Id$/, '')} changed`;
}

/**
 * Help Scout's "traffic cop": a reply written against an older view of the ticket is refused, saying what
 * happened since, until the agent confirms. The lock taken on the ticket makes this check race-free.
 */
export async function assertNotStale(
  scope: TenantScope,
  ticket: TicketRecord,
  seenUpdatedAt: Date | undefined,
  confirmed: boolean,
) {
  if (!seenUpdatedAt || confirmed || ticket.updatedAt.getTime() <= seenUpdatedAt.getTime()) return;
  const messages = await messagesWithAuthors(scope, {
    kind: ticketMessages.kind,
    authorType: ticketMessages.authorType,
    agentName: users.name,
    customerName: customers.name,
  })
    .where(and(eq(ticketMessages.ticketId, ticket.id), gt(ticketMessages.createdAt, seenUpdatedAt)))
    // An internal note written by the desk itself (knowledge-base suggestions, a rule's note) tells the agent
    // nothing that makes their reply wrong: it does not stop a reply, or every new ticket's first reply would be.
    .then((rows) => rows.filter((m) => !(m.kind === 'note' && m.authorType === 'system')));
  const activities = await scope.db
    .select({ changes: ticketActivities.changes, actorName: users.name })
    .from(ticketActivities)
    .leftJoin(users, eq(users.id, ticketActivities.actorUserId))
    .where(and(eq(ticketActivities.ticketId, ticket.id), gt(ticketActivities.createdAt, seenUpdatedAt)));
  if (!messages.length && !activities.length) return;
  const lines = [
    ...messages.map(
      (m) =>
        `${m.agentName || m.customerName || 'Someone'} ${m.kind === 'note' ? 'added an internal note' : 'replied'}`,
    ),
    ...activities.flatMap((a) =>
      Object.entries(a.changes).map(
        ([field, change]) => `${a.actorName || 'Someone'}: ${describeChange(field, change)}`,
      ),
    ),
  ];
  const unique = [...new Set(lines)];
  throw new AppError(
    'CONFLICT',
    `This ticket changed after you opened it${unique.length ? `: ${unique.join('; ')}` : ''}. Review the changes, or send anyway.`,
    { field: 'stale', changes: unique },
  );
}
