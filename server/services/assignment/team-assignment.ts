import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_AGENT_CAPACITY } from '@/lib/constants/assignment';
import type { updateAgentProfileInput, updateTeamAssignmentInput } from '@/lib/validators/assignment';
import { agentProfiles, memberships, teamAssignmentSettings, teams, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';
import { loadCandidates } from './load-candidates';

/** A team's policy with its agents' capacities, skills, availability and current open tickets. */
export async function getTeamAssignment(scope: TenantScope, input: { teamId: string }) {
  const [row] = await scope.db
    .select({ team: teams, config: teamAssignmentSettings })
    .from(teams)
    .leftJoin(teamAssignmentSettings, eq(teamAssignmentSettings.teamId, teams.id))
    .where(eq(teams.id, input.teamId));
  if (!row) throw notFound('The team');
  const agents = await loadCandidates(scope, { teamId: input.teamId });
  const names = agents.length
    ? await scope.db
        .select({ id: users.id, name: users.name, email: users.email })
        .from(users)
        .where(
          inArray(
            users.id,
            agents.map((a) => a.userId),
          ),
        )
    : [];
  return {
    teamId: row.team.id,
    teamName: row.team.name,
    policy: row.config?.policy ?? 'manual',
    leadUserId: row.team.leadUserId,
    preferPreviousAgent: row.config?.preferPreviousAgent ?? false,
    agents: agents
      .map(({ inTeam: _inTeam, ...agent }) => {
        const person = names.find((n) => n.id === agent.userId);
        return { ...agent, name: person?.name ?? '', email: person?.email ?? '' };
      })
      .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email)),
  };
}

export async function updateTeamAssignment(scope: TenantScope, input: z.output<typeof updateTeamAssignmentInput>) {
  const [team] = await scope.db.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
  if (!team) throw notFound('The team');
  if (input.leadUserId) {
    // The lead must belong to this workspace: RLS hides other workspaces' memberships.
    const [lead] = await scope.db
      .select({ id: memberships.id })
      .from(memberships)
      .where(eq(memberships.userId, input.leadUserId));
    if (!lead) throw notFound('The team lead');
  }
  // The lead is the team's own (teams.lead_user_id), the one satisfaction alerts go to as well.
  if (input.leadUserId !== undefined)
    await scope.db.update(teams).set({ leadUserId: input.leadUserId }).where(eq(teams.id, input.teamId));
  const values = { policy: input.policy, preferPreviousAgent: input.preferPreviousAgent };
  await scope.db
    .insert(teamAssignmentSettings)
    .values({ tenantId: scope.tenantId, teamId: input.teamId, ...values })
    .onConflictDoUpdate({ target: teamAssignmentSettings.teamId, set: { ...values, updatedAt: new Date() } });
  return getTeamAssignment(scope, { teamId: input.teamId });
}

/** Writes an agent's profile row, creating it with the defaults for whatever is not given. */
export async function upsertAgentProfile(
  scope: TenantScope,
  userId: string,
  values: Partial<Omit<typeof agentProfiles.$inferInsert, 'id' | 'tenantId' | 'userId'>>,
) {
  const [member] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  if (!member) throw notFound('The member');
  const [profile] = await scope.db
    .insert(agentProfiles)
    .values({ tenantId: scope.tenantId, userId, capacity: DEFAULT_AGENT_CAPACITY, ...values })
    .onConflictDoUpdate({
      target: [agentProfiles.tenantId, agentProfiles.userId],
      set: { ...values, updatedAt: new Date() },
    })
    .returning();
  return profile!;
}

export async function updateAgentProfile(scope: TenantScope, input: z.output<typeof updateAgentProfileInput>) {
  const { userId, ...values } = input;
  return upsertAgentProfile(scope, userId, values);
}
