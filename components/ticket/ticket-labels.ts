import type { TicketChannel, TicketSort, TicketStatus } from '@/lib/constants/ticket';

// Words for the enums in lib/constants/ticket.ts that the constants file does not label itself.

// Priority words live with the enum: macros render them on the server too.
export { PRIORITY_LABELS } from '@/lib/constants/ticket';

export const CHANNEL_LABELS: Record<TicketChannel, string> = {
  web: 'Web portal',
  email: 'Email',
  widget: 'Widget',
  api: 'API',
  phone: 'Phone',
  chat: 'Chat',
};

export const SORT_LABELS: Record<TicketSort, string> = {
  updated_desc: 'Recently updated',
  updated_asc: 'Least recently updated',
  created_desc: 'Newest first',
  created_asc: 'Oldest first',
  priority_desc: 'Highest priority',
};

/** The board's columns, left to right: the unsolved states in working order, then solved. */
export const BOARD_STATUSES = [
  'new',
  'open',
  'pending',
  'on_hold',
  'solved',
] as const satisfies readonly TicketStatus[];

/** Activity actions as a person would say them. Unknown actions fall back to their name. */
export const ACTIVITY_LABELS: Record<string, string> = {
  created: 'created the ticket',
  replied: 'replied',
  note_added: 'added an internal note',
  customer_replied: 'replied',
  status_changed: 'changed the status',
  assigned: 'changed the assignment',
  auto_assigned: 'assigned the ticket by assignment policy',
  updated: 'updated the ticket',
  merged: 'merged this ticket into another',
  merged_in: 'merged another ticket into this one',
  bulk_assign: 'changed the assignment (bulk)',
  bulk_status: 'changed the status (bulk)',
  bulk_priority: 'changed the priority (bulk)',
  bulk_add_tags: 'added tags (bulk)',
  bulk_remove_tags: 'removed tags (bulk)',
  bulk_category: 'changed the category (bulk)',
  bulk_close: 'closed the ticket (bulk)',
  macro_applied: 'applied a macro',
  config_removed: 'updated the ticket (an admin removed a value it used)',
  sla_warning: 'flagged an SLA target at risk',
  sla_breached: 'recorded an SLA breach',
  sla_escalated: 'ran an SLA escalation',
  sla_escalation_applied: 'changed the ticket (SLA escalation)',
};

export function activityLabel(action: string) {
  return ACTIVITY_LABELS[action] ?? action.replace(/_/g, ' ');
}
