import { eq } from 'drizzle-orm';
import { dueEscalations, escalationRunKey } from '@/lib/sla';
import { SLA_METRIC_LABELS } from '@/lib/constants/sla';
import { slaEscalationRuns, ticketSlaTargets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import { publishLive } from '@/server/live/publish';
import { recordActivity } from '@/server/services/ticket/activity';
import { recomputeTicketSla } from './recompute-ticket-sla';
import { runEscalation } from './run-escalation';
import { loadSlaConfig } from './sla-config';

/**
 * What the `sla.check` timer does for one ticket: record each warning and breach whose moment has passed
 * (once: the row says so), run the escalation levels now due, then recompute, which sets the next check and
 * schedules it. Re-reads everything under the rows' locks, so an early, late or repeated job is harmless.
 */
export async function checkTicketSla(scope: TenantScope, ticketId: string, now = new Date()) {
  const config = await loadSlaConfig(scope);
  // Recompute first: the timer may be older than the last change (a reply that met the target, a new policy).
  const targets = await recomputeTicketSla(scope, ticketId, config);
  const recorded = { warnings: 0, breaches: 0, escalations: 0 };
  const runs = await scope.db.select().from(slaEscalationRuns).where(eq(slaEscalationRuns.ticketId, ticketId));
  const ran = new Set(runs.map((r) => escalationRunKey(r.escalationId, r.metric, r.triggeredAt)));

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
      if (await runEscalation(scope, { ticketId, policy, level, metric: target.metric, base, dueAt: target.dueAt }))
        recorded.escalations += 1;
    }
  }
  // The next moment: escalation runs and recorded moments change what is left to do.
  if (recorded.warnings || recorded.breaches || recorded.escalations) {
    await recomputeTicketSla(scope, ticketId, config);
    // A warning or breach alone changes no ticket column, so nothing else tells open pages to re-read.
    await publishLive(scope, 'ticket.updated', ticketId);
  }
  return recorded;
}
