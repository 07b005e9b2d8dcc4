import { and, asc, gt, inArray, lte, notInArray, or, sql, eq, type SQL } from 'drizzle-orm';
import type { TimeSince } from '@/lib/constants/automation';
import { TICKET_STATUSES, type TicketStatus } from '@/lib/constants/ticket';
import type { RuleConditionGroup, TimeCondition } from '@/lib/validators/automation';
import { customers, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { ruleTicketColumns } from './rule-ticket';

/** The ticket column each "hours since …" measures from. */
const SINCE_COLUMN = {
  created: tickets.createdAt,
  updated: tickets.updatedAt,
  last_customer_message: tickets.lastCustomerMessageAt,
  last_agent_reply: tickets.lastAgentMessageAt,
  status_changed: tickets.statusChangedAt,
  solved: tickets.solvedAt,
} satisfies Record<TimeSince, unknown>;

/**
 * The statuses a rule can match, when its top-level `all` group pins them ("status is solved"): a filter
 * the database applies with an index, so a sweep does not read every old ticket to test it in code.
 */
function pinnedStatuses(group: RuleConditionGroup): TicketStatus[] {
  let allowed = new Set<TicketStatus>(TICKET_STATUSES);
  if (group.match !== 'all') return [...allowed];
  for (const node of group.conditions) {
    if ('match' in node || node.field !== 'status') continue;
    const values = new Set(node.values);
    allowed = new Set([...allowed].filter((s) => (node.op === 'in' ? values.has(s) : !values.has(s))));
  }
  return [...allowed];
}

export const TIME_RULE_PAGE = 500;

/**
 * Tickets whose "hours since" has passed and that this rule has not acted on in the current period,
 * oldest first, one page after `after` (keyset on the measured time and id). The period key is the
 * measured timestamp in microseconds: a ticket solved again, answered again, starts a new period.
 */
export async function timeRuleCandidates(
  scope: TenantScope,
  rule: { id: string; time: TimeCondition; conditions: RuleConditionGroup },
  now: Date,
  after: { at: Date; id: string } | null,
) {
  const column = SINCE_COLUMN[rule.time.since];
  const cutoff = new Date(now.getTime() - rule.time.hours * 3_600_000);
  const periodKey = sql<string>`(floor(extract(epoch from ${column}) * 1000000)::bigint)::text`;
  const statuses = pinnedStatuses(rule.conditions).filter((s) => s !== 'closed' && s !== 'merged');
  if (!statuses.length) return [];
  const conditions: Array<SQL | undefined> = [
    inArray(tickets.status, statuses),
    notInArray(tickets.status, ['closed', 'merged']),
    lte(column, cutoff),
    sql`not exists (select 1 from automation_rule_firings f where f.rule_id = ${rule.id} and f.ticket_id = ${tickets.id} and f.period_key = ${periodKey})`,
    after ? or(gt(column, after.at), and(eq(column, after.at), gt(tickets.id, after.id))) : undefined,
  ];
  return scope.db
    .select({ ...ruleTicketColumns, periodKey, measuredAt: sql<Date>`${column}`.mapWith(column) })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.requesterId))
    .where(and(...conditions))
    .orderBy(asc(column), asc(tickets.id))
    .limit(TIME_RULE_PAGE);
}
