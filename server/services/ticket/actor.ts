/**
 * Who did something to a ticket; recorded on messages and in the activity log. A customer acting through
 * a ticket's signed link carries `onlyTicketId`: that session reaches the one ticket only.
 */
export type TicketActor =
  | { type: 'agent'; userId: string }
  | { type: 'customer'; customerId: string; onlyTicketId?: string | null }
  | { type: 'system' };

export function actorColumns(actor: TicketActor) {
  return {
    actorType: actor.type,
    actorUserId: actor.type === 'agent' ? actor.userId : null,
    actorCustomerId: actor.type === 'customer' ? actor.customerId : null,
  };
}
