import { STATUS_TRANSITIONS, type TicketStatus } from '@/lib/constants/ticket';

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return STATUS_TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus) {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}

/** A customer writing back means the ball is in our court again. */
export function statusAfterCustomerReply(status: TicketStatus): TicketStatus {
  return status === 'pending' || status === 'solved' ? 'open' : status;
}

/** The first agent reply to a new ticket opens it. */
export function statusAfterAgentReply(status: TicketStatus): TicketStatus {
  return status === 'new' ? 'open' : status;
}
