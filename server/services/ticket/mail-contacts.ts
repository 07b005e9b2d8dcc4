import { eq } from 'drizzle-orm';
import { customers, ticketParticipants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

const contactColumns = {
  id: customers.id,
  name: customers.name,
  email: customers.email,
  bouncingAt: customers.emailBouncingAt,
  bounceReason: customers.emailBounceReason,
};

const withBounce = ({
  bouncingAt,
  bounceReason,
  ...contact
}: { bouncingAt: Date | null; bounceReason: string | null } & {
  id: string;
  name: string;
  email: string;
}) => ({ ...contact, bounce: bouncingAt ? { at: bouncingAt, reason: bounceReason ?? '' } : null });

/**
 * Who a ticket's mail goes to, for the agent's side panel: the requester and the CC participants, each with
 * the bounce mark a delivery report left (mail to a bouncing address is held, so the agent should know why
 * the customer hears nothing). Two primary-key/index look-ups.
 */
export async function ticketMailContacts(scope: TenantScope, ticket: { id: string; requesterId: string }) {
  const [requester] = await scope.db.select(contactColumns).from(customers).where(eq(customers.id, ticket.requesterId));
  const participants = await scope.db
    .select(contactColumns)
    .from(ticketParticipants)
    .innerJoin(customers, eq(customers.id, ticketParticipants.customerId))
    .where(eq(ticketParticipants.ticketId, ticket.id))
    .orderBy(ticketParticipants.createdAt);
  return {
    requesterBounce: requester ? withBounce(requester).bounce : null,
    participants: participants.map(withBounce),
  };
}
