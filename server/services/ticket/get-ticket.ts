import { and, asc, eq } from 'drizzle-orm';
import { customers, ticketActivities, ticketMessages, tickets, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';
import { explainTicketSla } from '@/server/services/sla/explain-ticket-sla';
import { ticketMailFailures } from './mail-failures';
import { ticketMailContacts } from './mail-contacts';
import { findDuplicates, requesterTickets, ticketRowQuery, toTicketRow } from './queries';
import { getTicketSettings } from './settings';
import { activitiesWithActors, attachmentsByMessage, messagesWithAuthors } from './thread-queries';

/** Everything the agent's ticket page shows, in a handful of indexed reads. */
export async function getTicketDetail(scope: TenantScope, ticketId: string) {
  const settings = await getTicketSettings(scope);
  const [row] = await ticketRowQuery(scope).where(and(eq(tickets.tenantId, scope.tenantId), eq(tickets.id, ticketId)));
  if (!row) throw notFound('The ticket');
  const [full] = await scope.db.select().from(tickets).where(eq(tickets.id, ticketId));
  const messages = await messagesWithAuthors(scope, {
    id: ticketMessages.id,
    kind: ticketMessages.kind,
    authorType: ticketMessages.authorType,
    agentName: users.name,
    agentEmail: users.email,
    customerName: customers.name,
    customerEmail: customers.email,
    body: ticketMessages.body,
    timeSpentMinutes: ticketMessages.timeSpentMinutes,
    createdAt: ticketMessages.createdAt,
  })
    .where(eq(ticketMessages.ticketId, ticketId))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const files = await attachmentsByMessage(
    scope,
    messages.map((m) => m.id),
  );
  const activities = await activitiesWithActors(scope, {
    id: ticketActivities.id,
    action: ticketActivities.action,
    actorType: ticketActivities.actorType,
    actorRuleName: ticketActivities.actorRuleName,
    agentName: users.name,
    customerName: customers.name,
    changes: ticketActivities.changes,
    reason: ticketActivities.reason,
    createdAt: ticketActivities.createdAt,
  })
    .where(eq(ticketActivities.ticketId, ticketId))
    .orderBy(asc(ticketActivities.createdAt));
  const mailFailures = await ticketMailFailures(scope, ticketId);
  const ticket = {
    ...toTicketRow(row, settings),
    customFields: full!.customFields,
    context: full!.context,
    mergedIntoId: full!.mergedIntoId,
    firstRespondedAt: full!.firstRespondedAt,
    closedAt: full!.closedAt,
    requesterId: full!.requesterId,
  };
  return {
    ticket,
    messages: messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      authorType: m.authorType,
      author:
        m.authorType === 'agent'
          ? { name: m.agentName || m.agentEmail || 'Agent', email: m.agentEmail }
          : m.authorType === 'customer'
            ? { name: m.customerName || m.customerEmail || 'Customer', email: m.customerEmail }
            : null,
      body: m.body,
      timeSpentMinutes: m.timeSpentMinutes,
      createdAt: m.createdAt,
      attachments: files.get(m.id) ?? [],
      mailFailures: mailFailures.filter((f) => f.ticketMessageId === m.id),
    })),
    /** Status notices (solved, closed) that could not be sent; failures of a message's mails sit on it. */
    mailFailures: mailFailures.filter((f) => !f.ticketMessageId),
    activities: activities.map((a) => ({
      id: a.id,
      action: a.action,
      actorName: a.actorRuleName
        ? `rule ${a.actorRuleName}`
        : a.actorType === 'system'
          ? 'Cairn'
          : a.agentName || a.customerName || 'Someone',
      changes: a.changes,
      reason: a.reason,
      createdAt: a.createdAt,
    })),
    requesterTickets: await requesterTickets(scope, settings, { id: ticketId, requesterId: full!.requesterId }),
    duplicates: await findDuplicates(scope, settings, {
      id: ticketId,
      requesterId: full!.requesterId,
      subject: full!.subject,
    }),
    sla: await explainTicketSla(scope, ticketId),
    mailContacts: await ticketMailContacts(scope, { id: ticketId, requesterId: full!.requesterId }),
  };
}
