import { asc, eq, inArray } from 'drizzle-orm';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { attachments, ticketMessages, tickets } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { AppError, notFound } from '@/server/errors';
import { commitTicketChange } from './commit-ticket-change';
import { getTicketSettings } from './settings';

/**
 * Moves the source's messages and files into the target and ends the source as merged, with a link.
 * Both rows are locked in id order so two merges that cross can't deadlock.
 */
export async function mergeTickets(
  scope: StaffScope,
  input: { sourceTicketId: string; targetTicketId: string; note?: string },
) {
  if (input.sourceTicketId === input.targetTicketId)
    throw new AppError('BAD_REQUEST', 'Choose a different ticket to merge into.');
  const rows = await scope.db
    .select()
    .from(tickets)
    .where(inArray(tickets.id, [input.sourceTicketId, input.targetTicketId]))
    .orderBy(asc(tickets.id))
    .for('update');
  const source = rows.find((t) => t.id === input.sourceTicketId);
  const target = rows.find((t) => t.id === input.targetTicketId);
  if (!source || !target) throw notFound('The ticket');
  if (source.status === 'merged') throw new AppError('PRECONDITION_FAILED', 'This ticket was already merged.');
  if (target.status === 'merged' || target.status === 'closed')
    throw new AppError('PRECONDITION_FAILED', 'You can only merge into a ticket that is not closed or merged.');
  const settings = await getTicketSettings(scope);
  const sourceNumber = formatTicketNumber(settings, source.number, source.createdAt);
  const targetNumber = formatTicketNumber(settings, target.number, target.createdAt);
  const actor = { type: 'agent' as const, userId: scope.actor.userId };
  const now = new Date();

  const moved = await scope.db
    .update(ticketMessages)
    .set({ ticketId: target.id })
    .where(eq(ticketMessages.ticketId, source.id))
    .returning({ id: ticketMessages.id });
  await scope.db.update(attachments).set({ ticketId: target.id }).where(eq(attachments.ticketId, source.id));
  await scope.db.insert(ticketMessages).values([
    {
      tenantId: scope.tenantId,
      ticketId: target.id,
      kind: 'system',
      authorType: 'system',
      body: `${sourceNumber} "${source.subject}" was merged into this ticket.${input.note ? ` ${input.note}` : ''}`,
      createdAt: now,
    },
    {
      tenantId: scope.tenantId,
      ticketId: source.id,
      kind: 'system',
      authorType: 'system',
      body: `Merged into ${targetNumber}.`,
      createdAt: now,
    },
  ]);
  // Two changes, one per ticket: the source's clocks stop with it (and it raises `ticket.merged`); the
  // target gained messages (and tags) that can move its clocks.
  const context = { actor, channel: 'agent' as const, reason: input.note };
  await commitTicketChange(
    scope,
    source,
    {},
    {
      ...context,
      action: 'merged',
      merge: { intoId: target.id, movedMessages: moved.length },
    },
  );
  await commitTicketChange(
    scope,
    target,
    { tags: [...new Set([...target.tags, ...source.tags])] },
    {
      ...context,
      action: 'merged_in',
      merge: { fromId: source.id, addedMessages: moved.length + 1 },
    },
  );
  return { targetTicketId: target.id, movedMessages: moved.length };
}
