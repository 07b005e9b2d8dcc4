import { and, eq, inArray } from 'drizzle-orm';
import { SLA_METRIC_LABELS, type SlaMetric } from '@/lib/constants/sla';
import { memberships, slaEscalationRuns, teams, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import type { SlaEscalationRow, SlaPolicyRow } from '@/server/services/sla/sla-config';
import { recordActivity } from '@/server/services/ticket/activity';
import type { TicketChanges } from '@/server/services/ticket/plan-ticket-change';

/**
 * Runs one escalation level on one clock, once: the run row's unique key (ticket, level, metric, the moment it
 * counts from) is taken first, so a check that runs twice, or two workers at once, act a single time.
 * Actions that name someone no longer in the workspace are skipped and said so in the activity log.
 * The ticket changes it asks for (priority, assignee, team) are returned, not written: the check commits
 * all of a run's escalations as one ticket change, with one SLA recomputation.
 */
export async function runEscalation(
  scope: TenantScope,
  input: {
    ticketId: string;
    policy: SlaPolicyRow;
    level: SlaEscalationRow;
    metric: SlaMetric;
    base: Date;
    dueAt: Date | null;
  },
) {
  const { level, policy, metric } = input;
  const [run] = await scope.db
    .insert(slaEscalationRuns)
    .values({
      tenantId: scope.tenantId,
      ticketId: input.ticketId,
      escalationId: level.id,
      metric,
      triggeredAt: input.base,
    })
    .onConflictDoNothing()
    .returning({ id: slaEscalationRuns.id });
  if (!run) return null;

  const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, input.ticketId)).for('update');
  if (!ticket) return null;
  const actions = level.actions;
  const skipped: string[] = [];
  const changes: TicketChanges = {};
  if (actions.setPriority && actions.setPriority !== ticket.priority) changes.priority = actions.setPriority;
  if (actions.assignToUserId) {
    const [member] = await scope.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(eq(memberships.userId, actions.assignToUserId), inArray(memberships.role, ['owner', 'admin', 'agent'])),
      );
    if (member) changes.assigneeId = member.userId;
    else skipped.push('the agent to assign is no longer in the workspace');
  }
  if (actions.assignToTeamId) {
    const [team] = await scope.db.select({ id: teams.id }).from(teams).where(eq(teams.id, actions.assignToTeamId));
    if (team) changes.teamId = team.id;
    else skipped.push('the team to assign was deleted');
  }

  const notified = await membersAmong(scope, actions.notifyUserIds ?? []);
  await scope.db.update(slaEscalationRuns).set({ notifiedUserIds: notified }).where(eq(slaEscalationRuns.id, run.id));

  const what = `${SLA_METRIC_LABELS[metric]} ${level.trigger === 'breach' ? 'breached' : 'at risk'}`;
  const reason = `Escalation level ${level.level} of "${policy.name}": ${what}${level.afterMinutes ? ` for ${level.afterMinutes} min` : ''}.${notified.length ? ` Notified ${notified.length} agent${notified.length === 1 ? '' : 's'}.` : ''}${skipped.length ? ` Skipped: ${skipped.join('; ')}.` : ''}`;
  await recordActivity(scope, {
    ticketId: ticket.id,
    actor: { type: 'system' },
    action: 'sla_escalated',
    changes: { escalationLevel: { from: null, to: level.level }, metric: { from: null, to: metric } },
    reason,
  });
  await recordEvent(scope, 'sla.escalated', {
    ticketId: ticket.id,
    metric,
    level: level.level,
    trigger: level.trigger,
    policyId: policy.id,
    policyName: policy.name,
    dueAt: input.dueAt?.toISOString() ?? null,
    notifiedUserIds: notified,
  });
  return { changes, reason };
}

/** The people to notify who are still in the workspace; the mail itself is the `sla.escalated` consumer's. */
async function membersAmong(scope: TenantScope, userIds: string[]) {
  if (!userIds.length) return [];
  const people = await scope.db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(inArray(memberships.userId, userIds));
  return people.map((p) => p.id);
}
