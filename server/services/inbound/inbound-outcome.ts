import { eq } from 'drizzle-orm';
import { inboundMessages, tickets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';

/** One line a mail gateway can log: what became of a stored message. */
export type InboundResult =
  | { outcome: 'new_ticket' | 'appended'; ticket: number | null; id: string }
  | { outcome: 'ignored' | 'bounce' | 'quarantined' | 'failed'; reason: string; ticket?: number; id: string }
  | { outcome: 'queued'; id: string };

export async function readInboundResult(tenantId: string, inboundId: string): Promise<InboundResult> {
  const [row] = await runInTenant(tenantId, (scope) =>
    scope.db
      .select({ status: inboundMessages.status, outcome: inboundMessages.outcome, ticket: tickets.number })
      .from(inboundMessages)
      .leftJoin(tickets, eq(tickets.id, inboundMessages.ticketId))
      .where(eq(inboundMessages.id, inboundId)),
  );
  if (!row || row.status === 'pending') return { outcome: 'queued', id: inboundId };
  if (row.status === 'processed')
    return { outcome: row.outcome === 'appended' ? 'appended' : 'new_ticket', ticket: row.ticket, id: inboundId };
  return {
    outcome: row.status,
    reason: row.outcome ?? '',
    ...(row.ticket ? { ticket: row.ticket } : {}),
    id: inboundId,
  };
}

/** Polls until the worker has decided, or the time is up (then `queued`: stored, processed later). */
export async function waitForInboundResult(tenantId: string, inboundId: string, waitMs: number) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const result = await readInboundResult(tenantId, inboundId);
    if (result.outcome !== 'queued' || Date.now() >= deadline) return result;
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, Math.max(0, deadline - Date.now()))));
  }
}
