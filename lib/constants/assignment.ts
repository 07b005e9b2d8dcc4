/**
 * How a team hands out its new tickets. `manual`: nobody is picked, the ticket waits in the team queue.
 * `round_robin`: the next available agent after the last one picked. `least_loaded`: the agent with the
 * lightest open work, each ticket weighted by its priority. `skills`: only agents covering the ticket's
 * tags, category or language, least loaded first.
 */
export const ASSIGNMENT_POLICIES = ['manual', 'round_robin', 'least_loaded', 'skills'] as const;
export type AssignmentPolicy = (typeof ASSIGNMENT_POLICIES)[number];

export const ASSIGNMENT_POLICY_LABELS: Record<AssignmentPolicy, string> = {
  manual: 'Manual',
  round_robin: 'Round robin',
  least_loaded: 'Least loaded',
  skills: 'By skill',
};

export const AGENT_AVAILABILITY = ['available', 'away'] as const;
export type AgentAvailability = (typeof AGENT_AVAILABILITY)[number];

/** Weight of one open ticket in an agent's load: an urgent ticket counts as much as four low ones. */
export const PRIORITY_LOAD_WEIGHTS = { low: 1, normal: 2, high: 3, urgent: 4 } as const;

/** Open tickets an agent holds before the policies skip them, unless the admin sets another number. */
export const DEFAULT_AGENT_CAPACITY = 10;

export const TRIAGE_SUGGESTION_STATUSES = ['open', 'accepted', 'dismissed'] as const;
export type TriageSuggestionStatus = (typeof TRIAGE_SUGGESTION_STATUSES)[number];
