export const TICKET_STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed', 'merged'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which a ticket still needs work: the "unsolved" set the built-in views use. */
export const UNSOLVED_STATUSES = ['new', 'open', 'pending', 'on_hold'] as const satisfies readonly TicketStatus[];
export const END_STATUSES = ['closed', 'merged'] as const satisfies readonly TicketStatus[];

/**
 * Allowed moves. `closed` and `merged` are final; a solved ticket may be reopened or closed.
 * `merged` is reached only through a merge, never by setting the status.
 */
export const STATUS_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved', 'closed'],
  open: ['pending', 'on_hold', 'solved', 'closed'],
  pending: ['open', 'on_hold', 'solved', 'closed'],
  on_hold: ['open', 'pending', 'solved', 'closed'],
  solved: ['open', 'closed'],
  closed: [],
  merged: [],
};

export const STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  solved: 'Solved',
  closed: 'Closed',
  merged: 'Merged',
};

export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/**
 * The types a new workspace starts with (the demo's too); each workspace then manages its own under
 * Admin → Ticket types. Tickets, rules and filters hold the key, which never changes; the name may.
 */
export const DEFAULT_TICKET_TYPES = [
  { key: 'question', name: 'Question' },
  { key: 'incident', name: 'Incident' },
  { key: 'problem', name: 'Problem' },
  { key: 'task', name: 'Task' },
] as const;
/** A ticket type's key: lowercase letters, digits and underscores, made from its name when created. */
export const TICKET_TYPE_KEY_MAX = 40;

export const TICKET_CHANNELS = ['web', 'email', 'widget', 'api', 'phone', 'chat'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** reply: public, from an agent or the customer; note: internal, agents only; system: recorded events. */
export const MESSAGE_KINDS = ['reply', 'note', 'system'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_AUTHOR_TYPES = ['agent', 'customer', 'system'] as const;
export type MessageAuthorType = (typeof MESSAGE_AUTHOR_TYPES)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'select', 'date', 'checkbox'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Who sees a macro: its author only, members of chosen teams, or every agent of the workspace. */
export const MACRO_VISIBILITIES = ['personal', 'teams', 'everyone'] as const;
export type MacroVisibility = (typeof MACRO_VISIBILITIES)[number];

/** Icons a ticket category may show (lucide names); components/ticket/category-icon.tsx draws them. */
export const TICKET_CATEGORY_ICONS = [
  'inbox',
  'help-circle',
  'wrench',
  'credit-card',
  'lightbulb',
  'bug',
  'truck',
  'shield',
  'user',
  'lock',
  'mail',
  'package',
  'globe',
  'smartphone',
  'star',
  'alert-triangle',
] as const;
export type TicketCategoryIcon = (typeof TICKET_CATEGORY_ICONS)[number];

/** The portal's default categories; a workspace edits its own list. */
export const DEFAULT_TICKET_CATEGORIES = [
  { name: 'General question', color: '#0ea5e9', icon: 'help-circle' },
  { name: 'Technical issue', color: '#f97316', icon: 'wrench' },
  { name: 'Billing question', color: '#22c55e', icon: 'credit-card' },
  { name: 'Feature request', color: '#a855f7', icon: 'lightbulb' },
  { name: 'Bug report', color: '#ef4444', icon: 'bug' },
  { name: 'Other', color: '#64748b', icon: 'inbox' },
] as const;

export const BUILT_IN_VIEWS = ['my_open', 'unassigned', 'all_open', 'pending', 'recently_solved'] as const;
export type BuiltInView = (typeof BUILT_IN_VIEWS)[number];

export const VIEW_LABELS: Record<BuiltInView, string> = {
  my_open: 'My open tickets',
  unassigned: 'Unassigned',
  all_open: 'All open',
  pending: 'Pending',
  recently_solved: 'Recently solved',
};

export const TICKET_SORTS = ['updated_desc', 'updated_asc', 'created_desc', 'created_asc', 'priority_desc'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const DEFAULT_TICKET_NUMBER_FORMAT = { prefix: 'SUP', includeYear: true, padding: 8, suffix: '' } as const;

export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxPerMessage: 5 } as const;
