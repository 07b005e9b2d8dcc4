import { eq, inArray } from 'drizzle-orm';
import type { RuleTicket } from '@/lib/automation';
import { customers, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/** The columns a rule reads, with the requester's email and organisation: one statement. */
export const ruleTicketColumns = {
  id: tickets.id,
  status: tickets.status,
  priority: tickets.priority,
  type: tickets.type,
  channel: tickets.channel,
  categoryId: tickets.categoryId,
  teamId: tickets.teamId,
  assigneeId: tickets.assigneeId,
  tags: tickets.tags,
  customFields: tickets.customFields,
  subject: tickets.subject,
  requesterEmail: customers.email,
  organizationId: customers.organizationId,
};

export function ruleTicketQuery(scope: TenantScope) {
  return scope.db.select(ruleTicketColumns).from(tickets).innerJoin(customers, eq(customers.id, tickets.requesterId));
}

/** The ticket as rules see it, or null when it is gone (deleted with its customer, say). */
export async function loadRuleTicket(scope: TenantScope, ticketId: string): Promise<RuleTicket | null> {
  const [row] = await ruleTicketQuery(scope).where(eq(tickets.id, ticketId));
  return row ?? null;
}

/** Several tickets as rules see them, by id, in one statement: a dispatch batch's snapshot. */
export async function loadRuleTickets(scope: TenantScope, ticketIds: readonly string[]) {
  const rows = ticketIds.length ? await ruleTicketQuery(scope).where(inArray(tickets.id, [...new Set(ticketIds)])) : [];
  return new Map<string, RuleTicket>(rows.map((row) => [row.id, row]));
}
