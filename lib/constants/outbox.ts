/**
 * `sending`: a worker claimed the row (committed) before talking to SMTP. A row still `sending` after its
 * lease means the worker died mid-send; the mail may have gone out, so it is never resent automatically.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Domain events: written to the outbox (kind 'event') in the same transaction as the change, then handed
 * to the event consumers by the `event.dispatch` job. Consumers (automation rules, webhooks) subscribe by type.
 */
export const DOMAIN_EVENT_TYPES = [
  'ticket.created',
  'ticket.status_changed',
  'ticket.message_added',
  'ticket.assigned',
  'ticket.priority_changed',
  'ticket.merged',
  'sla.warning',
  'sla.breach',
  'sla.escalated',
  'csat.requested',
  'csat.received',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];
