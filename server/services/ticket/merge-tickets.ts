import { asc, eq, inArray, sql } from 'drizzle-orm';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { attachments, ticketMessages, tickets } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { AppError, notFound } from '@/server/errors';
import { publishLive } from '@/server/live/publish';
import { recordEvent } from '@/server/services/outbox/record-event';
import { recordActivity } from './activity';
import { getTicketSettings } from './settings';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';

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
  await scope.db
    .update(tickets)
    .set({
      messageCount: sql`${tickets.messageCount} + ${moved.length + 1}`,
      tags: [...new Set([...target.tags, ...source.tags])],
      updatedAt: now,
    })
    .where(eq(tickets.id, target.id));
  await scope.db
    .update(tickets)
    .set({ status: 'merged', mergedIntoId: target.id, messageCount: 1, updatedAt: now, closedAt: now })
    .where(eq(tickets.id, source.id));
  await recordActivity(scope, {
    ticketId: source.id,
    actor,
    action: 'merged',
    changes: { status: { from: source.status, to: 'merged' }, mergedIntoId: { from: null, to: target.id } },
    reason: input.note,
  });
  await recordActivity(scope, {
    ticketId: target.id,
    actor,
    action: 'merged_in',
    changes: { mergedFrom: { from: null, to: source.id } },
    reason: input.note,
  });
  // The source's clocks stop with it; the target gained messages (and tags) that can move its clocks.
  await recomputeTicketSla(scope, source.id);
  await recomputeTicketSla(scope, target.id);
  await recordEvent(scope, 'ticket.merged', {
    ticketId: source.id,
    mergedIntoId: target.id,
    movedMessages: moved.length,
    actorType: 'agent',
    actorId: scope.actor.userId,
  });
  await publishLive(scope, 'ticket.updated', source.id);
  await publishLive(scope, 'ticket.updated', target.id);
  return { targetTicketId: target.id, movedMessages: moved.length };
}
