import { sql } from 'drizzle-orm';
import { ticketCounters } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * The next ticket number of the workspace. The upsert takes the counter row's lock until the creating
 * transaction ends, so concurrent creates queue up, and a rolled-back create gives its number back:
 * numbers have no gaps.
 */
export async function nextTicketNumber(scope: TenantScope): Promise<number> {
  const [row] = await scope.db
    .insert(ticketCounters)
    .values({ tenantId: scope.tenantId, lastNumber: 1 })
    .onConflictDoUpdate({ target: ticketCounters.tenantId, set: { lastNumber: sql`${ticketCounters.lastNumber} + 1` } })
    .returning({ lastNumber: ticketCounters.lastNumber });
  return row!.lastNumber;
}
