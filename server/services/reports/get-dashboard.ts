import { sql } from 'drizzle-orm';
import { SLA_METRICS } from '@/lib/constants/sla';
import { addDays, daysBetween } from '@/lib/reports/local-time';
import { activeFilters, type ReportFilters } from '@/lib/reports/report-filters';
import { pairOf } from '@/lib/reports/rollup-measures';
import { histogramPercentile } from '@/lib/reports/time-buckets';
import type { ReportRangeInput } from '@/lib/validators/reports';
import type { TenantScope } from '@/server/db/tenant';
import { sumFactMeasures } from './sum-fact-measures';
import { sumPairRollupMeasures } from './sum-pair-rollup-measures';
import { sumRollupMeasures } from './sum-rollup-measures';
import { workspaceTimeZone } from './workspace-time-zone';

type Sums = Map<string, number>;
const HISTOGRAMS = ['frt', 'frt_business', 'resolution', 'resolution_business'] as const;

const ratio = (n: number, d: number) => (d ? n / d : null);
const at = (m: Sums, metric: string, bucket = 0) => m.get(`${metric}:${bucket}`) ?? 0;
const hist = (m: Sums, metric: string) =>
  new Map(
    [...m.entries()]
      .filter(([k]) => k.startsWith(`${metric}:`))
      .map(([k, v]) => [Number(k.slice(metric.length + 1)), v] as [number, number]),
  );

/** The headline figures of one period, from its summed measures. */
function summarize(m: Sums, backlog: number) {
  const times = Object.fromEntries(
    HISTOGRAMS.map((metric) => [
      metric,
      { median: histogramPercentile(hist(m, metric), 0.5), p90: histogramPercentile(hist(m, metric), 0.9) },
    ]),
  ) as Record<(typeof HISTOGRAMS)[number], { median: number | null; p90: number | null }>;
  const met = SLA_METRICS.reduce((n, _, i) => n + at(m, 'sla_met', i), 0);
  const breached = SLA_METRICS.reduce((n, _, i) => n + at(m, 'sla_breached', i), 0);
  return {
    created: at(m, 'created'),
    solved: at(m, 'solved'),
    reopened: at(m, 'reopened'),
    backlog,
    firstResponse: { calendar: times.frt, business: times.frt_business },
    resolution: { calendar: times.resolution, business: times.resolution_business },
    repliesPerSolved: ratio(at(m, 'replies'), at(m, 'solved')),
    oneTouchRate: ratio(at(m, 'one_touch'), at(m, 'solved')),
    slaCompliance: ratio(met, met + breached),
    slaBreached: breached,
    csatAverage: ratio(at(m, 'csat_sum'), at(m, 'csat_count')),
    csatSatisfiedRate: ratio(at(m, 'csat_satisfied'), at(m, 'csat_count')),
    csatResponses: at(m, 'csat_count'),
    csatResponseRate: ratio(at(m, 'csat_count'), at(m, 'csat_requested')),
    timeSpentMinutes: at(m, 'time_spent'),
  };
}
export type DashboardSummary = ReturnType<typeof summarize>;

/**
 * The support dashboard for a range of local days and its previous period of the same length. Unfiltered or
 * with one filter it reads the rollups only (a handful of grouped scans over day rows, whatever the number
 * of tickets); two filters read their pair's one row per day; with more the figures come from the matching
 * tickets' facts. The breakdowns and the agents table always show the whole workspace. The SLA "at risk now"
 * and the agents' open load are live counts (they are about now, not about days).
 */
