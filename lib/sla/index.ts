/** SLA clocks of a ticket: which policy applies, when each target is due, and where it stands. Pure. */
export type { ComputedTarget, MetricMinutes, SlaTicketFacts } from './types';
export { computeTicketTargets } from './compute-targets';
export { matchPolicy, policyMatches, type MatchablePolicy, type PolicyConditions } from './match-policy';
export { firstResponseCycle, latestNextResponseCycle, resolvedAt } from './response-cycles';
export { PAUSING_STATUSES, ticketPauses } from './ticket-pauses';
export { metInTime, targetState, type TargetTimes } from './target-state';
export {
  dueEscalations,
  escalationBase,
  escalationRunKey,
  nextCheckAt,
  type CheckableTarget,
  type EscalationLevel,
} from './next-check';
export { describeResponsePromise, formatDueTime, type PromiseInput } from './describe-promise';
