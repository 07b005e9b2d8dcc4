import { sql } from 'drizzle-orm';
import { ALWAYS_OPEN_CALENDAR, businessMinutesBetween, type BusinessCalendar } from '@/lib/business-hours';
import type { SlaMetric } from '@/lib/constants/sla';
import type { TicketSnapshot } from '@/lib/reports/ticket-measures';
import type { TenantScope } from '@/server/db/tenant';

type Row = {
  id: string;
  created_at: number;
  solved_at: number | null;
  first_responded_at: number | null;
  status: string;
  team_id: string | null;
  assignee_id: string | null;
  channel: string;
  priority: string;
  category_id: string | null;
  tags: string[];
  agent_replies: number;
  time_spent: number;
  reopened_at: number[];
  sla: Array<{ metric: SlaMetric; started_at: number; outcome: 'met' | 'breached' | 'running' }>;
  calendars: Partial<Record<SlaMetric, BusinessCalendar>>;
};

// Moments travel as epoch milliseconds: exact, whatever the session's time zone.
const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::float8`);

/**
 * A ticket's analytic state in one statement: the row, its agent replies and logged time, each reopening
 * (solved or closed → unsolved, from the activity log), each SLA clock's outcome now, and the calendars the
 * clocks run on (business time is measured on them; a clock without one runs around the clock).
 * Tickets gone or merged away are missing from the map: they count nowhere.
 */
export async function loadTicketSnapshots(
  scope: TenantScope,
  ticketIds: readonly string[],
): Promise<Map<string, TicketState>> {
  const { rows } = await scope.db.execute<Row>(sql`
    select t.id, ${ms('t.created_at')} as created_at,
      case when t.status in ('solved', 'closed') then ${ms('coalesce(t.solved_at, t.closed_at)')} end as solved_at,
      ${ms('t.first_responded_at')} as first_responded_at,
      t.status, t.team_id, t.assignee_id, t.channel, t.priority, t.category_id, t.tags,
      (select count(*)::int from ticket_messages m
        where m.ticket_id = t.id and m.kind = 'reply' and m.author_type = 'agent') as agent_replies,
      (select coalesce(sum(m.time_spent_minutes), 0)::int from ticket_messages m where m.ticket_id = t.id) as time_spent,
      coalesce((select json_agg(${ms('a.created_at')} order by a.created_at) from ticket_activities a
        where a.ticket_id = t.id and a.changes -> 'status' ->> 'from' in ('solved', 'closed')
          and a.changes -> 'status' ->> 'to' in ('new', 'open', 'pending', 'on_hold')), '[]'::json) as reopened_at,
      coalesce((select json_agg(json_build_object('metric', s.metric, 'started_at', ${ms('s.started_at')},
          'outcome', case
            when s.met_at is not null and (s.due_at is null or s.met_at <= s.due_at) then 'met'
            when s.due_at is not null and coalesce(s.met_at, now()) > s.due_at then 'breached'
            else 'running' end))
        from ticket_sla_targets s where s.ticket_id = t.id), '[]'::json) as sla,
      coalesce((select json_object_agg(s.metric, json_build_object('timeZone', c.time_zone, 'weekly', c.weekly,
          'holidays', c.holidays))
        from ticket_sla_targets s join business_calendars c on c.id = s.calendar_id
        where s.ticket_id = t.id), '{}'::json) as calendars
    from tickets t where t.id in (select jsonb_array_elements_text(${JSON.stringify(ticketIds)}::jsonb)::uuid) and t.tenant_id = ${scope.tenantId}
      and t.status <> 'merged'`);
  return new Map(rows.map((row) => [row.id, toState(row)]));
}

/** The survey state is not the ticket's: it comes from the CSAT events (see refresh-ticket-facts.ts). */
export type TicketState = Omit<TicketSnapshot, 'csat' | 'csatRequestedAt'>;

function toState(row: Row): TicketState {
  const createdAt = new Date(Number(row.created_at));
  const solvedAt = row.solved_at === null ? null : new Date(Number(row.solved_at));
  const firstRespondedAt = row.first_responded_at === null ? null : new Date(Number(row.first_responded_at));
  const business = (metric: SlaMetric, end: Date | null) =>
    end ? Math.floor(businessMinutesBetween(row.calendars[metric] ?? ALWAYS_OPEN_CALENDAR, createdAt, end)) : null;
  return {
    createdAt,
    solvedAt,
    firstRespondedAt,
    teamId: row.team_id,
    agentId: row.assignee_id,
    channel: row.channel,
    priority: row.priority,
    categoryId: row.category_id,
    tags: row.tags,
    agentReplies: Number(row.agent_replies),
    timeSpentMinutes: Number(row.time_spent),
    reopenedAt: row.reopened_at.map((at) => new Date(Number(at))),
    firstResponseBusinessMinutes: business('first_response', firstRespondedAt),
    resolutionBusinessMinutes: business('resolution', solvedAt),
    sla: row.sla.map((s) => ({ metric: s.metric, startedAt: new Date(Number(s.started_at)), outcome: s.outcome })),
  };
}
