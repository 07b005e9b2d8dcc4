import { eq } from 'drizzle-orm';
import { dueEscalations, escalationRunKey } from '@/lib/sla';
import { SLA_METRIC_LABELS } from '@/lib/constants/sla';
import { slaEscalationRuns, ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import { publishLive } from '@/server/live/publish';
import { recomputeTicketSla } from '@/server/services/sla/recompute-ticket-sla';
import { loadSlaConfig } from '@/server/services/sla/sla-config';
import { recordActivity } from '@/server/services/ticket/activity';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import type { TicketChanges } from '@/server/services/ticket/plan-ticket-change';
import { runEscalation } from './run-escalation';

/**
 * What the `sla.check` timer does for one ticket: record each warning and breach whose moment has passed
 * (once: the row says so), run the escalation levels now due, then recompute, which sets the next check and
 * schedules it. What the escalations change on the ticket is one ticket change through the committer,
 * whose recomputation is then the last one. Re-reads everything under the rows' locks, so an early, late
 * or repeated job is harmless.
 */
export async function checkTicketSla(scope: TenantScope, ticketId: string, now = new Date()) {
  const config = await loadSlaConfig(scope);
  // Recompute first: the timer may be older than the last change (a reply that met the target, a new policy).
  const targets = await recomputeTicketSla(scope, ticketId, { config });
  const recorded = { warnings: 0, breaches: 0, escalations: 0 };
  const runs = await scope.db.select().from(slaEscalationRuns).where(eq(slaEscalationRuns.ticketId, ticketId));
  const ran = new Set(runs.map((r) => escalationRunKey(r.escalationId, r.metric, r.triggeredAt)));
  let escalated: TicketChanges = {};
  const reasons: string[] = [];

  for (const target of targets) {
    if (target.metAt) continue;
    const label = SLA_METRIC_LABELS[target.metric];
    if (target.warnAt && target.warnAt <= now && !target.warnedAt && !(target.dueAt && target.dueAt <= now)) {
      await scope.db.update(ticketSlaTargets).set({ warnedAt: now }).where(eq(ticketSlaTargets.id, target.id));
      await recordActivity(scope, {
        ticketId,
        actor: { type: 'system' },
        action: 'sla_warning',
        changes: { metric: { from: null, to: target.metric } },
        reason: `${label} is at risk: due ${target.dueAt?.toISOString() ?? 'when the pause ends'}.`,
      });
      await recordEvent(scope, 'sla.warning', {
        ticketId,
        metric: target.metric,
        dueAt: target.dueAt?.toISOString() ?? null,
        policyId: target.policyId,
      });
      recorded.warnings += 1;
    }
    if (target.dueAt && target.dueAt <= now && !target.breachedAt) {
      // A breach implies the warning: record both so "at risk" counts never miss a breached ticket.
      await scope.db
        .update(ticketSlaTargets)
        .set({ breachedAt: now, warnedAt: target.warnedAt ?? now })
        .where(eq(ticketSlaTargets.id, target.id));
      await recordActivity(scope, {
        ticketId,
        actor: { type: 'system' },
        action: 'sla_breached',
        changes: { metric: { from: null, to: target.metric } },
        reason: `${label} target of ${target.targetMinutes} business minutes was due ${target.dueAt.toISOString()}.`,
      });
      await recordEvent(scope, 'sla.breach', {
        ticketId,
        metric: target.metric,
        dueAt: target.dueAt.toISOString(),
        policyId: target.policyId,
      });
      recorded.breaches += 1;
    }
    const policy = target.policyId ? config.policies.find((p) => p.id === target.policyId) : undefined;
    if (!policy) continue;
    for (const { level, base } of dueEscalations(target, config.escalationsByPolicy.get(policy.id) ?? [], ran, now)) {
      const run = await runEscalation(scope, {
        ticketId,
        policy,
        level,
        metric: target.metric,
        base,
        dueAt: target.dueAt,
      });
      if (!run) continue;
      recorded.escalations += 1;
      if (!Object.keys(run.changes).length) continue;
      escalated = { ...escalated, ...run.changes };
      reasons.push(run.reason);
    }
  }
  if (!recorded.warnings && !recorded.breaches && !recorded.escalations) return recorded;
  const committed = Object.keys(escalated).length
    ? await commitTicketChange(scope, await loadTicketForUpdate(scope, ticketId), escalated, {
        actor: { type: 'system' },
        channel: 'sla',
        action: 'sla_escalation_applied',
        reason: reasons.join(' '),
      })
    : null;
  // The next moment: escalation runs and recorded moments change what is left to do.
  if (!committed?.slaRecomputed) await recomputeTicketSla(scope, ticketId, { config });
  // A warning or breach alone changes no ticket column, so nothing else tells open pages to re-read.
  if (!committed?.diff || !Object.keys(committed.diff).length) await publishLive(scope, 'ticket.updated', ticketId);
  return recorded;
}
