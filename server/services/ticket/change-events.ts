import type { ActivityChanges } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import type { TicketActor } from './actor';

const by = (actor: TicketActor) => ({
  actorType: actor.type,
  actorId: actor.type === 'agent' ? actor.userId : actor.type === 'customer' ? actor.customerId : null,
});

/**
 * The domain events a ticket change raises, from the same diff the activity log records: a status move,
 * a new assignee or team, a new priority. Fields without an event (tags, subject…) raise none.
 */
export async function recordChangeEvents(
  scope: TenantScope,
  ticketId: string,
  diff: ActivityChanges,
  actor: TicketActor,
) {
  if (diff.status)
    await recordEvent(scope, 'ticket.status_changed', {
      ticketId,
      from: diff.status.from,
      to: diff.status.to,
      ...by(actor),
    });
  if (diff.assigneeId || diff.teamId) {
    await recordEvent(scope, 'ticket.assigned', {
      ticketId,
      ...(diff.assigneeId ? { assignee: diff.assigneeId } : {}),
      ...(diff.teamId ? { team: diff.teamId } : {}),
      ...by(actor),
    });
  }
  if (diff.priority)
    await recordEvent(scope, 'ticket.priority_changed', {
      ticketId,
      from: diff.priority.from,
      to: diff.priority.to,
      ...by(actor),
    });
}
