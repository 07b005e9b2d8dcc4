import type { SlaTicketFacts } from './types';

export interface PolicyConditions {
  readonly priorities?: readonly string[];
  readonly categoryIds?: readonly string[];
  readonly channels?: readonly string[];
  readonly tags?: readonly string[];
  readonly organizationIds?: readonly string[];
}

export interface MatchablePolicy {
  readonly id: string;
  readonly position: number;
  readonly enabled: boolean;
  readonly conditions: PolicyConditions;
}

/** Each condition that is set must hold (tags: any of them); an empty condition list matches every ticket. */
export function policyMatches(conditions: PolicyConditions, ticket: SlaTicketFacts): boolean {
  const within = (allowed: readonly string[] | undefined, value: string | null) =>
    !allowed?.length || (value !== null && allowed.includes(value));
  if (!within(conditions.priorities, ticket.priority)) return false;
  if (!within(conditions.categoryIds, ticket.categoryId)) return false;
  if (!within(conditions.channels, ticket.channel)) return false;
  if (!within(conditions.organizationIds, ticket.organizationId)) return false;
  if (conditions.tags?.length && !conditions.tags.some((tag) => ticket.tags.includes(tag))) return false;
  return true;
}

/** The first enabled policy, in the admin's order, whose conditions match; null when none does. */
export function matchPolicy<P extends MatchablePolicy>(policies: readonly P[], ticket: SlaTicketFacts): P | null {
  const ordered = [...policies].sort((a, b) => a.position - b.position);
  return ordered.find((policy) => policy.enabled && policyMatches(policy.conditions, ticket)) ?? null;
}
