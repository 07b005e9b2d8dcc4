import { and, arrayOverlaps, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { PRIORITY_LABELS, STATUS_LABELS, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { isAdminRole } from '@/server/services/member/is-admin-role';
import { renderMacroTemplate } from '@/lib/utils/macro-template';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { saveMacroInput } from '@/lib/validators/ticket';
import { customers, macros, teamMembers, teams, tenants, users, type MacroActions } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { withUniqueViolationAs } from '@/server/db/errors';
import { assertAllExist } from '@/server/db/exists-in-workspace';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';
import { commitTicketChange } from './commit-ticket-change';
import { loadTicketForUpdate, type TicketRecord } from './load-ticket';
import type { TicketChanges } from './plan-ticket-change';
import { validateCustomFields } from './custom-fields';
import { assertReferences } from './references';
import { getTicketSettings } from './settings';

type MacroRow = typeof macros.$inferSelect;
const toMacro = (row: MacroRow) => ({
  id: row.id,
  name: row.name,
  body: row.body,
  kind: row.kind,
  actions: row.actions,
  visibility: row.visibility,
  teamIds: row.teamIds,
  shared: row.visibility !== 'personal',
  ownerUserId: row.ownerUserId,
  createdAt: row.createdAt,
});

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A macro called "${name}" already exists in this workspace. Choose another name.`, {
    field: 'name',
  });

/**
 * Who may see a macro: its author (personal), members of its teams, everyone; admins also see every team
 * macro, since they manage them. Others' personal macros stay private, even from admins' lists.
 */
function visibleTo(scope: StaffScope) {
  const myTeams = scope.db
    .select({ id: teamMembers.teamId })
    .from(teamMembers)
    .where(eq(teamMembers.userId, scope.actor.userId));
  return or(
    eq(macros.visibility, 'everyone'),
    eq(macros.ownerUserId, scope.actor.userId),
    isAdminRole(scope.actor.role)
      ? eq(macros.visibility, 'teams')
      : and(eq(macros.visibility, 'teams'), arrayOverlaps(macros.teamIds, sql`array(${myTeams})`)),
  );
}

/** The macros the caller may apply (and, for admins, manage), by name. */
export async function listMacros(scope: StaffScope) {
  const rows = await scope.db
    .select()
    .from(macros)
    .where(and(eq(macros.tenantId, scope.tenantId), visibleTo(scope)))
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
  if (!macro || (!mine && macro.ownerUserId !== null && !isAdminRole(scope.actor.role))) throw notFound('The macro');
  if (!mine && !isAdminRole(scope.actor.role)) {
    // A team macro of a team the agent is not in stays invisible to them, as in their list.
    if (macro.visibility === 'teams' && !(await inAnyTeam(scope, macro.teamIds))) throw notFound('The macro');
    throw new AppError(
      'FORBIDDEN',
      'Only admins can change or delete a shared macro. Ask a workspace admin, or save a personal copy.',
    );
  }
  return macro;
}

async function inAnyTeam(scope: StaffScope, teamIds: string[]) {
  if (!teamIds.length) return false;
  const [row] = await scope.db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .where(and(eq(teamMembers.userId, scope.actor.userId), inArray(teamMembers.teamId, teamIds)))
    .limit(1);
  return Boolean(row);
}

/** Creates a macro, or updates it when macroId is given. Team and workspace macros are managed by admins. */
export async function saveMacro(scope: StaffScope, input: z.output<typeof saveMacroInput>) {
  if (input.visibility !== 'personal' && !isAdminRole(scope.actor.role)) {
    throw new AppError(
      'FORBIDDEN',
      'Only admins can share macros with teams or everyone. Choose "Only me" to keep it as your personal macro.',
      { field: 'visibility' },
    );
  }
  const teamIds = input.visibility === 'teams' ? [...new Set(input.teamIds)] : [];
  // Every team a macro is shared with must be one of this workspace's (RLS hides the others: "not found").
  await assertAllExist(scope, teams.id, teamIds, 'One of the teams');
  await assertReferences(scope, {
    assigneeId: input.actions.assigneeId,
    teamId: input.actions.teamId,
    categoryId: input.actions.categoryId,
    type: input.actions.type,
  });
  // Checked against the field definitions now, so a macro never stores a value the ticket would refuse.
  const customFields = input.actions.customFields
    ? await validateCustomFields(scope, input.actions.customFields, { requireAll: false })
    : undefined;
  const fields = {
    name: input.name,
    body: input.body,
    kind: input.kind,
    visibility: input.visibility,
    teamIds,
    actions: { ...input.actions, ...(customFields ? { customFields } : {}) } as MacroActions,
  };
  const macroId = input.macroId;
  return withUniqueViolationAs(
    () => nameTaken(input.name),
    async () => {
      if (!macroId) {
        const ownerUserId = input.visibility === 'personal' ? scope.actor.userId : null;
        return toMacro(await insertInWorkspace(scope, macros, { ownerUserId, ...fields }));
      }
      const existing = await macroForChange(scope, macroId);
      const [row] = await scope.db
        .update(macros)
        .set({
          ...fields,
          ownerUserId: input.visibility === 'personal' ? (existing.ownerUserId ?? scope.actor.userId) : null,
        })
        .where(eq(macros.id, existing.id))
        .returning();
      return toMacro(row!);
    },
  );
}

export async function deleteMacro(scope: StaffScope, input: { macroId: string }) {
  const macro = await macroForChange(scope, input.macroId);
  await scope.db.delete(macros).where(eq(macros.id, macro.id));
  return { id: macro.id };
}

/** What the macro's actions change on this ticket; assigning a new ticket opens it, as a manual assign does. */
export function macroChangesFor(actions: MacroActions, ticket: TicketRecord): TicketChanges {
  const changes = fieldChangesFor(actions, ticket);
  if (actions.type !== undefined) changes.type = actions.type;
  return changes;
}

function fieldChangesFor(actions: MacroActions, ticket: TicketRecord): TicketChanges {
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
  const requesterName = customer?.name || customer?.email;
  return {
    'ticket.number': formatTicketNumber(settings, ticket.number, ticket.createdAt),
    'ticket.subject': ticket.subject,
    'ticket.status': STATUS_LABELS[ticket.status],
    'ticket.priority': PRIORITY_LABELS[ticket.priority],
    'requester.name': requesterName,
    'requester.email': customer?.email,
    'customer.name': requesterName,
    'customer.email': customer?.email,
    'agent.name': agent?.name || agent?.email,
    'agent.email': agent?.email,
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
    .where(and(eq(macros.id, input.macroId), visibleTo(scope)));
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
  // The macro was checked when saved, but an agent, team, category, type or field may have gone since.
  await assertReferences(scope, {
    assigneeId: changes.assigneeId,
    teamId: changes.teamId,
    categoryId: changes.categoryId,
    type: changes.type,
  });
  if (macro.actions.customFields && Object.keys(macro.actions.customFields).length)
    changes.customFields = await validateCustomFields(scope, macro.actions.customFields, {
      requireAll: false,
      current: ticket.customFields,
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
