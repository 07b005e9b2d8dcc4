import { matchesConditions } from '@/lib/automation';
import { RULE_DEPTH_LIMIT } from '@/lib/constants/automation';
import type { TenantScope } from '@/server/db/tenant';
import { componentLogger } from '@/server/log';
import type { DispatchedEvent, EventBatch } from '@/server/services/outbox/event-batch';
import { isOpenAt, rulesCalendar } from './business-hours-now';
import { fireRule } from './fire-rule';
import { ruleChain } from './rule-chain';
import { eventMessageId, eventMessages, toRuleEvent } from './rule-event';
import { enabledRules } from './rule-records';
import { loadRuleTicket, loadRuleTickets } from './rule-ticket';

const log = componentLogger('automation');

/**
 * What every event of a dispatch batch reads alike, read once for the batch: the enabled event rules, the
 * business hours now, the messages the events added, and a snapshot of their tickets.
 */
function batchReads(scope: TenantScope, batch: EventBatch) {
  const messageIds = () => batch.events.map(eventMessageId).filter((id): id is string => Boolean(id));
  const ticketIds = () => batch.events.map((e) => e.data.ticketId).filter(Boolean);
  // Functions, so each read starts when first awaited: one statement at a time on the transaction.
  return {
    rules: () => batch.once('automation:event-rules', () => enabledRules(scope, 'event')),
    // "Business hours now" is read once for the batch, at its start: its events are dispatched within a
    // fraction of a second.
    openNow: () => batch.once('automation:open-now', async () => isOpenAt(await rulesCalendar(scope), new Date())),
    messages: () => batch.once('automation:messages', () => eventMessages(scope, messageIds())),
    tickets: () => batch.once('automation:tickets', () => loadRuleTickets(scope, ticketIds())),
  };
}

/**
 * The ticket as this event's rules first see it: the batch's snapshot, unless an earlier event of the batch
 * was about the same ticket (its consumers may have changed it since), then read afresh.
 */
async function ticketForEvent(scope: TenantScope, event: DispatchedEvent, batch: EventBatch) {
  if (batch.followsSameTicket(event)) return loadRuleTicket(scope, event.data.ticketId);
  return (await batchReads(scope, batch).tickets()).get(event.data.ticketId) ?? null;
}

/**
 * The event rules of one recorded event, in the admin's order, in the dispatch transaction. Each rule sees
 * the ticket as the rules before it left it, acts at most once per event (a redelivered event finds its
 * firing recorded), and never runs on its own changes. A chain of rules reacting to rules stops at
 * RULE_DEPTH_LIMIT with a log line. Returns the names of the rules that acted.
 */
export async function runEventRules(scope: TenantScope, event: DispatchedEvent, batch: EventBatch) {
  const chain = ruleChain(event.data);
  if (chain.depth >= RULE_DEPTH_LIMIT) {
    log.warn(
      {
        workspaceId: scope.tenantId,
        eventId: event.id,
        event: event.type,
        ticketId: event.data.ticketId,
        ruleId: chain.ruleId,
      },
      `automation loop guard: rules reacting to rules reached depth ${chain.depth} (limit ${RULE_DEPTH_LIMIT}); this event runs no rules`,
    );
    return [];
  }
  const reads = batchReads(scope, batch);
  const rules = (await reads.rules()).filter((rule) => rule.triggers.includes(event.type));
  if (!rules.length) return [];
  const messageId = eventMessageId(event);
  const at = new Date();
  const occasion = {
    periodKey: `event:${event.id}`,
    event: toRuleEvent(event, messageId ? (await reads.messages()).get(messageId) : undefined),
    moment: { inBusinessHours: await reads.openNow() },
    depth: chain.depth + 1,
    at,
  };
  const acted: string[] = [];
  // Tested first on a snapshot, without a lock or savepoint: most rules do not match most events. A rule
  // that matches is re-tested under the ticket's lock (fireRule), and after it acts the snapshot is re-read
  // so the next rules see its changes.
  let ticket = await ticketForEvent(scope, event, batch);
  for (const rule of rules) {
    if (!ticket || ticket.status === 'closed' || ticket.status === 'merged') break;
    if (rule.id === chain.ruleId) continue;
    if (!matchesConditions(rule.conditions, ticket, occasion.event, occasion.moment)) continue;
    if (!(await fireRule(scope, rule, ticket.id, occasion))) continue;
    acted.push(rule.name);
    ticket = await loadRuleTicket(scope, ticket.id);
  }
  return acted;
}
