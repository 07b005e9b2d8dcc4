import { and, eq, sql } from 'drizzle-orm';
import { EVENT_CONSUMERS } from '@/jobs/events/consumers';
import { processEventDispatch } from '@/jobs/processors/event-dispatch';
import { agentProfiles, outbox, teamAssignmentSettings, teams, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { AssignmentPolicy } from '@/lib/constants/assignment';
import { addMember, createTestTeam, type TestMember } from './factories';

// Assignment test data: a team with fresh agents and a policy, and a way to run one consumer on an event
// exactly as the worker's event.dispatch job does (same processor, same transaction and savepoint).

export async function createAssignedTeam(
  workspaceId: string,
  opts: { agents?: number; policy: AssignmentPolicy; preferPreviousAgent?: boolean; leadUserId?: string | null },
) {
  const agents: TestMember[] = [];
  for (let i = 0; i < (opts.agents ?? 2); i++) agents.push(await addMember(workspaceId, 'agent'));
  agents.sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const team = await createTestTeam(workspaceId, { memberUserIds: agents.map((a) => a.userId) });
  await runInTenant(workspaceId, async ({ db }) => {
    await db.insert(teamAssignmentSettings).values({
      tenantId: workspaceId,
      teamId: team.id,
      policy: opts.policy,
      preferPreviousAgent: opts.preferPreviousAgent ?? false,
    });
    await db
      .update(teams)
      .set({ leadUserId: opts.leadUserId ?? null })
      .where(eq(teams.id, team.id));
  });
  return { team, agents };
}

export function setProfile(
  workspaceId: string,
  userId: string,
  values: Partial<Omit<typeof agentProfiles.$inferInsert, 'id' | 'tenantId' | 'userId'>>,
) {
  return runInTenant(workspaceId, ({ db }) =>
    db
      .insert(agentProfiles)
      .values({ tenantId: workspaceId, userId, ...values })
      .onConflictDoUpdate({ target: [agentProfiles.tenantId, agentProfiles.userId], set: values }),
  );
}

/** The pending outbox events of a ticket of one type, oldest first. */
export async function pendingEvents(workspaceId: string, ticketId: string, type: string) {
  const rows = await runInTenant(workspaceId, ({ db }) =>
    db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.kind, 'event'),
          eq(outbox.status, 'pending'),
          sql`${outbox.payload}->>'type' = ${type}`,
          sql`${outbox.payload}->'data'->>'ticketId' = ${ticketId}`,
        ),
      )
      .orderBy(outbox.createdAt),
  );
  return rows.map((r) => r.id);
}

/** Runs the named consumers (default: every consumer but mail) on a ticket's pending events of a type. */
export async function dispatchEvents(
  workspaceId: string,
  ticketId: string,
  type: string,
  consumerNames: string[] = ['team-assignment'],
) {
  const consumers = EVENT_CONSUMERS.filter((c) => consumerNames.includes(c.name));
  for (const outboxId of await pendingEvents(workspaceId, ticketId, type))
    await processEventDispatch({ tenantId: workspaceId, outboxId }, consumers);
}

export async function assigneeOf(workspaceId: string, ticketId: string) {
  const [row] = await runInTenant(workspaceId, ({ db }) =>
    db.select({ assigneeId: tickets.assigneeId, status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId)),
  );
  return row!.assigneeId;
}
