import { eq, inArray } from 'drizzle-orm';
import { env } from '@/lib/env';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { ticketUnassignableEmail } from '@/emails/ticket-unassignable';
import { memberships, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notificationMailId } from '@/server/services/notification/mail-id';
import { workspaceSender } from '@/server/services/notification/sender';
import { addManyToOutbox } from '@/server/services/outbox/add-to-outbox';
import type { TicketRecord } from '@/server/services/ticket/load-ticket';
import { getTicketSettings } from '@/server/services/ticket/settings';

/** Who hears that a ticket found nobody: the team's lead while still a member, else the workspace's admins. */
async function leadsOf(scope: TenantScope, leadUserId: string | null) {
  const people = () =>
    scope.db.select({ email: users.email }).from(memberships).innerJoin(users, eq(users.id, memberships.userId));
  const lead = leadUserId ? await people().where(eq(memberships.userId, leadUserId)) : [];
  return lead.length ? lead : people().where(inArray(memberships.role, ['owner', 'admin']));
}

/**
 * One mail per ticket and recipient (the id derives from both), through the outbox like every mail: the
 * dispatch that found nobody may run again, and the lead hears of the ticket once.
 */
export async function alertTeamLead(
  scope: TenantScope,
  input: { ticket: TicketRecord; team: { id: string; name: string }; leadUserId: string | null },
) {
  const recipients = await leadsOf(scope, input.leadUserId);
  if (!recipients.length) return [];
  const sender = await workspaceSender(scope);
  const settings = await getTicketSettings(scope);
  const { ticket } = input;
  const rendered = await ticketUnassignableEmail({
    brand: sender.brand,
    ticketNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
    subject: ticket.subject,
    teamName: input.team.name,
    url: `${env.APP_URL}/agent/tickets/${ticket.id}`,
  });
  return addManyToOutbox(
    scope,
    'email',
    recipients.map((person) => ({
      id: notificationMailId(ticket.id, `unassignable:${input.team.id}`, person.email),
      payload: { to: person.email, ...rendered, from: sender.from, headers: { 'Auto-Submitted': 'auto-generated' } },
    })),
  );
}
