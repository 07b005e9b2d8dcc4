import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TenantScope } from '@/server/db/tenant';

/**
 * What a new ticket's row holds until its real number is given, just before commit: negative, so it is
 * never a real number, and random, so creates in flight do not share one. Nobody else sees it (the row is
 * uncommitted), and even two equal placeholders only make the second insert wait for the first's commit,
 * by which time that row holds its real number.
 */
export function placeholderTicketNumber() {
  return -randomInt(1, 2 ** 47);
}

/**
 * Gives the ticket the workspace's next number. The counter row's lock is held from here until the
 * creating transaction ends, so concurrent creates queue up only for this statement and the commit (not
 * for the message, attachments, activity and SLA work before it), and a rolled-back create gives its
 * number back: numbers have no gaps. Call it as the (nearly) last statement of the transaction.
 */
export async function assignTicketNumber(scope: TenantScope, ticketId: string): Promise<number> {
  const result = await scope.db.execute<{ number: string | number }>(
    sql`with ${ticketNumberCtes(scope, ticketId)} select number from numbered`,
  );
  return Number(result.rows[0]!.number);
}

/**
 * assignTicketNumber's work as two CTEs, `counter` and `numbered` (its `number` column the new number), for a
 * statement that also does what needs the number (the committer records the ticket.created event with it).
 */
export function ticketNumberCtes(scope: TenantScope, ticketId: string) {
  return sql`
    counter as (
      insert into ticket_counters (tenant_id, last_number) values (${scope.tenantId}, 1)
      on conflict (tenant_id) do update set last_number = ticket_counters.last_number + 1
      returning last_number
    ),
    numbered as (
      update tickets set number = counter.last_number from counter where tickets.id = ${ticketId}
      returning tickets.number
    )`;
}
