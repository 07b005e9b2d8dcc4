import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import {
  applyRuleChanges,
  matchesConditions,
  planActs,
  planRuleActions,
  type RulePlan,
  type RuleTicket,
} from '@/lib/automation';
import { DRY_RUN_WARN_SHARE, RULE_DEPTH_LIMIT } from '@/lib/constants/automation';
import type { SaveRuleInput } from '@/lib/validators/automation';
import { outbox, ticketMessages, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { inBusinessHours } from './business-hours-now';
import { ruleChain } from './rule-chain';
import { eventMessageId, toRuleEvent } from './rule-event';
import { ruleTicketQuery } from './rule-ticket';
import { TIME_RULE_PAGE, timeRuleCandidates } from './time-rule-candidates';

/** The window's events replayed at most; a busier window is cut off and says so. */
const MAX_EVENTS = 20_000;
/** Matches listed in the answer; the counts cover them all. */
const MAX_LISTED = 200;

type DryRunMatch = {
  ticketId: string;
  subject: string;
  eventType: string | null;
  at: Date;
} & Pick<RulePlan, 'changes' | 'notes' | 'replies' | 'notifications' | 'macroIds' | 'assignByPolicy'>;

const CHUNK = 1_000;
async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>) {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

const matchOf = (ticket: RuleTicket, plan: RulePlan, eventType: string | null, at: Date): DryRunMatch => ({
  ticketId: ticket.id,
  subject: ticket.subject,
  eventType,
  at,
  changes: plan.changes,
  notes: plan.notes,
  replies: plan.replies,
  notifications: plan.notifications,
  macroIds: plan.macroIds,
  assignByPolicy: plan.assignByPolicy,
});

/**
 * An event rule replayed over the window's recorded events, with no writes: each event in order, against
 * the ticket as it is now plus what this rule would already have changed on it, with the same conditions,
 * planner, loop guard and "closed tickets are history" as the live consumer (run-event-rules.ts).
 */
async function replayEvents(scope: TenantScope, rule: SaveRuleInput, since: Date, inHours: boolean) {
  const rows = await scope.db
    .select({ id: outbox.id, payload: outbox.payload, createdAt: outbox.createdAt })
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, 'event'),
        gte(outbox.createdAt, since),
        inArray(sql`${outbox.payload}->>'type'`, rule.triggers),
      ),
    )
    .orderBy(outbox.createdAt, outbox.id)
    .limit(MAX_EVENTS);
  const events = rows.map((r) => ({ ...(r.payload as DomainEvent), id: r.id, at: r.createdAt }));
  const ticketIds = [...new Set(events.map((e) => e.data.ticketId))];
  const snapshots = new Map<string, RuleTicket>(
    (await inChunks(ticketIds, (ids) => ruleTicketQuery(scope).where(inArray(tickets.id, ids)))).map((t) => [t.id, t]),
  );
  const messageIds = events.map(eventMessageId).filter((id): id is string => Boolean(id));
  const messages = new Map(
    (
      await inChunks(messageIds, (ids) =>
        scope.db
          .select({ id: ticketMessages.id, kind: ticketMessages.kind, body: ticketMessages.body })
          .from(ticketMessages)
          .where(inArray(ticketMessages.id, ids)),
      )
    ).map((m) => [m.id, m]),
  );
  const matches: DryRunMatch[] = [];
  for (const event of events) {
    const chain = ruleChain(event.data);
    if (chain.depth >= RULE_DEPTH_LIMIT || (rule.ruleId && chain.ruleId === rule.ruleId)) continue;
    const ticket = snapshots.get(event.data.ticketId);
    if (!ticket || ticket.status === 'closed' || ticket.status === 'merged') continue;
    const messageId = eventMessageId(event);
    const ruleEvent = toRuleEvent(event, messageId ? messages.get(messageId) : undefined);
    if (!matchesConditions(rule.conditions, ticket, ruleEvent, { inBusinessHours: inHours })) continue;
    const plan = planRuleActions(ticket, rule.actions);
    if (!planActs(plan)) continue;
    matches.push(matchOf(ticket, plan, event.type, event.at));
    snapshots.set(ticket.id, applyRuleChanges(ticket, plan.changes));
  }
  return { matches, truncated: rows.length === MAX_EVENTS };
}

/** A time rule as the next sweep would run it now: the tickets due and not yet acted on in their period. */
async function sweepNow(scope: TenantScope, rule: SaveRuleInput, now: Date, inHours: boolean) {
  if (!rule.time) return { matches: [], truncated: false };
  const matches: DryRunMatch[] = [];
  // An unsaved rule has no firings; a saved one is checked against its own.
  const ruleId = rule.ruleId ?? '00000000-0000-0000-0000-000000000000';
  let after: { at: Date; id: string } | null = null;
  for (let read = 0; read < MAX_EVENTS;) {
    const page = await timeRuleCandidates(
      scope,
      { id: ruleId, time: rule.time, conditions: rule.conditions },
      now,
      after,
    );
    read += page.length;
    for (const { periodKey: _key, measuredAt, ...ticket } of page) {
      if (!matchesConditions(rule.conditions, ticket, null, { inBusinessHours: inHours })) continue;
      const plan = planRuleActions(ticket, rule.actions);
      if (planActs(plan)) matches.push(matchOf(ticket, plan, null, measuredAt));
    }
    if (page.length < TIME_RULE_PAGE) return { matches, truncated: false };
    const last = page[page.length - 1]!;
    after = { at: last.measuredAt, id: last.id };
  }
  return { matches, truncated: true };
}

/**
 * What a rule would do, without doing it: the tickets it would act on and each one's planned actions.
 * Read-only (the caller's transaction writes nothing). Warns when it would act on more than
 * DRY_RUN_WARN_SHARE of the tickets active in the window: a condition is probably missing.
 */
export async function dryRunRule(scope: TenantScope, input: { rule: SaveRuleInput; days: number }) {
  const now = new Date();
  const since = new Date(now.getTime() - input.days * 86_400_000);
  const inHours = await inBusinessHours(scope, now);
  const { matches, truncated } =
    input.rule.kind === 'event'
      ? await replayEvents(scope, input.rule, since, inHours)
      : await sweepNow(scope, input.rule, now, inHours);
  const [active] = await scope.db
    .select({ count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(gte(tickets.updatedAt, since));
  const ticketCount = Math.max(active?.count ?? 0, 1);
  const matchedTickets = new Set(matches.map((m) => m.ticketId)).size;
  const share = matchedTickets / ticketCount;
  const numbers = new Map(
    (
      await inChunks([...new Set(matches.slice(0, MAX_LISTED).map((m) => m.ticketId))], (ids) =>
        scope.db.select({ id: tickets.id, number: tickets.number }).from(tickets).where(inArray(tickets.id, ids)),
      )
    ).map((t) => [t.id, t.number]),
  );
  return {
    days: input.days,
    ticketsInWindow: active?.count ?? 0,
    matchedTickets,
    actions: matches.length,
    share,
    warning:
      share > DRY_RUN_WARN_SHARE
        ? `This rule would act on ${Math.round(share * 100)}% of the tickets of the last ${input.days} days. Check that its conditions are narrow enough before switching it on.`
        : null,
    truncated,
    matches: matches.slice(0, MAX_LISTED).map((m) => ({ ...m, number: numbers.get(m.ticketId) ?? null })),
  };
}
