/** Notifications an agent can switch off for themselves. Absent preference row = on. */
export const AGENT_NOTIFICATION_TYPES = ['ticket_created', 'customer_replied'] as const;
export type AgentNotificationType = (typeof AGENT_NOTIFICATION_TYPES)[number];

export const AGENT_NOTIFICATION_LABELS: Record<AgentNotificationType, { label: string; hint: string }> = {
  ticket_created: { label: 'New ticket', hint: 'A customer filed a ticket assigned to you, your team, or nobody yet.' },
  customer_replied: {
    label: 'Customer replied',
    hint: 'A customer replied on a ticket assigned to you (or your team when unassigned).',
  },
};

/** Who a notification mail is for: the two audiences thread separately, each in its own mailbox. */
export const MAIL_AUDIENCES = ['customer', 'agent'] as const;
export type MailAudience = (typeof MAIL_AUDIENCES)[number];

/** Every mail Cairn sends about a ticket. */
export const TICKET_MAIL_KINDS = [
  'ticket_created_confirmation',
  'ticket_created_alert',
  'agent_replied',
  'customer_replied',
  'ticket_solved',
  'ticket_closed',
] as const;
export type TicketMailKind = (typeof TICKET_MAIL_KINDS)[number];
