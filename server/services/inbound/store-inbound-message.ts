import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { inboundMessages } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { logError } from '@/server/errors';
import { enqueue } from '@/server/queue/enqueue';
import { readMessageId } from './mail-headers';

export type StoredInbound = { id: string; duplicate: boolean };

/**
 * The first step for every way mail comes in: the raw bytes are committed before anything parses them, so
 * whatever happens next the message is not lost. The same message delivered again (same Message-ID and
 * content) finds the stored row and is not stored or processed twice. Processing is queued after commit; a
 * lost nudge is picked up by the outbox sweep, which re-enqueues rows still pending.
 */
export async function storeInboundMessage(tenantId: string, raw: Uint8Array): Promise<StoredInbound> {
  const bytes = Buffer.from(raw);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const messageId = readMessageId(bytes);
  const stored = await runInTenant(tenantId, async (scope) => {
    const [inserted] = await scope.db
      .insert(inboundMessages)
      .values({ tenantId, raw: bytes, sha256, messageId })
      .onConflictDoNothing()
      .returning({ id: inboundMessages.id });
    if (inserted) {
      scope.afterCommit(() => queueInboundProcessing(tenantId, inserted.id));
      return { id: inserted.id, duplicate: false };
    }
    const [existing] = await scope.db
      .select({ id: inboundMessages.id })
      .from(inboundMessages)
      .where(
        and(
          eq(inboundMessages.tenantId, tenantId),
          eq(inboundMessages.messageId, messageId),
          eq(inboundMessages.sha256, sha256),
        ),
      );
    return { id: existing!.id, duplicate: true };
  });
  return stored;
}

/**
 * The job id derives from the row, so a second nudge for the same message adds nothing. A message sent back
 * to pending (an admin's retry or release, the sweep) names a new `key`: BullMQ ignores an add whose id is
 * still kept, and the first job, completed, is kept (removeOnComplete: the last thousand). Such a job is
 * marked `again`, so it runs even where a worker remembers deciding the message.
 */
export function queueInboundProcessing(tenantId: string, inboundId: string, key = inboundId) {
  const again = key === inboundId ? {} : { again: true as const };
  return enqueue('inbound.process', { tenantId, inboundId, ...again }, { key }).catch((error: unknown) =>
    logError({ error, inboundId, where: 'queue inbound processing' }),
  );
}
