import { eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import type { TicketStatus } from '@/lib/constants/ticket';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { customerReplyAlertEmail, newTicketAlertEmail } from '@/emails/ticket-agent';
import { agentReplyEmail, ticketClosedEmail, ticketReceivedEmail, ticketSolvedEmail } from '@/emails/ticket-customer';
import { customers, ticketMessages, tickets, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { getTicketSettings } from '@/server/services/ticket/settings';
import { ticketAccessUrl } from '@/server/services/ticket/ticket-link';
import { agentRecipients } from './agent-recipients';
import { expectedFirstResponse } from '@/server/services/sla/expected-first-response';
import { queueTicketMails, type TicketMail } from './queue-ticket-mail';
import { ticketReplyToken } from './reply-token';
import { workspaceSender, type WorkspaceSender } from './sender';

export type TicketNotificationEvent =
  | { type: 'ticket.created'; ticketId: string; messageId: string }
  | { type: 'message.added'; ticketId: string; messageId: string }
  | {
      type: 'ticket.status_changed';
      ticketId: string;
      from: TicketStatus;
      to: TicketStatus;
      actorType: string;
      actorId: string | null;
    };

/** Which mails an event causes, to whom: the rules in one place. */
async function mailsFor(
  scope: TenantScope,
  event: TicketNotificationEvent,
  ticket: typeof tickets.$inferSelect,
  sender: WorkspaceSender,
  links: { customer: () => Promise<string>; agent: string; displayNumber: string },
) {
  const [requester] = await scope.db
    .select({ id: customers.id, email: customers.email, name: customers.name })
    .from(customers)
    .where(eq(customers.id, ticket.requesterId));
  const customer = { email: requester!.email, name: requester!.name };
  const ref = async (audience: 'customer' | 'agent') => ({
    displayNumber: links.displayNumber,
    subject: ticket.subject,
    url: audience === 'agent' ? links.agent : await links.customer(),
  });
  const mails: TicketMail[] = [];

  if (event.type === 'ticket.created' || event.type === 'message.added') {
    const [message] = await scope.db
      .select({
        id: ticketMessages.id,
        kind: ticketMessages.kind,
        authorType: ticketMessages.authorType,
        authorUserId: ticketMessages.authorUserId,
        body: ticketMessages.body,
        agentName: users.name,
        agentEmail: users.email,
      })
      .from(ticketMessages)
      .leftJoin(users, eq(users.id, ticketMessages.authorUserId))
      .where(eq(ticketMessages.id, event.messageId));
    // Internal notes and system lines never leave the desk.
    if (!message || message.kind !== 'reply') return mails;

    if (event.type === 'ticket.created') {
      // The SLA clocks were computed earlier in this transaction: the promise is the applying policy's.
      const expected = await expectedFirstResponse(scope, ticket.id);
      mails.push({
        kind: 'ticket_created_confirmation',
        audience: 'customer',
        to: customer,
        autoSubmitted: 'auto-replied',
        ticketMessageId: message.id,
        rendered: await ticketReceivedEmail({
          brand: sender.brand,
          ticket: await ref('customer'),
          customerName: customer.name,
          expectedFirstResponse: expected?.text ?? 'as soon as we can',
        }),
      });
      const agents = await agentRecipients(scope, {
        type: 'ticket_created',
        assigneeId: ticket.assigneeId,
        teamId: ticket.teamId,
        exceptUserId: message.authorUserId,
      });
      for (const agent of agents) {
        mails.push({
          kind: 'ticket_created_alert',
          audience: 'agent',
          to: agent,
          autoSubmitted: 'auto-generated',
          ticketMessageId: message.id,
          rendered: await newTicketAlertEmail({
            brand: sender.brand,
            ticket: await ref('agent'),
            customer,
            body: message.body,
          }),
        });
      }
    } else if (message.authorType === 'agent' || message.authorType === 'system') {
      // A 'system' reply is an automation rule's auto-response: signed with the workspace's name.
      const agentName = message.agentName || sender.brand.name;
      mails.push({
        kind: 'agent_replied',
        audience: 'customer',
        to: customer,
        autoSubmitted: null,
        ticketMessageId: message.id,
        rendered: await agentReplyEmail({
          brand: sender.brand,
          ticket: await ref('customer'),
          agentName,
          body: message.body,
        }),
      });
    } else if (message.authorType === 'customer') {
      const agents = await agentRecipients(scope, {
        type: 'customer_replied',
        assigneeId: ticket.assigneeId,
        teamId: ticket.teamId,
      });
      for (const agent of agents) {
        mails.push({
          kind: 'customer_replied',
          audience: 'agent',
          to: agent,
          autoSubmitted: 'auto-generated',
          ticketMessageId: message.id,
          rendered: await customerReplyAlertEmail({
            brand: sender.brand,
            ticket: await ref('agent'),
            customer,
            body: message.body,
          }),
        });
      }
    }
  } else if (event.from !== event.to && !(event.actorType === 'customer' && event.actorId === ticket.requesterId)) {
    // A customer who closes their own request needs no mail telling them so.
    if (event.to === 'solved') {
      const url = new URL((await ref('customer')).url);
      url.searchParams.set('rate', '1');
      mails.push({
        kind: 'ticket_solved',
        audience: 'customer',
        to: customer,
        autoSubmitted: 'auto-generated',
        rendered: await ticketSolvedEmail({
          brand: sender.brand,
          ticket: await ref('customer'),
          satisfactionUrl: url.toString(),
        }),
      });
    } else if (event.to === 'closed') {
      mails.push({
        kind: 'ticket_closed',
        audience: 'customer',
        to: customer,
        autoSubmitted: 'auto-generated',
        rendered: await ticketClosedEmail({ brand: sender.brand, ticket: await ref('customer') }),
      });
    }
  }
  return mails;
}

/**
 * The notification rules of a ticket event, applied when the event is dispatched (jobs/events/consumers.ts),
 * not in the transaction that changed the ticket: each mail becomes an outbox row that commits with the
 * event being marked done. `eventId` makes the mails' ids, so a second dispatch of the event adds none.
 */
export async function queueTicketNotifications(scope: TenantScope, eventId: string, event: TicketNotificationEvent) {
  const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, event.ticketId));
  if (!ticket || ticket.status === 'merged') return [];
  const settings = await getTicketSettings(scope);
  const sender = await workspaceSender(scope);
  let customerUrl: Promise<string> | undefined;
  const links = {
    displayNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
    agent: new URL(`/agent/tickets/${ticket.id}`, env.APP_URL).toString(),
    customer: () =>
      (customerUrl ??= ticketAccessUrl({
        tenantId: scope.tenantId,
        workspaceSlug: sender.slug,
        customerId: ticket.requesterId,
        ticketId: ticket.id,
      })),
  };
  const mails = await mailsFor(scope, event, ticket, sender, links);
  if (!mails.length) return [];
  const replyToken = await ticketReplyToken(scope, ticket.id);
  return queueTicketMails(scope, { ticketId: ticket.id, eventId, sender, replyToken }, mails);
}
