/** Event rules run on a domain event; time rules on the worker's minute sweep. */
export const RULE_KINDS = ['event', 'time'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** The domain events an event rule may listen to (lib/constants/outbox.ts names them). */
export const RULE_TRIGGERS = [
  'ticket.created',
  'ticket.status_changed',
  'ticket.message_added',
  'ticket.assigned',
  'ticket.priority_changed',
  'sla.warning',
  'sla.breach',
  'csat.received',
] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

export const RULE_TRIGGER_LABELS: Record<RuleTrigger, string> = {
  'ticket.created': 'Ticket is created',
  'ticket.status_changed': 'Status changes',
  'ticket.message_added': 'A message is added',
  'ticket.assigned': 'Ticket is assigned',
  'ticket.priority_changed': 'Priority changes',
  'sla.warning': 'SLA target is near',
  'sla.breach': 'SLA target is breached',
  'csat.received': 'A satisfaction rating arrives',
};

/** What a time rule measures from: each a ticket column, so the sweep is one indexed query per rule. */
export const TIME_SINCE = [
  'created',
  'updated',
  'last_customer_message',
  'last_agent_reply',
  'status_changed',
  'solved',
] as const;
export type TimeSince = (typeof TIME_SINCE)[number];

export const TIME_SINCE_LABELS: Record<TimeSince, string> = {
  created: 'created',
  updated: 'last updated',
  last_customer_message: 'the last customer message',
  last_agent_reply: 'the last agent reply',
  status_changed: 'the status last changed',
  solved: 'solved',
};

/** Fields a condition can test. `event.*` read the event that triggered the rule, not the ticket. */
export const CONDITION_FIELDS = [
  'status',
  'priority',
  'type',
  'category',
  'tags',
  'channel',
  'team',
  'assignee',
  'requester_domain',
  'organization',
  'custom_field',
  'text',
  'business_hours',
  'event.visibility',
  'event.author',
  'event.channel',
  'event.rating',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/**
 * Operators. `in`/`not_in`: the field's value is (not) one of the values. `set`/`empty`: the field has a
 * value or not. `has_any`/`has_all`/`has_none`: over a list (tags) or the words of a text.
 */
export const CONDITION_OPERATORS = ['in', 'not_in', 'set', 'empty', 'has_any', 'has_all', 'has_none'] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/** Which operators each field takes: the validator refuses the rest, the builder offers only these. */
export const FIELD_OPERATORS: Record<ConditionField, readonly ConditionOperator[]> = {
  status: ['in', 'not_in'],
  priority: ['in', 'not_in'],
  type: ['in', 'not_in', 'set', 'empty'],
  category: ['in', 'not_in', 'set', 'empty'],
  tags: ['has_any', 'has_all', 'has_none'],
  channel: ['in', 'not_in'],
  team: ['in', 'not_in', 'set', 'empty'],
  assignee: ['in', 'not_in', 'set', 'empty'],
  requester_domain: ['in', 'not_in'],
  organization: ['in', 'not_in', 'set', 'empty'],
  custom_field: ['in', 'not_in', 'set', 'empty'],
  text: ['has_any', 'has_all', 'has_none'],
  business_hours: ['in'],
  'event.visibility': ['in'],
  'event.author': ['in', 'not_in'],
  'event.channel': ['in', 'not_in'],
  'event.rating': ['in', 'not_in'],
};

export const CONDITION_FIELD_LABELS: Record<ConditionField, string> = {
  status: 'Status',
  priority: 'Priority',
  type: 'Type',
  category: 'Category',
  tags: 'Tags',
  channel: 'Ticket channel',
  team: 'Team',
  assignee: 'Assignee',
  requester_domain: "Requester's email domain",
  organization: "Requester's organisation",
  custom_field: 'Custom field',
  text: 'Subject or message contains',
  business_hours: 'Business hours now',
  'event.visibility': 'Message is',
  'event.author': 'Event by',
  'event.channel': 'Event channel',
  'event.rating': 'Satisfaction rating (1–5)',
};

export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  in: 'is',
  not_in: 'is not',
  set: 'is set',
  empty: 'is empty',
  has_any: 'has any of',
  has_all: 'has all of',
  has_none: 'has none of',
};

export const EVENT_VISIBILITIES = ['public', 'internal'] as const;
export const EVENT_AUTHORS = ['customer', 'agent', 'system', 'rule'] as const;
/** A `csat.received` event's rating, normalised to 1–5 (good = 5, bad = 1 on the good/bad scale). */
export const EVENT_RATINGS = ['1', '2', '3', '4', '5'] as const;
export const EVENT_CHANNELS = ['portal', 'email', 'widget', 'agent', 'api', 'sla', 'system'] as const;

export const RULE_ACTION_TYPES = [
  'assign_agent',
  'assign_team',
  'assign_by_policy',
  'set_status',
  'set_priority',
  'set_type',
  'set_category',
  'set_field',
  'add_tags',
  'remove_tags',
  'add_note',
  'auto_reply',
  'notify',
  'escalate',
  'apply_macro',
] as const;
export type RuleActionType = (typeof RULE_ACTION_TYPES)[number];

export const RULE_ACTION_LABELS: Record<RuleActionType, string> = {
  assign_agent: 'Assign to agent',
  assign_team: 'Assign to team',
  assign_by_policy: 'Assign by assignment policy',
  set_status: 'Set status',
  set_priority: 'Set priority',
  set_type: 'Set type',
  set_category: 'Set category',
  set_field: 'Set custom field',
  add_tags: 'Add tags',
  remove_tags: 'Remove tags',
  add_note: 'Add internal note',
  auto_reply: 'Send auto-response to requester',
  notify: 'Notify agents or a team',
  escalate: 'Escalate (raise priority)',
  apply_macro: 'Apply macro',
};

/** Rules acting on changes made by rules: at most this deep, then the chain stops with a log line. */
export const RULE_DEPTH_LIMIT = 3;
/** Errors kept on a rule for its page; older ones drop off. */
export const RULE_ERRORS_KEPT = 5;
/** Dry-run windows, in days. */
export const DRY_RUN_WINDOWS = [7, 30] as const;
/** A dry run warns when the rule would act on more than this share of the window's tickets. */
export const DRY_RUN_WARN_SHARE = 0.25;
/** The built-in rule the auto-close setting became. */
export const BUILTIN_RULES = ['auto_close'] as const;
export type BuiltinRule = (typeof BUILTIN_RULES)[number];
