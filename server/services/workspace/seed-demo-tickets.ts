import { eq } from 'drizzle-orm';
import { customers, memberships } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { addMessage } from '@/server/services/ticket/add-message';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
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
];

/** A few realistic tickets so a first look at the desk isn't empty. */
export async function seedDemoTickets(scope: TenantScope) {
  const people = await scope.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(eq(customers.tenantId, scope.tenantId));
  const agents = await scope.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(eq(memberships.tenantId, scope.tenantId));
  const agentIds = agents.map((a) => a.userId);
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
    if (demo.status) {
      const ticket = await loadTicketForUpdate(scope, created.id);
      if (ticket.status !== demo.status)
        await commitTicketChange(
          scope,
          ticket,
          { status: demo.status },
          { actor: agent, channel: 'system', action: 'status_changed' },
        );
    }
  }
}
