import { matchesConditions } from '@/lib/automation';
import { RULE_DEPTH_LIMIT } from '@/lib/constants/automation';
import type { TenantScope } from '@/server/db/tenant';
import { componentLogger } from '@/server/log';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { inBusinessHours } from './business-hours-now';
import { fireRule } from './fire-rule';
import { ruleChain } from './rule-chain';
import { ruleEventOf } from './rule-event';
import { enabledRules } from './rule-records';
import { loadRuleTicket } from './rule-ticket';

const log = componentLogger('automation');

type RecordedEvent = DomainEvent & { id: string };

/**
 * The event rules of one recorded event, in the admin's order, in the dispatch transaction. Each rule sees
 * the ticket as the rules before it left it, acts at most once per event (a redelivered event finds its
 * firing recorded), and never runs on its own changes. A chain of rules reacting to rules stops at
 * RULE_DEPTH_LIMIT with a log line. Returns the names of the rules that acted.
 */
export async function runEventRules(scope: TenantScope, event: RecordedEvent) {
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
  const rules = await enabledRules(scope, 'event', event.type);
  if (!rules.length) return [];
  const occasion = {
    periodKey: `event:${event.id}`,
    event: await ruleEventOf(scope, event),
    moment: { inBusinessHours: await inBusinessHours(scope, new Date()) },
    depth: chain.depth + 1,
    at: new Date(),
  };
  const acted: string[] = [];
  // Tested first on a snapshot, without a lock or savepoint: most rules do not match most events. A rule
  // that matches is re-tested under the ticket's lock (fireRule), and after it acts the snapshot is re-read
  // so the next rules see its changes.
  let ticket = await loadRuleTicket(scope, event.data.ticketId);
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
