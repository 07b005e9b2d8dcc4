import { matchesConditions, planActs, planRuleActions, type RuleEvent, type RuleMoment } from '@/lib/automation';
import type { TenantScope } from '@/server/db/tenant';
import { componentLogger } from '@/server/log';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { carryOutRulePlan } from './carry-out-rule-plan';
import { claimFiring, countFiring, recordRuleError, type RuleRow } from './rule-records';
import { loadRuleTicket } from './rule-ticket';

const log = componentLogger('automation');

export type FiringOccasion = {
  periodKey: string;
  event: RuleEvent | null;
  moment: RuleMoment;
  depth: number;
  at: Date;
};

/**
 * One rule on one ticket, in its own savepoint: lock the ticket, test the conditions on it as it is now
 * (the rules before this one may have changed it; an agent may have reopened it), plan, claim the firing
 * for the period, carry the plan out, count it. A failure undoes the rule's writes and is kept on the
 * rule's page; the caller goes on with the next rule. Returns whether the rule acted.
 */
export async function fireRule(scope: TenantScope, rule: RuleRow, ticketId: string, occasion: FiringOccasion) {
  try {
    return await scope.db.transaction(async (savepoint) => {
      const ruleScope = { ...scope, db: savepoint };
      await loadTicketForUpdate(ruleScope, ticketId);
      const ticket = await loadRuleTicket(ruleScope, ticketId);
      // Closed and merged tickets are history: no rule changes them.
      if (!ticket || ticket.status === 'closed' || ticket.status === 'merged') return false;
      if (!matchesConditions(rule.conditions, ticket, occasion.event, occasion.moment)) return false;
      const plan = planRuleActions(ticket, rule.actions);
      if (!planActs(plan)) return false;
      if (!(await claimFiring(ruleScope, rule.id, ticketId, occasion.periodKey))) return false;
      await carryOutRulePlan(ruleScope, ticketId, plan, {
        type: 'rule',
        ruleId: rule.id,
        ruleName: rule.name,
        depth: occasion.depth,
      });
      await countFiring(ruleScope, rule.id, occasion.at);
      return true;
    });
  } catch (error) {
    log.warn({ workspaceId: scope.tenantId, ruleId: rule.id, ticketId, err: error }, 'automation rule failed');
    await recordRuleError(scope, rule.id, ticketId, error);
    return false;
  }
}
