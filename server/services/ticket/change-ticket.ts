import { eq } from 'drizzle-orm';
import type { TicketStatus } from '@/lib/constants/ticket';
import { STATUS_LABELS } from '@/lib/constants/ticket';
import { canTransition } from '@/lib/utils/ticket-lifecycle';
import { tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { publishLive } from '@/server/live/publish';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';
import { diffFields, recordActivity } from './activity';
import type { TicketActor } from './actor';
import { recordChangeEvents } from './change-events';
import type { TicketRecord } from './load-ticket';

export type TicketChanges = Partial<
  Pick<
    TicketRecord,
    'status' | 'priority' | 'type' | 'categoryId' | 'assigneeId' | 'teamId' | 'tags' | 'subject' | 'customFields'
  >
>;

export function assertTransition(from: TicketStatus, to: TicketStatus) {
  if (to === 'merged')
    throw new AppError('BAD_REQUEST', 'A ticket becomes merged only by merging it into another ticket.');
  if (!canTransition(from, to)) {
    const label = STATUS_LABELS[from].toLowerCase();
    throw new AppError(
      'PRECONDITION_FAILED',
      `${/^[aeiou]/.test(label) ? 'An' : 'A'} ${label} ticket cannot be set to ${STATUS_LABELS[to].toLowerCase()}.`,
      { field: 'status' },
    );
  }
}

const SLA_INPUTS = ['status', 'priority', 'categoryId', 'tags', 'channel'];

/** Timestamps that follow a status: solved and closed times are set when reached and cleared on reopening. */
function statusTimestamps(from: TicketStatus, to: TicketStatus, now: Date) {
  if (from === to) return {};
  return {
    solvedAt: to === 'solved' ? now : to === 'closed' ? undefined : null,
    closedAt: to === 'closed' ? now : null,
  };
}

/**
 * The one way a ticket's fields change: checks the status move, writes the row, records what changed
 * from what to what (activity and domain events: mails are the events' consumers' work), and tells live
 * listeners. Returns the changes that actually happened.
 */
export async function applyTicketChanges(
  scope: TenantScope,
  ticket: TicketRecord,
  changes: TicketChanges,
  actor: TicketActor,
  options: { action?: string; reason?: string | null; touch?: boolean } = {},
) {
  if (changes.status && changes.status !== ticket.status) assertTransition(ticket.status, changes.status);
  const diff = diffFields(ticket as unknown as Record<string, unknown>, changes as Record<string, unknown>);
  if (!Object.keys(diff).length && !options.touch) return { ticket, diff };
  const now = new Date();
  const timestamps = changes.status ? statusTimestamps(ticket.status, changes.status, now) : {};
  const [updated] = await scope.db
    .update(tickets)
    .set({ ...changes, ...timestamps, updatedAt: now })
    .where(eq(tickets.id, ticket.id))
    .returning();
  if (Object.keys(diff).length) {
    await recordActivity(scope, {
      ticketId: ticket.id,
      actor,
      action: options.action ?? 'updated',
      changes: diff,
      reason: options.reason,
      at: now,
    });
    await recordChangeEvents(scope, ticket.id, diff, actor);
  }
  // A message (touch), a status, priority, category or tags can move an SLA clock or change the policy.
  if (options.touch || SLA_INPUTS.some((field) => field in diff)) await recomputeTicketSla(scope, ticket.id);
  await publishLive(scope, 'ticket.updated', ticket.id);
  return { ticket: updated!, diff };
}
