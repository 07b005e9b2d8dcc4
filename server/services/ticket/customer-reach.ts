/**
 * What a portal customer may open: their own tickets, and with a session from one ticket's signed link
 * only that ticket. The ticket page and every file download ask this same question, so a link to one
 * request never becomes a key to the customer's other requests.
 */
export type CustomerReach = { customerId: string; onlyTicketId?: string | null };

export function customerReachesTicket(
  customer: CustomerReach,
  ticket: { id: string | null; requesterId: string | null },
): boolean {
  if (!ticket.id || ticket.requesterId !== customer.customerId) return false;
  return !customer.onlyTicketId || customer.onlyTicketId === ticket.id;
}
