import { and, desc, eq, isNotNull, ne } from 'drizzle-orm';
import { canTakeTicket, pickAgent, type TicketNeeds } from '@/lib/assignment/pick-agent';
import { ASSIGNMENT_POLICY_LABELS, type AssignmentPolicy } from '@/lib/constants/assignment';
import { UNSOLVED_STATUSES } from '@/lib/constants/ticket';
import { teamAssignmentSettings, teams, ticketCategories, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { loadTicketForUpdate, type TicketRecord } from '@/server/services/ticket/load-ticket';
import { alertTeamLead } from './alert-team-lead';
import { loadCandidates } from './load-candidates';
import { lockUntilCommit } from '@/server/db/lock-until-commit';

export type AssignByPolicyOptions = {
  /** Use this policy instead of the team's (a rule's "assign by assignment policy" may name one). */
  policy?: AssignmentPolicy;
  /** Who asked, for the activity entry (e.g. `rule "VIP"`); the team's policy otherwise. */
  requestedBy?: string;
  now?: Date;
};

export type AssignByPolicyResult =
  | { outcome: 'assigned'; assigneeId: string; policy: AssignmentPolicy; previousAgent: boolean }
  | { outcome: 'unassignable'; policy: AssignmentPolicy }
  | { outcome: 'skipped'; reason: 'not_found' | 'assigned' | 'no_team' | 'manual' | 'closed' };

/**
 * Serialises assignment per team until commit: two tickets assigned at once count each other's agent, so
 * nobody passes their capacity. Advisory, keyed on the team id (unique across workspaces), taken before any
 * load is read.
 */
const lockTeam = (scope: TenantScope, teamId: string) => lockUntilCommit(scope, `cairn.assign.${teamId}`);

async function ticketNeeds(scope: TenantScope, ticket: TicketRecord): Promise<TicketNeeds> {
  const skills = ticket.tags.map((t) => t.toLowerCase());
  if (ticket.categoryId) {
    const [category] = await scope.db
      .select({ name: ticketCategories.name })
      .from(ticketCategories)
      .where(eq(ticketCategories.id, ticket.categoryId));
    if (category) skills.push(category.name.toLowerCase());
  }
  const language = ticket.customFields.language ?? ticket.context.language ?? null;
  return { skills, language: typeof language === 'string' && language ? language.toLowerCase() : null };
}

/** The agent who last solved one of this requester's other tickets, if any. */
async function previousAgentOf(scope: TenantScope, ticket: TicketRecord) {
  const [row] = await scope.db
    .select({ assigneeId: tickets.assigneeId })
    .from(tickets)
    .where(
      and(
        eq(tickets.requesterId, ticket.requesterId),
        ne(tickets.id, ticket.id),
        isNotNull(tickets.solvedAt),
        isNotNull(tickets.assigneeId),
      ),
    )
    .orderBy(desc(tickets.solvedAt))
    .limit(1);
  return row?.assigneeId ?? null;
}

/**
 * Assigns an unassigned ticket of a team to an agent by the team's policy (or the one given), through
 * commitTicketChange with the system as actor and the policy named in the activity. Only available agents
 * (status and working hours) below their capacity are picked. "Previous interactions": the agent who last
 * solved the requester's ticket wins when they can take it. Nobody can: the ticket stays in the team queue
 * and the team lead (else the admins) gets one alert mail. Runs in the caller's transaction.
 */
export async function assignByPolicy(
  scope: TenantScope,
  ticketId: string,
  options: AssignByPolicyOptions = {},
): Promise<AssignByPolicyResult> {
  const [found] = await scope.db.select({ teamId: tickets.teamId }).from(tickets).where(eq(tickets.id, ticketId));
  if (!found) return { outcome: 'skipped', reason: 'not_found' };
  if (!found.teamId) return { outcome: 'skipped', reason: 'no_team' };
  const [settings] = await scope.db
    .select({ team: teams, config: teamAssignmentSettings })
    .from(teams)
    .leftJoin(teamAssignmentSettings, eq(teamAssignmentSettings.teamId, teams.id))
    .where(eq(teams.id, found.teamId));
  const policy = options.policy ?? settings?.config?.policy ?? 'manual';
  if (!settings || policy === 'manual') return { outcome: 'skipped', reason: 'manual' };

  await lockTeam(scope, found.teamId);
  // Read after the lock: a change that committed while we waited (a move to another team, an agent's
  // assignment) is what counts.
  const ticket = await loadTicketForUpdate(scope, ticketId);
  if (ticket.assigneeId) return { outcome: 'skipped', reason: 'assigned' };
  if (ticket.teamId !== found.teamId) return assignByPolicy(scope, ticketId, options);
  if (!(UNSOLVED_STATUSES as readonly string[]).includes(ticket.status))
    return { outcome: 'skipped', reason: 'closed' };

  const now = options.now ?? new Date();
  const config = settings.config;
  const previous = config?.preferPreviousAgent ? await previousAgentOf(scope, ticket) : null;
  const candidates = await loadCandidates(scope, { teamId: ticket.teamId, extraUserId: previous });
  const returning = previous ? candidates.find((c) => c.userId === previous && canTakeTicket(c, now)) : undefined;
  const team = candidates.filter((c) => c.inTeam);
  const assigneeId =
    returning?.userId ??
    pickAgent(policy, team, {
      now,
      lastAssignedUserId: config?.lastAssignedUserId ?? null,
      needs: await ticketNeeds(scope, ticket),
    });

  if (!assigneeId) {
    await alertTeamLead(scope, { ticket, team: settings.team, leadUserId: settings.team.leadUserId });
    return { outcome: 'unassignable', policy };
  }
  const how = returning ? 'previous interactions' : ASSIGNMENT_POLICY_LABELS[policy].toLowerCase();
  await commitTicketChange(
    scope,
    ticket,
    { assigneeId, ...(ticket.status === 'new' ? { status: 'open' as const } : {}) },
    {
      actor: { type: 'system' },
      channel: 'system',
      action: 'auto_assigned',
      reason: `Assignment policy of team ${settings.team.name} (${how})${options.requestedBy ? `, asked by ${options.requestedBy}` : ''}`,
    },
  );
  if (config && !returning && policy === 'round_robin')
    await scope.db
      .update(teamAssignmentSettings)
      .set({ lastAssignedUserId: assigneeId })
      .where(eq(teamAssignmentSettings.id, config.id));
  return { outcome: 'assigned', assigneeId, policy, previousAgent: Boolean(returning) };
}
