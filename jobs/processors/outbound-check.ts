import { and, eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import { mailSettings, outboundChecks } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { verifySmtp, type SmtpServer } from '@/server/email/transport';
import type { JobPayload } from '@/server/queue/jobs';
import { runImapCheck } from '@/server/services/inbound/imap-check';

type Plan = { id: string; server: SmtpServer | null; host: string | null };

/** Reads what to check in one short transaction, committed before any network traffic. */
function readPlan(tenantId: string): Promise<Plan | null> {
  return runInTenant(tenantId, async ({ db }) => {
    const [check] = await db
      .select()
      .from(outboundChecks)
      .where(and(eq(outboundChecks.tenantId, tenantId), eq(outboundChecks.kind, 'smtp')));
    if (!check || check.status !== 'running') return null;
    const [saved] = await db
      .select({ smtpUrl: mailSettings.smtpUrl })
      .from(mailSettings)
      .where(eq(mailSettings.tenantId, tenantId));
    const workspaceUrl = check.target ?? saved?.smtpUrl ?? null;
    const server: SmtpServer | null = workspaceUrl
      ? { url: workspaceUrl, configuredBy: 'workspace' }
      : env.SMTP_URL
        ? { url: env.SMTP_URL, configuredBy: 'operator' }
        : null;
    return { id: check.id, server, host: check.targetHost };
  });
}

/**
 * Runs a workspace's "Test connection": the network wait (guarded address, SMTP_CHECK_TIMEOUTS) happens
 * here, between two short transactions, so a slow or silent server costs this job time and no one's database
 * connection. The answer is written back for the admin page to poll; the typed URL is dropped with it.
 */
export async function processOutboundCheck({ tenantId, kind }: JobPayload<'outbound.check'>) {
  if (kind === 'imap') return runImapCheck(tenantId);
  const plan = await readPlan(tenantId);
  if (!plan) return { skipped: true as const };
  const result = plan.server ? await verifySmtp(plan.server) : ({ ok: true } as const);
  const message = !plan.server
    ? 'No SMTP server is configured: mail is saved as files on the server (CAIRN_DATA_DIR/mail).'
    : result.ok
      ? `Connected to ${plan.host} and signed in.`
      : result.error;
  await runInTenant(tenantId, ({ db }) =>
    db
      .update(outboundChecks)
      .set({ status: result.ok ? 'ok' : 'failed', message, target: null, finishedAt: new Date() })
      .where(and(eq(outboundChecks.id, plan.id), eq(outboundChecks.status, 'running'))),
  );
  return { ok: result.ok };
}
