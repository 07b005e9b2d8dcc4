import { sql } from 'drizzle-orm';
import { ticketActivities, type ActivityChanges } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { actorColumns, type TicketActor } from './actor';

/**
 * One entry in a ticket's log. The log is the status history the SLA clocks are computed from, so its order
 * must be the order the changes happened in:
 * - `at` is the moment of the change on the same clock as the ticket's and messages' times (the app's), not
 *   the column default now(), which is the start of the transaction: several changes in one transaction
 *   (the demo seed, a rule acting on a new ticket) would all share that instant, sort by their random ids
 *   and pause or resume a clock at random;
 * - the entry is placed at least 1 ms after the ticket's previous one (the ticket row is locked by the
 *   caller, so entries of one ticket are written one at a time), so two changes within the same
 *   millisecond still read back in the order they were made.
 */
export async function recordActivity(scope: TenantScope, input: ActivityInput) {
  await activityInsert(scope, input);
}

type ActivityInput = {
  ticketId: string;
  actor: TicketActor;
  action: string;
  changes?: ActivityChanges;
  reason?: string | null;
  at?: Date;
};

/** The INSERT of recordActivity, unsent: the committer sends it in one statement with the change's events. */
export function activityInsert(scope: TenantScope, input: ActivityInput) {
  const at = (input.at ?? new Date()).toISOString();
  return scope.db.insert(ticketActivities).values({
    tenantId: scope.tenantId,
    ticketId: input.ticketId,
    ...actorColumns(input.actor),
    action: input.action,
    changes: input.changes ?? {},
    reason: input.reason ?? null,
    createdAt: sql`greatest(${at}::timestamptz, (select max(previous.created_at) + interval '1 millisecond' from ticket_activities previous where previous.ticket_id = ${input.ticketId}))`,
  });
}
