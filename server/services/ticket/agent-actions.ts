import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { AGENT_ROLES } from '@/lib/constants/workspace';
import type {
  assignTicketInput,
  createTicketInput,
  replyInput,
  updateStatusInput,
  updateTicketInput,
} from '@/lib/validators/ticket';
import { memberships, users } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { getCustomer, upsertCustomerByEmail } from '@/server/services/customer/customers';
import { addMessage } from './add-message';
import { commitTicketChange } from './commit-ticket-change';
import { createTicket } from './create-ticket';
import { validateCustomFields } from './custom-fields';
import { loadTicketForUpdate } from './load-ticket';
import { assertReferences } from './references';
import { assertNotStale } from './stale-check';

const agentOf = (scope: StaffScope) => ({ type: 'agent' as const, userId: scope.actor.userId });

export async function createTicketAsAgent(scope: StaffScope, input: z.output<typeof createTicketInput>) {
  const requester =
    'customerId' in input.requester
      ? await getCustomer(scope, { customerId: input.requester.customerId })
      : await upsertCustomerByEmail(scope, input.requester);
  const { requester: _requester, ...rest } = input;
  const ticket = await createTicket(scope, { ...rest, requesterId: requester.id, actor: agentOf(scope) });
  return { id: ticket.id, number: ticket.number, displayNumber: ticket.displayNumber };
}

export async function replyAsAgent(scope: StaffScope, input: z.output<typeof replyInput>) {
  const ticket = await loadTicketForUpdate(scope, input.ticketId);
  await assertNotStale(scope, ticket, input.seenUpdatedAt, input.confirmStale);
  return addMessage(scope, ticket, agentOf(scope), {
    kind: input.kind,
    body: input.body,
    timeSpentMinutes: input.timeSpentMinutes,
    attachmentIds: input.attachmentIds,
    status: input.status,
  });
}

export async function updateTicketStatus(scope: StaffScope, input: z.output<typeof updateStatusInput>) {
  const ticket = await loadTicketForUpdate(scope, input.ticketId);
  const { ticket: updated } = await commitTicketChange(
    scope,
    ticket,
    { status: input.status },
    { actor: agentOf(scope), channel: 'agent', action: 'status_changed', reason: input.reason },
  );
  return updated;
}

export async function assignTicket(scope: StaffScope, input: z.output<typeof assignTicketInput>) {
  const ticket = await loadTicketForUpdate(scope, input.ticketId);
  await assertReferences(scope, { assigneeId: input.assigneeId, teamId: input.teamId });
  const changes = {
    assigneeId: input.assigneeId,
    teamId: input.teamId,
    ...(input.assigneeId && ticket.status === 'new' ? { status: 'open' as const } : {}),
  };
  const { ticket: updated } = await commitTicketChange(scope, ticket, changes, {
    actor: agentOf(scope),
    channel: 'agent',
    action: 'assigned',
  });
  return updated;
}

export async function updateTicket(scope: StaffScope, input: z.output<typeof updateTicketInput>) {
  const { ticketId, customFields, tags, ...fields } = input;
  const ticket = await loadTicketForUpdate(scope, ticketId);
  await assertReferences(scope, { categoryId: fields.categoryId, type: fields.type });
  const changes = {
    ...fields,
    ...(tags ? { tags: [...new Set(tags)] } : {}),
    ...(customFields
      ? {
          customFields: await validateCustomFields(scope, customFields, {
            requireAll: false,
            current: ticket.customFields,
          }),
        }
      : {}),
  };
  const { ticket: updated } = await commitTicketChange(scope, ticket, changes, {
    actor: agentOf(scope),
    channel: 'agent',
  });
  return updated;
}

/** The agents a ticket can be assigned to. */
export function listAssignees(scope: StaffScope) {
  return scope.db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, scope.tenantId), inArray(memberships.role, [...AGENT_ROLES])))
    .orderBy(users.name);
}