export async function getDashboard(scope: TenantScope, input: ReportRangeInput, now = new Date()) {
  const timeZone = await workspaceTimeZone(scope);
  const length = daysBetween(input.from, input.to) + 1;
  const previous = { from: addDays(input.from, -length), to: addDays(input.from, -1) };
  const rows = (q: Promise<{ rows: unknown[] }>) => q.then((r) => r.rows as Array<Record<string, unknown>>);
  const db = scope.db;
  const filters = activeFilters(input.filters);
  const days = { previousFrom: previous.from, from: input.from, to: input.to };
  // No filter or one reads its rollup rows, two their pair rollup row per day; more are summed from the facts.
  const measured =
    filters.length > 2
      ? await sumFactMeasures(scope, input.filters ?? {}, days)
      : filters.length === 2
        ? await sumPairRollupMeasures(scope, pairOf(filters[0]!, filters[1]!), days)
        : await sumRollupMeasures(scope, filters[0] ?? null, days);

  // Sequential on purpose: one transaction is one connection.
  const breakdownRows = await rows(
    db.execute(sql`
      select dimension, dimension_value as value, sum(value)::float8 as created
      from analytics_rollups
      where tenant_id = ${scope.tenantId} and dimension in ('channel', 'priority', 'category', 'team', 'tag')
        and metric = 'created' and day between ${input.from}::date and ${input.to}::date
      group by 1, 2 order by 3 desc`),
  );
  const agentRows = await rows(
    db.execute(sql`
      select dimension_value as agent_id, metric, bucket, sum(value)::float8 as value
      from analytics_rollups
      where tenant_id = ${scope.tenantId} and dimension = 'agent'
        and metric in ('solved', 'frt', 'resolution', 'csat_sum', 'csat_count', 'time_spent')
        and day between ${input.from}::date and ${input.to}::date
      group by 1, 2, 3`),
  );
  const liveRows = await rows(
    db.execute(sql`
      select assignee_id as agent_id, count(*)::int as open from tickets
      where tenant_id = ${scope.tenantId} and status in ('new', 'open', 'pending', 'on_hold') and assignee_id is not null
      group by 1`),
  );
  const [atRisk] = await rows(
    db.execute(sql`
      select count(*)::int as n from ticket_sla_targets
      where tenant_id = ${scope.tenantId} and next_check_at is not null and met_at is null
        and warn_at <= ${now} and due_at > ${now}`),
  );
  const names = await rows(
    db.execute(sql`
      select 'agent' as kind, u.id::text as id, u.name from memberships m join users u on u.id = m.user_id
        where m.tenant_id = ${scope.tenantId}
      union all select 'team', id::text, name from teams where tenant_id = ${scope.tenantId}
      union all select 'category', id::text, name from ticket_categories where tenant_id = ${scope.tenantId}`),
  );

  const sums = { current: new Map() as Sums, previous: new Map() as Sums };
  for (const r of measured.period) (r.current ? sums.current : sums.previous).set(`${r.metric}:${r.bucket}`, r.value);
  // Backlog at the end of each day: the opening count moved by each day's created and solved.
  const daily = new Map<string, Record<string, number>>();
  for (let d = 0; d < length; d++) daily.set(addDays(input.from, d), {});
  for (const r of measured.daily) daily.get(r.day)![r.metric] = r.value;
  const openAtStart = measured.openAtPrevious + at(sums.previous, 'created') - at(sums.previous, 'solved');
  let backlog = openAtStart;
  const series = [...daily.entries()].map(([day, m]) => {
    backlog += (m.created ?? 0) - (m.solved ?? 0);
    return {
      day,
      created: m.created ?? 0,
      solved: m.solved ?? 0,
      reopened: m.reopened ?? 0,
      backlog,
      slaBreached: m.sla_breached ?? 0,
      csatAverage: ratio(m.csat_sum ?? 0, m.csat_count ?? 0),
      csatResponses: m.csat_count ?? 0,
    };
  });

  const nameOf = new Map(names.map((n) => [`${n.kind}:${n.id}`, String(n.name)]));
  const label = (dim: string, v: string) => nameOf.get(`${dim}:${v}`) ?? v;
  const breakdown = (dim: string) =>
    breakdownRows
      .filter((r) => r.dimension === dim)
      .map((r) => ({ value: String(r.value), label: label(dim, String(r.value)), created: Number(r.created) }));

  const perAgent = new Map<string, Sums>();
  for (const r of agentRows) {
    const id = String(r.agent_id);
    const m = perAgent.get(id) ?? (new Map() as Sums);
    m.set(`${r.metric}:${r.bucket}`, Number(r.value));
    perAgent.set(id, m);
  }
  const openLoad = new Map(liveRows.map((r) => [String(r.agent_id), Number(r.open)]));
  const agents = [...new Set([...perAgent.keys(), ...openLoad.keys()])]
    .map((id) => {
      const m = perAgent.get(id) ?? (new Map() as Sums);
      return {
        agentId: id,
        name: label('agent', id),
        solved: at(m, 'solved'),
        firstResponseMedian: histogramPercentile(hist(m, 'frt'), 0.5),
        resolutionMedian: histogramPercentile(hist(m, 'resolution'), 0.5),
        csatAverage: ratio(at(m, 'csat_sum'), at(m, 'csat_count')),
        csatResponses: at(m, 'csat_count'),
        timeSpentMinutes: at(m, 'time_spent'),
        openLoad: openLoad.get(id) ?? 0,
      };
    })
    .sort((a, b) => b.solved - a.solved || a.name.localeCompare(b.name));

  return {
    timeZone,
    range: { from: input.from, to: input.to },
    previousRange: previous,
    filters: Object.fromEntries(filters) as ReportFilters,
    current: summarize(sums.current, backlog),
    previous: summarize(sums.previous, openAtStart),
    series,
    busiestHours: measured.hours,
    sla: SLA_METRICS.map((metric, i) => {
      const met = at(sums.current, 'sla_met', i);
      const breached = at(sums.current, 'sla_breached', i);
      return { metric, met, breached, compliance: ratio(met, met + breached) };
    }),
    slaAtRiskNow: Number(atRisk?.n ?? 0),
    byChannel: breakdown('channel'),
    byPriority: breakdown('priority'),
    byCategory: breakdown('category'),
    byTeam: breakdown('team'),
    byTag: breakdown('tag').slice(0, 20),
    agents,
  };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
