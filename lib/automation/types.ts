import type { TicketPriority, TicketStatus } from '@/lib/constants/ticket';

/** What a rule sees of a ticket: the fields conditions test and actions change. Plain data, no database. */
export type RuleTicket = {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  type: string | null;
  channel: string;
  categoryId: string | null;
  teamId: string | null;
  assigneeId: string | null;
  tags: string[];
  customFields: Record<string, string | number | boolean | null>;
  subject: string;
  requesterEmail: string;
  organizationId: string | null;
};

/** What a rule sees of the event that ran it; time rules have none. `body` is the message the event added. */
export type RuleEvent = {
  type: string;
  visibility?: 'public' | 'internal';
  author?: string;
  channel?: string;
  body?: string;
  /** csat.received: the rating, '1'..'5'. */
  rating?: string;
};

/** Facts about the moment of evaluation that the server computes once per run. */
export type RuleMoment = { inBusinessHours: boolean };
