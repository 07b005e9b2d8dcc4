import { and, eq } from 'drizzle-orm';
import { tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';

export async function findTicketByNumber(scope: TenantScope, number: number) {
  const [row] = await scope.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.tenantId, scope.tenantId), eq(tickets.number, number)));
  if (!row) throw notFound(`Ticket ${number}`);
  return row;
}
