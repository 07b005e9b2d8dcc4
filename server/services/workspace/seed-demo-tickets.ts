import { eq } from 'drizzle-orm';
import { customers, memberships } from '@/server/db/schema';
import { addMessage } from '@/server/services/ticket/add-message';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { mergeTickets } from '@/server/services/ticket/merge-tickets';
import { rateSurvey } from '@/server/services/csat/rate-survey';
import { loadSurveyTicket, openSurvey } from '@/server/services/csat/survey-round';
import type { StaffScope } from '@/server/services/types';
import type { TicketPriority, TicketStatus } from '@/lib/constants/ticket';

const DEMO_TICKETS: Array<{
  subject: string;
  body: string;
  priority: TicketPriority;
  status?: TicketStatus;
  reply?: string;
  note?: string;
  assign?: boolean;
  tags?: string[];
  /** A duplicate: merged into the demo ticket at this index once both exist. */
  mergeInto?: number;
  /** The customer's satisfaction rating of a solved or closed demo ticket (1..5), with a comment. */
  rating?: { rating: number; comment: string };
}> = [
  {
    subject: 'Cannot reset my password',
    body: 'The reset email never arrives. I checked spam too.',
    priority: 'high',
    assign: true,
    reply: 'Sorry about that! I have re-sent the reset email; can you check again?',
    status: 'pending',
    tags: ['login'],
  },
  {
    subject: 'Invoice shows the wrong VAT number',
    body: "Our March invoice has last year's VAT number on it.",
    priority: 'normal',
    note: 'Billing fixed the template on the 3rd; needs a re-issue.',
    tags: ['billing'],
  },
  {
    subject: 'Export to CSV times out',
    body: 'Exporting 40k orders never finishes; the page spins forever.',
    priority: 'urgent',
    assign: true,
    tags: ['export', 'bug'],
  },
  {
    subject: 'How do I add a second admin?',
    body: 'We want two people to manage settings.',
    priority: 'low',
    reply: 'Go to Settings → Members and change their role to Admin.',
    status: 'solved',
    rating: { rating: 5, comment: 'Clear and quick, thank you!' },
  },
  {
    subject: 'Feature request: dark mode',
    body: 'Would love a dark theme for late shifts.',
    priority: 'low',
    tags: ['feature-request'],
  },
  {
    subject: 'Webhook deliveries failing with 401',
    body: 'Since yesterday every webhook to our endpoint returns 401.',
    priority: 'high',
    assign: true,
    note: 'Their signing secret rotated; waiting on their dev.',
    status: 'on_hold',
  },
  {
    subject: 'Where do I find my API key?',
    body: 'I need a key for our integration but cannot find the page.',
    priority: 'normal',
    reply: 'Settings → API keys, then Create key. It is shown once, so copy it right away.',
    status: 'closed',
    rating: { rating: 2, comment: 'Found it, but the page should be easier to find.' },
    tags: ['api'],
  },
  {
    subject: 'Password reset mail missing',
    body: 'Still no reset email here either, same account as my colleague.',
    priority: 'normal',
    tags: ['login'],
    mergeInto: 0,
  },
];

/**
 * Realistic tickets in every status, made through the same services an agent's clicks use, so their SLA
 * clocks are what the product computes (pending and on-hold ones paused, solved and closed ones stopped).
 */
export async function seedDemoTickets(scope: StaffScope) {
  const people = await scope.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.tenantId, scope.tenantId));
  const agents = await scope.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.tenantId, scope.tenantId));
  const agentIds = agents.map((a) => a.userId);
  const ids: string[] = [];
  for (const [index, demo] of DEMO_TICKETS.entries()) {
    const customer = people[index % people.length]!;
    const agentId = agentIds[index % agentIds.length]!;
    const created = await createTicket(scope, {
      requesterId: customer.id,
      subject: demo.subject,
      body: demo.body,
      priority: demo.priority,
      channel: index % 2 ? 'email' : 'web',
      tags: demo.tags,
      actor: { type: 'customer', customerId: customer.id },
    });
    const agent = { type: 'agent' as const, userId: agentId };
    if (demo.assign)
      await commitTicketChange(
        scope,
        await loadTicketForUpdate(scope, created.id),
        { assigneeId: agentId, status: 'open' },
        { actor: agent, channel: 'system', action: 'assigned' },
      );
    if (demo.note)
      await addMessage(scope, await loadTicketForUpdate(scope, created.id), agent, { kind: 'note', body: demo.note });
    if (demo.reply)
      await addMessage(scope, await loadTicketForUpdate(scope, created.id), agent, { kind: 'reply', body: demo.reply });
    // A closed ticket was solved first, as in real life.
    for (const status of demo.status === 'closed'
      ? (['solved', 'closed'] as const)
      : demo.status
        ? [demo.status]
        : []) {
      const ticket = await loadTicketForUpdate(scope, created.id);
      if (ticket.status !== status)
        await commitTicketChange(
          scope,
          ticket,
          { status },
          { actor: agent, channel: 'system', action: 'status_changed' },
        );
    }
    if (demo.rating) {
      // Rated in the portal, as the customer would after the solved mail: the queue and ticket show it.
      const survey = await openSurvey(scope, (await loadSurveyTicket(scope, created.id))!);
      if (survey) await rateSurvey(scope, survey.id, demo.rating, { channel: 'portal', ignoreExpiry: true });
    }
    ids.push(created.id);
    if (demo.mergeInto !== undefined)
      await mergeTickets(scope, {
        sourceTicketId: created.id,
        targetTicketId: ids[demo.mergeInto]!,
        note: 'Same reset mail problem.',
      });
  }
}
