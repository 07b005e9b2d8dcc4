import type { DomainEvent } from '@/server/services/outbox/domain-event';
import type { TenantScope } from '@/server/db/tenant';
import { assignByPolicy } from './assign-by-policy';

/**
 * The events that put an unassigned ticket in front of a team: its creation, and a move to another team
 * (a `ticket.assigned` that names a team). The assignment's own event names only the assignee, so it never
 * sets this off again. Manual teams and assigned tickets are passed by inside assignByPolicy.
 */
export async function assignOnEvent(scope: TenantScope, event: DomainEvent) {
  if (event.type === 'ticket.assigned' && !event.data.team) return null;
  return assignByPolicy(scope, event.data.ticketId);
}
