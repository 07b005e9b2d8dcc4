import { eq, sql } from 'drizzle-orm';
import { SLA_METRICS, type SlaMetric } from '@/lib/constants/sla';
import { TICKET_PRIORITIES, type TicketPriority } from '@/lib/constants/ticket';
import { teams } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';

type Counts = { measured: number; metInTime: number; breached: number; atRisk: number; running: number };
const empty = (): Counts => ({ measured: 0, metInTime: 0, breached: 0, atRisk: 0, running: 0 });

/** Share of decided targets (met in time or breached) that were met in time; null when none is decided yet. */
function achievement(c: Counts) {
  const decided = c.metInTime + c.breached;
  return decided ? c.metInTime / decided : null;
}

/**
 * SLA results for clocks started in [from, to): per metric and per priority, how many were met in time,
 * breached (late or overdue), at risk and still running. One grouped scan over the period's clocks.
 */
export async function slaMetrics(
  scope: TenantScope,
  input: { from: Date; to: Date; priority?: TicketPriority; teamId?: string },
  now = new Date(),
) {
  if (input.teamId && !(await scope.db.select({ id: teams.id }).from(teams).where(eq(teams.id, input.teamId))).length)
    throw notFound('The team');
  const result = await scope.db.execute<
    { priority: TicketPriority; metric: SlaMetric } & Record<keyof Counts, number>
  >(sql`
    select t.priority, s.metric,
      count(*)::int as measured,
      count(*) filter (where s.met_at is not null and (s.due_at is null or s.met_at <= s.due_at))::int as "metInTime",
      count(*) filter (where s.due_at is not null and coalesce(s.met_at, ${now}) > s.due_at)::int as breached,
      count(*) filter (where s.met_at is null and s.warn_at <= ${now} and s.due_at > ${now})::int as "atRisk",
      count(*) filter (where s.met_at is null and (s.due_at is null or s.due_at > ${now}))::int as running
    from ticket_sla_targets s
    join tickets t on t.id = s.ticket_id
    where s.tenant_id = ${scope.tenantId} and s.started_at >= ${input.from} and s.started_at < ${input.to}
      ${input.priority ? sql`and t.priority = ${input.priority}` : sql``}
      ${input.teamId ? sql`and t.team_id = ${input.teamId}` : sql``}
    group by t.priority, s.metric`);

  const byMetric = Object.fromEntries(SLA_METRICS.map((m) => [m, empty()])) as Record<SlaMetric, Counts>;
  const byPriority = Object.fromEntries(
    TICKET_PRIORITIES.map((p) => [p, Object.fromEntries(SLA_METRICS.map((m) => [m, empty()]))]),
  ) as Record<TicketPriority, Record<SlaMetric, Counts>>;
  for (const row of result.rows) {
    for (const key of ['measured', 'metInTime', 'breached', 'atRisk', 'running'] as const) {
      byMetric[row.metric][key] += Number(row[key]);
      byPriority[row.priority][row.metric][key] += Number(row[key]);
    }
  }
  return {
    range: { from: input.from, to: input.to },
    firstResponseRate: achievement(byMetric.first_response),
    resolutionRate: achievement(byMetric.resolution),
    breached: SLA_METRICS.reduce((n, m) => n + byMetric[m].breached, 0),
    atRisk: SLA_METRICS.reduce((n, m) => n + byMetric[m].atRisk, 0),
    byMetric: SLA_METRICS.map((metric) => ({ metric, ...byMetric[metric], rate: achievement(byMetric[metric]) })),
    byPriority: TICKET_PRIORITIES.map((priority) => ({
      priority,
      metrics: SLA_METRICS.map((metric) => ({
        metric,
        ...byPriority[priority][metric],
        rate: achievement(byPriority[priority][metric]),
      })),
    })),
  };
}
