import { eq } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';

/** The ticket row, locked for the rest of the transaction so concurrent changes apply one after another. */
export async function loadTicketForUpdate(scope: TenantScope, ticketId: string) {
  const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, ticketId)).for('update');
  if (!ticket) throw notFound('The ticket');
  return ticket;
}

export type TicketRecord = Awaited<ReturnType<typeof loadTicketForUpdate>>;
