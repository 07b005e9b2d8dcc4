/** Who did something to a ticket; recorded on messages and in the activity log. */
export type TicketActor = { type: 'agent'; userId: string } | { type: 'customer'; customerId: string } | { type: 'system' };

export function actorColumns(actor: TicketActor) {
  return {
    actorType: actor.type,
    actorUserId: actor.type === 'agent' ? actor.userId : null,
    actorCustomerId: actor.type === 'customer' ? actor.customerId : null,
  };
}
