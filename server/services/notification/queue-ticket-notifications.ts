import { eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import type { TicketStatus } from '@/lib/constants/ticket';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { customerReplyAlertEmail, newTicketAlertEmail } from '@/emails/ticket-agent';
import { agentReplyEmail, ticketClosedEmail, ticketReceivedEmail, ticketSolvedEmail } from '@/emails/ticket-customer';
import { customers, ticketMessages, ticketParticipants, tickets, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { ratingLinks } from '@/server/services/csat/survey-links';
import { openSurvey } from '@/server/services/csat/survey-round';
import { getTicketSettings } from '@/server/services/ticket/settings';
import { ticketAccessUrl } from '@/server/services/ticket/ticket-link';
import { bouncingAddresses } from '@/server/services/customer/email-bouncing';
import { agentRecipients } from './agent-recipients';
import { expectedFirstResponse } from '@/server/services/sla/expected-first-response';
import { queueTicketMails, type TicketMail } from './queue-ticket-mail';
import { ticketReplyToken } from './reply-token';
import { workspaceSender, type WorkspaceSender } from './sender';
import type { EventBatch } from '@/server/services/outbox/event-batch';

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

type Once = EventBatch['once'];

/** The ticket's CC participants, as mail recipients. */
const ticketParticipantsOf = (scope: TenantScope, ticketId: string) =>
  scope.db
    .select({ email: customers.email, name: customers.name })
    .from(ticketParticipants)
    .innerJoin(customers, eq(customers.id, ticketParticipants.customerId))
    .where(eq(ticketParticipants.ticketId, ticketId));

/** Which mails an event causes, to whom: the rules in one place. */
async function mailsFor(
  scope: TenantScope,
  event: TicketNotificationEvent,
  ticket: typeof tickets.$inferSelect,
  sender: WorkspaceSender,
  links: { customer: () => Promise<string>; agent: string; portal: string; displayNumber: string },
  once: Once,
) {
  // Who hears about a ticket depends on its assignee and team only: tickets of a batch that share them share
  // the answer.
  const recipients = (input: Parameters<typeof agentRecipients>[1]) =>
    once(`notifications:agents:${JSON.stringify(input)}`, () => agentRecipients(scope, input));
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
      const agents = await recipients({
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
      // CC participants get the public reply too, with a link to the portal's sign-in, never the requester's
      // own access link (that would open the ticket as the requester).
      for (const participant of await ticketParticipantsOf(scope, ticket.id)) {
        mails.push({
          kind: 'agent_replied',
          audience: 'customer',
          to: participant,
          autoSubmitted: null,
          ticketMessageId: message.id,
          rendered: await agentReplyEmail({
            brand: sender.brand,
            ticket: { ...(await ref('agent')), url: links.portal },
            agentName,
            body: message.body,
          }),
        });
      }
    } else if (message.authorType === 'customer') {
      const agents = await recipients({
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
      // The survey of this solve round (a re-solved ticket asks again); none when surveys are off.
      const survey = await openSurvey(scope, ticket);
      mails.push({
        kind: 'ticket_solved',
        audience: 'customer',
        to: customer,
        autoSubmitted: 'auto-generated',
        rendered: await ticketSolvedEmail({
          brand: sender.brand,
          ticket: await ref('customer'),
          ratings: survey ? await ratingLinks(sender.slug, scope.tenantId, survey) : null,
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
export async function queueTicketNotifications(
  scope: TenantScope,
  eventId: string,
  event: TicketNotificationEvent,
  batch?: Pick<EventBatch, 'once'>,
) {
  const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, event.ticketId));
  if (!ticket || ticket.status === 'merged') return [];
  // The workspace's numbering and sender, read once for a batch of events (they change with an admin's save,
  // not between two events dispatched together).
  const once: Once = batch?.once ?? ((_key, load) => load());
  const settings = await once('notifications:ticket-settings', () => getTicketSettings(scope));
  const sender = await once('notifications:sender', () => workspaceSender(scope));
  let customerUrl: Promise<string> | undefined;
  const links = {
    displayNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
    agent: new URL(`/agent/tickets/${ticket.id}`, env.APP_URL).toString(),
    portal: new URL(`/${sender.slug}/portal`, env.APP_URL).toString(),
    customer: () =>
      (customerUrl ??= ticketAccessUrl({
        tenantId: scope.tenantId,
        workspaceSlug: sender.slug,
        customerId: ticket.requesterId,
        ticketId: ticket.id,
      })),
  };
  const all = await mailsFor(scope, event, ticket, sender, links, once);
  // Mail to an address a delivery report marked bouncing is held (not queued): it would only bounce again.
  const bouncing = await bouncingAddresses(
    scope,
    all.filter((m) => m.audience === 'customer').map((m) => m.to.email),
  );
  const mails = all.filter((m) => m.audience !== 'customer' || !bouncing.has(m.to.email.toLowerCase()));
  if (!mails.length) return [];
  const replyToken = await ticketReplyToken(scope, ticket.id);
  return queueTicketMails(scope, { ticketId: ticket.id, eventId, sender, replyToken }, mails);
}
