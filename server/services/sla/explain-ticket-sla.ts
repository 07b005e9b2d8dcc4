import { asc, eq } from 'drizzle-orm';
import { explainDue } from '@/lib/business-hours';
import { SLA_METRICS, SLA_METRIC_LABELS } from '@/lib/constants/sla';
import { metInTime, targetState } from '@/lib/sla';
import {
  businessCalendars,
  slaEscalationRuns,
  slaEscalations,
  slaPolicies,
  ticketSlaTargets,
} from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { toBusinessCalendar } from './sla-config';

/**
 * Each of a ticket's targets with why its due time is what it is: the policy (or the workspace defaults),
 * the calendar and zone, the open stretches that counted, holidays skipped and pauses added back, and the
 * escalation levels that ran. Computed from the stored clock on read, so it always matches what the worker
 * enforces.
 */
export async function explainTicketSla(scope: TenantScope, ticketId: string, now = new Date()) {
  const rows = await scope.db
    .select({
      target: ticketSlaTargets,
      policyName: slaPolicies.name,
      policyConditions: slaPolicies.conditions,
      calendar: businessCalendars,
    })
    .from(ticketSlaTargets)
    .leftJoin(slaPolicies, eq(slaPolicies.id, ticketSlaTargets.policyId))
    .leftJoin(businessCalendars, eq(businessCalendars.id, ticketSlaTargets.calendarId))
    .where(eq(ticketSlaTargets.ticketId, ticketId));
  const runs = await scope.db
    .select({
      id: slaEscalationRuns.id,
      metric: slaEscalationRuns.metric,
      ranAt: slaEscalationRuns.ranAt,
      level: slaEscalations.level,
      trigger: slaEscalations.trigger,
      afterMinutes: slaEscalations.afterMinutes,
      actions: slaEscalations.actions,
    })
    .from(slaEscalationRuns)
    .innerJoin(slaEscalations, eq(slaEscalations.id, slaEscalationRuns.escalationId))
    .where(eq(slaEscalationRuns.ticketId, ticketId))
    .orderBy(asc(slaEscalationRuns.ranAt));

  const first = rows[0];
  const targets = [...rows]
    .sort((a, b) => SLA_METRICS.indexOf(a.target.metric) - SLA_METRICS.indexOf(b.target.metric))
    .map(({ target, calendar }) => {
      const pauses = target.pauses.map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null }));
      return {
        metric: target.metric,
        label: SLA_METRIC_LABELS[target.metric],
        state: targetState(target, now),
        metInTime: metInTime(target),
        startedAt: target.startedAt,
        targetMinutes: target.targetMinutes,
        dueAt: target.dueAt,
        warnAt: target.warnAt,
        metAt: target.metAt,
        warnedAt: target.warnedAt,
        breachedAt: target.breachedAt,
        explanation: explainDue(
          toBusinessCalendar(calendar ?? undefined),
          target.startedAt,
          target.targetMinutes,
          pauses,
        ),
      };
    });
  return {
    policy: first?.target.policyId
      ? {
          id: first.target.policyId,
          name: first.policyName ?? 'Deleted policy',
          conditions: first.policyConditions ?? {},
        }
      : null,
    calendar: first?.calendar
      ? { id: first.calendar.id, name: first.calendar.name, timeZone: first.calendar.timeZone }
      : null,
    targets,
    escalations: runs,
  };
}
