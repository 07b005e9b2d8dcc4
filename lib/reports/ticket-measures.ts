import { SLA_METRICS, type SlaMetric } from '@/lib/constants/sla';
import { localDay, localParts } from './local-time';
import type { RollupDimensionValue, RollupMeasure } from './rollup-measures';
import { durationBucket } from './time-buckets';

/** A ticket as the dashboard sees it: read from its row, messages, activities and SLA clocks. */
export type TicketSnapshot = {
  createdAt: Date;
  /** Set when the ticket is solved or closed now; a reopened ticket has none until solved again. */
  solvedAt: Date | null;
  firstRespondedAt: Date | null;
  teamId: string | null;
  agentId: string | null;
  channel: string;
  priority: string;
  categoryId: string | null;
  tags: readonly string[];
  /** Public replies by agents. */
  agentReplies: number;
  timeSpentMinutes: number;
  reopenedAt: readonly Date[];
  /** Business minutes from creation to first response / to solving, on the SLA clock's calendar. */
  firstResponseBusinessMinutes: number | null;
  resolutionBusinessMinutes: number | null;
  sla: ReadonlyArray<{ metric: SlaMetric; startedAt: Date; outcome: 'met' | 'breached' | 'running' }>;
  csat: { rating: number; scale: number; ratedAt: Date } | null;
  csatRequestedAt: Date | null;
};

const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));

/** Satisfied: 4 or 5 out of 5; on a two-point scale, the top answer. */
export const isSatisfied = (rating: number, scale: number) => (scale >= 5 ? rating >= 4 : rating >= scale);

export type TicketDimensionFields = Pick<
  TicketSnapshot,
  'teamId' | 'agentId' | 'channel' | 'priority' | 'categoryId' | 'tags'
>;

export function ticketDimensions(t: TicketDimensionFields): RollupDimensionValue[] {
  const dims: RollupDimensionValue[] = [
    ['all', ''],
    ['channel', t.channel],
    ['priority', t.priority],
  ];
  if (t.teamId) dims.push(['team', t.teamId]);
  if (t.agentId) dims.push(['agent', t.agentId]);
  if (t.categoryId) dims.push(['category', t.categoryId]);
  for (const tag of new Set(t.tags)) dims.push(['tag', tag]);
  return dims;
}

/**
 * Everything one ticket adds to the rollups, each on the local day it belongs to: created and the busiest
 * hour on the day it came in; first response on the day it was answered; solved, replies, one-touch and
 * resolution time on the day it was solved; each reopening on its day; SLA targets on the day their clock
 * started (as the SLA report counts them); a rating on the day it was given.
 */
export function ticketMeasures(t: TicketSnapshot, timeZone: string): RollupMeasure[] {
  const created = localParts(t.createdAt, timeZone);
  const m: RollupMeasure[] = [
    [created.day, 'created', 0, 1],
    // The hour alone: the day already says which weekday it was.
    [created.day, 'busy_hour', created.hour, 1],
  ];
  if (t.timeSpentMinutes > 0) m.push([created.day, 'time_spent', 0, t.timeSpentMinutes]);
  if (t.firstRespondedAt) {
    const day = localDay(t.firstRespondedAt, timeZone);
    m.push([day, 'frt', durationBucket(minutesBetween(t.createdAt, t.firstRespondedAt)), 1]);
    if (t.firstResponseBusinessMinutes !== null)
      m.push([day, 'frt_business', durationBucket(t.firstResponseBusinessMinutes), 1]);
  }
  if (t.solvedAt) {
    const day = localDay(t.solvedAt, timeZone);
    m.push([day, 'solved', 0, 1]);
    if (t.agentReplies > 0) m.push([day, 'replies', 0, t.agentReplies]);
    if (t.agentReplies === 1) m.push([day, 'one_touch', 0, 1]);
    m.push([day, 'resolution', durationBucket(minutesBetween(t.createdAt, t.solvedAt)), 1]);
    if (t.resolutionBusinessMinutes !== null)
      m.push([day, 'resolution_business', durationBucket(t.resolutionBusinessMinutes), 1]);
  }
  for (const at of t.reopenedAt) m.push([localDay(at, timeZone), 'reopened', 0, 1]);
  for (const target of t.sla) {
    if (target.outcome === 'running') continue;
    m.push([
      localDay(target.startedAt, timeZone),
      target.outcome === 'met' ? 'sla_met' : 'sla_breached',
      SLA_METRICS.indexOf(target.metric),
      1,
    ]);
  }
  if (t.csatRequestedAt) m.push([localDay(t.csatRequestedAt, timeZone), 'csat_requested', 0, 1]);
  if (t.csat) {
    const day = localDay(t.csat.ratedAt, timeZone);
    m.push([day, 'csat_count', 0, 1], [day, 'csat_sum', 0, t.csat.rating]);
    if (isSatisfied(t.csat.rating, t.csat.scale)) m.push([day, 'csat_satisfied', 0, 1]);
  }
  return m;
}

/** The flat columns of the fact row: what the drill-down lists filter on. */
export function ticketFactColumns(t: TicketSnapshot, timeZone: string) {
  return {
    createdDay: localDay(t.createdAt, timeZone),
    solvedDay: t.solvedAt ? localDay(t.solvedAt, timeZone) : null,
    firstResponseDay: t.firstRespondedAt ? localDay(t.firstRespondedAt, timeZone) : null,
    ratedDay: t.csat ? localDay(t.csat.ratedAt, timeZone) : null,
    reopenDays: t.reopenedAt.map((at) => localDay(at, timeZone)),
    breachDays: [...new Set(t.sla.filter((s) => s.outcome === 'breached').map((s) => localDay(s.startedAt, timeZone)))],
    teamId: t.teamId,
    agentId: t.agentId,
    channel: t.channel,
    priority: t.priority,
    categoryId: t.categoryId,
    tags: [...new Set(t.tags)],
    oneTouch: Boolean(t.solvedAt) && t.agentReplies === 1,
  };
}
