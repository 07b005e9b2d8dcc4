import { sql } from 'drizzle-orm';
import type { TenantScope } from '@/server/db/tenant';

/**
 * The workspace's next ticket number as a CTE named `counter` (its `last_number` column the new number), for
 * the statement that inserts the ticket with it (commitNewTicket). The counter row's lock is held from that
 * statement until the creating transaction ends, so concurrent creates queue up only for that statement and
 * the commit, and a rolled-back create gives its number back: numbers have no gaps. That statement must be
 * the (nearly) last of the transaction.
 */
export function ticketCounterCte(scope: TenantScope) {
  return sql`counter as (
      insert into ticket_counters (tenant_id, last_number) values (${scope.tenantId}, 1)
      on conflict (tenant_id) do update set last_number = ticket_counters.last_number + 1
      returning last_number
    )`;
}

/** The new number, inside a statement that has `counter` (ticketCounterCte). */
export const counterNumber = sql`(select last_number from counter)`;
