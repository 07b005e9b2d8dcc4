import { asc, eq, and } from 'drizzle-orm';
import { memberships, teamMembers, teams, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A team called "${name}" already exists. Choose another name.`, { field: 'name' });

export async function listTeams(scope: TenantScope) {
  const rows = await scope.db.select().from(teams).where(eq(teams.tenantId, scope.tenantId)).orderBy(asc(teams.name));
  const members = await scope.db
    .select({ teamId: teamMembers.teamId, userId: users.id, name: users.name, email: users.email })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId));
  return rows.map((team) => ({ ...team, members: members.filter((m) => m.teamId === team.id) }));
}

export function createTeam(scope: TenantScope, input: { name: string; description: string }) {
  return withUniqueViolationAs(
    () => nameTaken(input.name),
    () => insertInWorkspace(scope, teams, input),
  );
}

export async function updateTeam(
  scope: TenantScope,
  input: { teamId: string; name?: string; description?: string; leadUserId?: string | null },
) {
  const { teamId, ...changes } = input;
  if (changes.leadUserId) {
    // The lead is one of the team: RLS keeps other workspaces' team members out of sight.
    const [member] = await scope.db
      .select({ id: teamMembers.id })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, changes.leadUserId)));
    if (!member)
      throw new AppError('BAD_REQUEST', 'The team lead must be a member of the team. Add them first.', {
        field: 'leadUserId',
      });
  }
  return withUniqueViolationAs(
    () => nameTaken(input.name ?? ''),
    async () => {
      const [team] = await scope.db.update(teams).set(changes).where(eq(teams.id, teamId)).returning();
      if (!team) throw notFound('The team');
      return team;
    },
  );
}

export async function deleteTeam(scope: TenantScope, input: { teamId: string }) {
  const [team] = await scope.db.delete(teams).where(eq(teams.id, input.teamId)).returning({ id: teams.id });
  if (!team) throw notFound('The team');
  return { deleted: true as const, teamId: team.id };
}

export async function addTeamMember(scope: TenantScope, input: { teamId: string; userId: string }) {
  const [team] = await scope.db.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId));
  if (!team) throw notFound('The team');
  // The person must be a member of this workspace: RLS hides other workspaces' memberships.
  const [member] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(eq(memberships.userId, input.userId));
  if (!member) throw notFound('The member');
  await scope.db
    .insert(teamMembers)
    .values({ tenantId: scope.tenantId, ...input })
    .onConflictDoNothing();
  return { teamId: input.teamId, userId: input.userId };
}

export async function removeTeamMember(scope: TenantScope, input: { teamId: string; userId: string }) {
  const [row] = await scope.db
    .delete(teamMembers)
    .where(and(eq(teamMembers.teamId, input.teamId), eq(teamMembers.userId, input.userId)))
    .returning({ id: teamMembers.id });
  if (!row) throw notFound('The team member');
  // Someone who left the team no longer leads it.
  await scope.db
    .update(teams)
    .set({ leadUserId: null })
    .where(and(eq(teams.id, input.teamId), eq(teams.leadUserId, input.userId)));
  return { removed: true as const };
}
