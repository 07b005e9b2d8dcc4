import { and, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { attachments, privacyRequests, tickets } from '@/server/db/schema';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { recordAudit } from '@/server/services/audit/record-audit';
import { deleteExportFiles } from './delete-export-files';
import { deleteAttachmentBatch } from './delete-attachment-batch';
import { getRetentionSettings } from './retention-settings';

export const PURGE_BATCH = 200;

/** One batch of attachments on tickets solved or closed before the cutoff. Open tickets are never touched. */
function purgeBatch(scope: TenantScope, cutoff: Date) {
  const solvedBefore = scope.db
    .select({ id: tickets.id })
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, ['solved', 'closed']),
        lt(sql`coalesce(${tickets.solvedAt}, ${tickets.closedAt})`, cutoff),
      ),
    );
  return deleteAttachmentBatch(scope, inArray(attachments.ticketId, solvedBefore), PURGE_BATCH);
}

/** Export files whose link has run out: the admin had their days to download them. */
export async function deleteExpiredExports(tenantId: string, now = new Date()) {
  return runInTenant(tenantId, async (scope) => {
    const expired = await scope.db
      .select({ id: privacyRequests.id, fileKey: privacyRequests.fileKey })
      .from(privacyRequests)
      .where(and(isNotNull(privacyRequests.fileKey), lt(privacyRequests.fileExpiresAt, now)))
      .for('update', { skipLocked: true });
    await deleteExportFiles(scope, expired);
    return expired.length;
  });
}

/**
 * The workspace's retention rule: attachments of tickets solved or closed more than N days ago are
 * deleted, files and rows, one batch per transaction; the run is written to the audit trail.
 */
export async function purgeWorkspaceAttachments(tenantId: string, now = new Date()) {
  const { purgeAttachmentsAfterDays: days } = await runInTenant(tenantId, getRetentionSettings);
  let purged = 0;
  if (days) {
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    for (;;) {
      const done = await runInTenant(tenantId, (scope) => purgeBatch(scope, cutoff));
      purged += done;
      if (done < PURGE_BATCH) break;
    }
    if (purged) {
      await runInTenant(tenantId, (scope) =>
        recordAudit(scope, {
          actorUserId: null,
          action: 'workspace.attachments_purged',
          subject: { type: 'workspace', id: tenantId },
          details: { files: purged, afterDays: days },
        }),
      );
    }
  }
  return { purged };
}
