import { sql } from 'drizzle-orm';
import type { TenantScope } from '@/server/db/tenant';

export const LIVE_CHANNEL = 'cairn_live';

export type LiveEvent = {
  type: 'ticket.created' | 'ticket.updated' | 'message.created';
  ticketId: string;
  tenantId: string;
  at: string;
};

/**
 * NOTIFY is transactional: listeners hear of the change only if and when it commits, so a live update
 * never shows something that was rolled back. Payloads carry ids only; clients re-read through the API.
 */
export async function publishLive(scope: TenantScope, type: LiveEvent['type'], ticketId: string) {
  await scope.db.execute(sql`select ${liveNotice(scope, type, ticketId)}`);
}

/** publishLive's pg_notify call as an expression, for a statement that sends it along with its own work. */
export function liveNotice(scope: TenantScope, type: LiveEvent['type'], ticketId: string) {
  const event: LiveEvent = { type, ticketId, tenantId: scope.tenantId, at: new Date().toISOString() };
  return sql`pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
}
