import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { lockUntilCommit } from '@/server/db/lock-until-commit';
import { inboundMessages } from '@/server/db/schema';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { trustedAuthservId } from './inbound-channel-settings';

/**
 * How many pending messages of its workspace one `inbound.process` job takes with its own. One read, one
 * lock statement and one transaction for all of them, the workspace's sender read once; their tickets'
 * events then wait together and are dispatched in one batch too.
 */
export const INBOUND_BATCH_SIZE = 50;
/** Raw bytes a batch reads at most: a few large mails are a batch of their own. The own message always comes. */
export const INBOUND_BATCH_BYTES = 8 * 1024 * 1024;

/** A stored message as processing reads it. */
export type ReceivedMail = { id: string; raw: Buffer; released: boolean };

/**
 * The job's own message, if still pending, with up to `size - 1` other pending messages of its workspace,
 * oldest first, within INBOUND_BATCH_BYTES; those in `busy` (taken by another job of this process) are left
 * out. Nothing is locked here: parsing and sender checks (DNS) run before the transaction that decides, and
 * that transaction locks whichever are still pending then. Returned in the order received, so an original
 * is decided before a reply to it that came in the same batch.
 */
export async function readInboundBatch(tenantId: string, ownId: string, size: number, busy: ReadonlySet<string>) {
  return runInTenant(tenantId, async (scope) => {
    const bytes = sql<number>`octet_length(${inboundMessages.raw})`.mapWith(Number);
    const [own] = await scope.db
      .select({ id: inboundMessages.id, status: inboundMessages.status, bytes })
      .from(inboundMessages)
      .where(eq(inboundMessages.id, ownId));
    if (!own || own.status !== 'pending') return null;
    const others =
      size > 1
        ? await scope.db
            .select({ id: inboundMessages.id, bytes })
            .from(inboundMessages)
            .where(
              and(
                eq(inboundMessages.tenantId, tenantId),
                eq(inboundMessages.status, 'pending'),
                sql`${inboundMessages.id} <> all(${sql.param([ownId, ...busy])}::uuid[])`,
              ),
            )
            .orderBy(asc(inboundMessages.receivedAt))
            .limit(size - 1)
        : [];
    const chosen = [own.id];
    let total = own.bytes;
    for (const other of others) {
      if (total + other.bytes > INBOUND_BATCH_BYTES) break;
      chosen.push(other.id);
      total += other.bytes;
    }
    const rows = await scope.db
      .select({ id: inboundMessages.id, raw: inboundMessages.raw, releasedAt: inboundMessages.releasedAt })
      .from(inboundMessages)
      .where(inArray(inboundMessages.id, chosen))
      .orderBy(asc(inboundMessages.receivedAt), asc(inboundMessages.id));
    const messages: ReceivedMail[] = rows.map((r) => ({ id: r.id, raw: r.raw, released: Boolean(r.releasedAt) }));
    return { messages, authservId: await trustedAuthservId(scope) };
  });
}

/**
 * Waits for the workspace's inbound turn, then locks those of `ids` still pending. One deciding transaction
 * per workspace at a time: a batch creates many tickets and customers, and two of them (or a batch and a
 * single message) taking the ticket-number lock and the same new customer's row in different orders would
 * deadlock. Whoever waits finds the messages decided and leaves them.
 */
export async function lockPendingInbound(scope: TenantScope, ids: readonly string[]) {
  await lockUntilCommit(scope, `cairn.inbound.${scope.tenantId}`);
  const rows = await scope.db
    .select({ id: inboundMessages.id })
    .from(inboundMessages)
    .where(and(inArray(inboundMessages.id, [...ids]), eq(inboundMessages.status, 'pending')))
    .for('update');
  return new Set(rows.map((r) => r.id));
}
