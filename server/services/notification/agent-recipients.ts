import { and, eq, inArray } from 'drizzle-orm';
import type { AgentNotificationType } from '@/lib/constants/notification';
import { AGENT_ROLES } from '@/lib/constants/workspace';
import { memberships, notificationPreferences, teamMembers, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export type AgentRecipient = { userId: string; email: string; name: string };

/**
 * Who hears about a ticket: its assignee; else its team; else every agent of the workspace. Then only those
 * who left this notification on, and never the agent who caused it. Viewers work no tickets: never mailed.
 */
export async function agentRecipients(
  scope: TenantScope,
  input: {
    type: AgentNotificationType;
    assigneeId: string | null;
    teamId: string | null;
    exceptUserId?: string | null;
  },
): Promise<AgentRecipient[]> {
  const agents = scope.db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId));
  const roles = inArray(memberships.role, [...AGENT_ROLES]);
  let candidates: Array<{ userId: string; email: string; name: string | null }>;
  if (input.assigneeId) {
    candidates = await agents.where(and(roles, eq(memberships.userId, input.assigneeId)));
  } else if (input.teamId) {
    const team = scope.db
      .select({ userId: teamMembers.userId })
      .from(teamMembers)
      .where(eq(teamMembers.teamId, input.teamId));
    candidates = await agents.where(and(roles, inArray(memberships.userId, team)));
  } else {
    candidates = await agents.where(roles);
  }
  candidates = candidates.filter((c) => c.userId !== input.exceptUserId);
  if (!candidates.length) return [];
  const off = await scope.db
    .select({ userId: notificationPreferences.userId })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.type, input.type),
        eq(notificationPreferences.enabled, false),
        inArray(
          notificationPreferences.userId,
          candidates.map((c) => c.userId),
        ),
      ),
    );
  const disabled = new Set(off.map((o) => o.userId));
  return candidates.filter((c) => !disabled.has(c.userId)).map((c) => ({ ...c, name: c.name ?? '' }));
}
