import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { z } from 'zod';
import { env } from '@/lib/env';
import type { testMailSettingsInput } from '@/lib/validators/notification';
import { mailSettings, outboundChecks } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { enqueue } from '@/server/queue/enqueue';
import type { StaffScope } from '@/server/services/types';

/** Longer than any check can take (DNS, then SMTP_CHECK_TIMEOUTS): a row still running after this lost its job. */
export const SMTP_CHECK_STALE_MS = 2 * 60_000;

type CheckRow = typeof outboundChecks.$inferSelect;

/**
 * What the admin page sees: state and answer, never the URL (it may hold a password). A check whose job was
 * lost reads as failed once it is stale, so the page stops polling and a new click starts one.
 */
function present(row: CheckRow | undefined, alreadyRunning = false) {
  if (!row) return { status: 'none' as const };
  const lost = row.status === 'running' && row.requestedAt.getTime() < Date.now() - SMTP_CHECK_STALE_MS;
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

async function currentCheck(scope: TenantScope) {
  const [row] = await scope.db
    .select()
    .from(outboundChecks)
    .where(and(eq(outboundChecks.tenantId, scope.tenantId), eq(outboundChecks.kind, 'smtp')));
  return row;
}

export async function getSmtpCheck(scope: StaffScope) {
  return present(await currentCheck(scope));
}

/**
 * "Test connection": records that a check is wanted and queues it; the worker connects. This request does
 * no network I/O, so it holds its database connection for a few statements only, whatever the remote server
 * does. One check per workspace at a time: while one runs, another click returns it instead of queueing.
 */
export async function startSmtpCheck(scope: StaffScope, input: z.output<typeof testMailSettingsInput>) {
  const [saved] = await scope.db
    .select({ smtpUrl: mailSettings.smtpUrl })
    .from(mailSettings)
    .where(eq(mailSettings.tenantId, scope.tenantId));
  const url = input.smtpUrl ?? saved?.smtpUrl ?? null;
  const values = {
    status: 'running' as const,
    target: input.smtpUrl ?? null,
    targetHost: url ? new URL(url).host : env.SMTP_URL ? "Cairn's mail server" : null,
    message: null,
    requestedAt: new Date(),
    finishedAt: null,
  };
  // The row lock of the upsert orders concurrent clicks: the second sees `running` and changes nothing.
  const [started] = await scope.db
    .insert(outboundChecks)
    .values({ tenantId: scope.tenantId, kind: 'smtp', ...values })
    .onConflictDoUpdate({
      target: [outboundChecks.tenantId, outboundChecks.kind],
      set: values,
      setWhere: or(
        ne(outboundChecks.status, 'running'),
        lt(outboundChecks.requestedAt, new Date(Date.now() - SMTP_CHECK_STALE_MS)),
      ),
    })
    .returning();
  if (!started) return present(await currentCheck(scope), true);
  const tenantId = scope.tenantId;
  // One job id per workspace and kind, removed when it ends: a duplicate add while it waits or runs is ignored.
  scope.afterCommit(() =>
    enqueue(
      'outbound.check',
      { tenantId, kind: 'smtp' },
      { key: `${tenantId}-smtp`, attempts: 1, removeOnComplete: true, removeOnFail: true },
    ),
  );
  return present(started);
}
