import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { STATUS_LABELS, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { ADMIN_ROLES } from '@/lib/constants/workspace';
import { renderMacroTemplate } from '@/lib/utils/macro-template';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { saveMacroInput } from '@/lib/validators/ticket';
import { customers, macros, tenants, users, type MacroActions } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { isUniqueViolation } from '@/server/db/errors';
import { AppError, notFound } from '@/server/errors';
import { commitTicketChange } from './commit-ticket-change';
import { loadTicketForUpdate, type TicketRecord } from './load-ticket';
import type { TicketChanges } from './plan-ticket-change';
import { assertReferences } from './references';
import { getTicketSettings } from './settings';

type MacroRow = typeof macros.$inferSelect;
const toMacro = (row: MacroRow) => ({
  id: row.id,
  name: row.name,
  body: row.body,
  kind: row.kind,
  actions: row.actions,
  shared: row.ownerUserId === null,
  ownerUserId: row.ownerUserId,
  createdAt: row.createdAt,
});

const isAdmin = (scope: StaffScope) => (ADMIN_ROLES as readonly string[]).includes(scope.actor.role);
const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A macro called "${name}" already exists in this workspace. Choose another name.`, {
    field: 'name',
  });

/** Shared macros (no owner) and the caller's personal ones. */
export async function listMacros(scope: StaffScope) {
  const rows = await scope.db
    .select()
    .from(macros)
    .where(
      and(
        eq(macros.tenantId, scope.tenantId),
        or(isNull(macros.ownerUserId), eq(macros.ownerUserId, scope.actor.userId)),
      ),
    )
    .orderBy(asc(macros.name));
  return rows.map(toMacro);
}

/**
 * The macro as the caller may touch it. Someone else's personal macro is "not found" to agents (they never
 * see it); admins manage every macro of the workspace.
 */
async function macroForChange(scope: StaffScope, macroId: string) {
  const [macro] = await scope.db.select().from(macros).where(eq(macros.id, macroId));
  const mine = macro?.ownerUserId === scope.actor.userId;
  if (!macro || (!mine && macro.ownerUserId !== null && !isAdmin(scope))) throw notFound('The macro');
  if (!mine && !isAdmin(scope))
    throw new AppError(
      'FORBIDDEN',
      'Only admins can change or delete a shared macro. Ask a workspace admin, or save a personal copy.',
    );
  return macro;
}

/** Creates a macro, or updates it when macroId is given. Shared macros are managed by admins. */
export async function saveMacro(scope: StaffScope, input: z.output<typeof saveMacroInput>) {
  if (input.shared && !isAdmin(scope)) {
    throw new AppError(
      'FORBIDDEN',
      'Only admins can save shared macros. Untick "Shared" to keep it as your personal macro.',
      { field: 'shared' },
    );
  }
  await assertReferences(scope, {
    assigneeId: input.actions.assigneeId,
    teamId: input.actions.teamId,
    categoryId: input.actions.categoryId,
  });
  const fields = { name: input.name, body: input.body, kind: input.kind, actions: input.actions as MacroActions };
  try {
    if (!input.macroId) {
      const [row] = await scope.db
        .insert(macros)
        .values({ tenantId: scope.tenantId, ownerUserId: input.shared ? null : scope.actor.userId, ...fields })
        .returning();
      return toMacro(row!);
    }
    const existing = await macroForChange(scope, input.macroId);
    const [row] = await scope.db
      .update(macros)
      .set({ ...fields, ownerUserId: input.shared ? null : (existing.ownerUserId ?? scope.actor.userId) })
      .where(eq(macros.id, existing.id))
      .returning();
    return toMacro(row!);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function deleteMacro(scope: StaffScope, input: { macroId: string }) {
  const macro = await macroForChange(scope, input.macroId);
  await scope.db.delete(macros).where(eq(macros.id, macro.id));
  return { id: macro.id };
}

/** What the macro's actions change on this ticket; assigning a new ticket opens it, as a manual assign does. */
export function macroChangesFor(actions: MacroActions, ticket: TicketRecord): TicketChanges {
  const changes: TicketChanges = {};
  if (actions.status) changes.status = actions.status as TicketStatus;
  if (actions.priority) changes.priority = actions.priority as TicketPriority;
  if (actions.addTags?.length || actions.removeTags?.length) {
    const remove = new Set(actions.removeTags ?? []);
    changes.tags = [...new Set([...ticket.tags, ...(actions.addTags ?? [])])].filter((t) => !remove.has(t));
  }
  if (actions.assigneeId !== undefined) changes.assigneeId = actions.assigneeId;
  if (actions.teamId !== undefined) changes.teamId = actions.teamId;
  if (actions.categoryId !== undefined) changes.categoryId = actions.categoryId;
  if (actions.assigneeId && !actions.status && ticket.status === 'new') changes.status = 'open';
  return changes;
}

async function placeholderValues(scope: StaffScope, ticket: TicketRecord) {
  const settings = await getTicketSettings(scope);
  const [customer] = await scope.db
    .select({ name: customers.name, email: customers.email })
    .from(customers)
    .where(eq(customers.id, ticket.requesterId));
  const [agent] = await scope.db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, scope.actor.userId));
  const [workspace] = await scope.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, scope.tenantId));
  return {
    'ticket.number': formatTicketNumber(settings, ticket.number, ticket.createdAt),
    'ticket.subject': ticket.subject,
    'ticket.status': STATUS_LABELS[ticket.status],
    'customer.name': customer?.name || customer?.email,
    'customer.email': customer?.email,
    'agent.name': agent?.name || agent?.email,
    'workspace.name': workspace?.name,
  };
}

/**
 * Applies the macro's actions to the ticket and returns its body rendered for this ticket. The body is
 * not sent: the agent's reply box receives it, to be read and edited before sending.
 */
export async function applyMacro(scope: StaffScope, input: { macroId: string; ticketId: string }) {
  const [macro] = await scope.db
    .select()
    .from(macros)
    .where(
      and(eq(macros.id, input.macroId), or(isNull(macros.ownerUserId), eq(macros.ownerUserId, scope.actor.userId))),
    );
  if (!macro) throw notFound('The macro');
  const ticket = await loadTicketForUpdate(scope, input.ticketId);
  if (ticket.status === 'merged')
    throw new AppError(
      'PRECONDITION_FAILED',
      'This ticket was merged into another; apply the macro on that ticket instead.',
    );
  if (ticket.status === 'closed')
    throw new AppError(
      'PRECONDITION_FAILED',
      'This ticket is closed, so a macro can no longer change it or reply on it.',
    );
  const changes = macroChangesFor(macro.actions, ticket);
  // The macro was checked when saved, but an agent or team may have left the workspace since.
  await assertReferences(scope, {
    assigneeId: changes.assigneeId,
    teamId: changes.teamId,
    categoryId: changes.categoryId,
  });
  const { ticket: updated } = await commitTicketChange(scope, ticket, changes, {
    actor: { type: 'agent', userId: scope.actor.userId },
    channel: 'agent',
    action: 'macro_applied',
    reason: `Macro "${macro.name}"`,
  });
  const body = renderMacroTemplate(macro.body, await placeholderValues(scope, updated));
  return { body, kind: macro.kind === 'note' ? ('note' as const) : ('reply' as const), ticket: updated };
}
