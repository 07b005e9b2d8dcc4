/** Automation rules as pure logic: conditions over a ticket snapshot and an event, and what actions would do. */
export type { RuleEvent, RuleMoment, RuleTicket } from './types';
export { matchesCondition, matchesConditions } from './evaluate-conditions';
export {
  applyRuleChanges,
  planActs,
  planRuleActions,
  raisedPriority,
  type RuleFieldChanges,
  type RulePlan,
} from './plan-actions';
export { wordText, hasPhrase } from './words';
