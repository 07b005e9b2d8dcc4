import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { OutboundCheckKind } from '@/lib/constants/outbound';
import { outboundChecks } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { enqueue } from '@/server/queue/enqueue';

/**
 * Longer than any check can take (DNS, then the connection's own time limits): a row still running after
 * this lost its job.
 */
export const CHECK_STALE_MS = 2 * 60_000;

type CheckRow = typeof outboundChecks.$inferSelect;

/**
 * What the admin page sees: state and answer, never the target (it may hold a password). A check whose job
 * was lost reads as failed once it is stale, so the page stops polling and a new click starts one.
 */
export function presentCheck(row: CheckRow | undefined, alreadyRunning = false) {
  if (!row) return { status: 'none' as const };
  const lost = row.status === 'running' && row.requestedAt.getTime() < Date.now() - CHECK_STALE_MS;
  return {
    id: row.id,
    status: lost ? ('failed' as const) : row.status,
    host: row.targetHost,
    message: lost
      ? 'The test did not finish. Try again; if it keeps happening, ask your Cairn operator to check the worker.'
      : row.message,
    requestedAt: row.requestedAt,
    finishedAt: row.finishedAt,
    alreadyRunning,
  };
}

export async function currentCheck(scope: TenantScope, kind: OutboundCheckKind) {
  const [row] = await scope.db
    .select()
    .from(outboundChecks)
    .where(and(eq(outboundChecks.tenantId, scope.tenantId), eq(outboundChecks.kind, kind)));
  return row;
}

/**
 * Records that a check is wanted and queues it after commit; the worker connects. No network I/O here, so
 * the request holds its database connection for a few statements only. One check per workspace and kind at
 * a time: while one runs, another click returns it instead of queueing.
 */
export async function beginCheck(
  scope: TenantScope,
  kind: OutboundCheckKind,
  what: { target: string | null; targetHost: string | null },
) {
  const values = {
    status: 'running' as const,
    ...what,
    message: null,
    requestedAt: new Date(),
    finishedAt: null,
  };
  // The row lock of the upsert orders concurrent clicks: the second sees `running` and changes nothing.
  const [started] = await scope.db
    .insert(outboundChecks)
    .values({ tenantId: scope.tenantId, kind, ...values })
    .onConflictDoUpdate({
      target: [outboundChecks.tenantId, outboundChecks.kind],
      set: values,
      setWhere: or(
        ne(outboundChecks.status, 'running'),
        lt(outboundChecks.requestedAt, new Date(Date.now() - CHECK_STALE_MS)),
      ),
    })
    .returning();
  if (!started) return presentCheck(await currentCheck(scope, kind), true);
  const tenantId = scope.tenantId;
  // One job id per workspace and kind, removed when it ends: a duplicate add while it waits or runs is ignored.
  scope.afterCommit(() =>
    enqueue(
      'outbound.check',
      { tenantId, kind },
      { key: `${tenantId}-${kind}`, attempts: 1, removeOnComplete: true, removeOnFail: true },
    ),
  );
  return presentCheck(started);
}
