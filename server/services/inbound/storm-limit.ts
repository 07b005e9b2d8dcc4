import { and, count, eq, gt, ne, sql } from 'drizzle-orm';
import { INBOUND_STORM_LIMIT } from '@/lib/constants/inbound';
import { inboundMessages } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

/**
 * Why this sender's mail is cut off, or null. Every message from the sender in the window counts, the ones
 * already cut off included, so a flood stays cut off until it pauses for a whole window. An auto-responder
 * that ignores our Auto-Submitted header, or a script gone wrong, cannot fill the desk or start a mail loop.
 */
export async function stormLimitReason(scope: TenantScope, sender: string, inboundId: string): Promise<string | null> {
  const { messages, windowMinutes } = INBOUND_STORM_LIMIT;
  const [row] = await scope.db
    .select({ recent: count() })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.tenantId, scope.tenantId),
        eq(inboundMessages.sender, sender),
        gt(inboundMessages.receivedAt, sql`now() - make_interval(mins => ${windowMinutes})`),
        ne(inboundMessages.id, inboundId),
      ),
    );
  if ((row?.recent ?? 0) < messages) return null;
  return `Mail storm: more than ${messages} messages from ${sender} within ${windowMinutes} minutes. Recorded, not turned into tickets or replies, and not answered.`;
}
