import { and, eq } from 'drizzle-orm';
import { imapMailboxes, outboundChecks } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { beginCheck, currentCheck, presentCheck } from '@/server/services/outbound/check-row';
import type { StaffScope } from '@/server/services/types';
import { ImapFailure, openFolder, openMailbox } from './imap-connection';

export async function getImapCheck(scope: StaffScope) {
  return presentCheck(await currentCheck(scope, 'imap'));
}

/** "Test connection" for the saved mailbox; the worker connects (see beginCheck). */
export async function startImapCheck(scope: StaffScope) {
  const [mailbox] = await scope.db
    .select({ host: imapMailboxes.host, port: imapMailboxes.port })
    .from(imapMailboxes)
    .where(eq(imapMailboxes.tenantId, scope.tenantId));
  if (!mailbox) throw new AppError('BAD_REQUEST', 'Save the mailbox settings first, then test the connection.');
  return beginCheck(scope, 'imap', { target: null, targetHost: `${mailbox.host}:${mailbox.port}` });
}

/**
 * Runs in the worker between two short transactions: connect through the outbound guard, sign in, open the
 * folder, each step with its own time limit. The answer names the step that failed.
 */
export async function runImapCheck(tenantId: string) {
  const plan = await runInTenant(tenantId, async ({ db }) => {
    const [check] = await db
      .select()
      .from(outboundChecks)
      .where(and(eq(outboundChecks.tenantId, tenantId), eq(outboundChecks.kind, 'imap')));
    if (!check || check.status !== 'running') return null;
    const [mailbox] = await db.select().from(imapMailboxes).where(eq(imapMailboxes.tenantId, tenantId));
    return { checkId: check.id, mailbox };
  });
  if (!plan) return { skipped: true as const };
  let ok = false;
  let message: string;
  if (!plan.mailbox) message = 'No mailbox is saved any more.';
  else {
    const { mailbox } = plan;
    const client = await openMailbox(mailbox).catch((error: unknown) => error as Error);
    if (client instanceof Error) message = describe(client);
    else {
      try {
        const folder = await openFolder(client, mailbox.folder);
        ok = true;
        message = `Signed in to ${mailbox.host} as ${mailbox.username} and opened "${mailbox.folder}" (${folder.exists} messages).`;
      } catch (error) {
        message = describe(error);
      } finally {
        await client.logout().catch(() => client.close());
      }
    }
  }
  await runInTenant(tenantId, ({ db }) =>
    db
      .update(outboundChecks)
      .set({ status: ok ? 'ok' : 'failed', message, finishedAt: new Date() })
      .where(and(eq(outboundChecks.id, plan.checkId), eq(outboundChecks.status, 'running'))),
  );
  return { ok };
}

function describe(error: unknown) {
  if (error instanceof ImapFailure || error instanceof AppError) return error.message;
  return `The check failed unexpectedly (${error instanceof Error ? error.message : String(error)}).`;
}
