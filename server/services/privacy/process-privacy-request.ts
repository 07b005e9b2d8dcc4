import { and, eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import { privacyRequests } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { recordAudit } from '@/server/services/audit/record-audit';
import { deleteObject, putObject } from '@/server/storage/local-disk';
import { buildCustomerExport } from './build-customer-export';
import { eraseCustomer } from './erase-customer';

type Request = typeof privacyRequests.$inferSelect;

/** A duplicate job finished the request first: this run's work is dropped. */
class AlreadyDone extends Error {}

async function loadPending(tenantId: string, requestId: string) {
  const [request] = await runInTenant(tenantId, ({ db }) =>
    db.select().from(privacyRequests).where(eq(privacyRequests.id, requestId)),
  );
  return request?.status === 'pending' ? request : null;
}

/**
 * Builds the export in one transaction (one consistent snapshot), stores it, and marks the request done in
 * that same transaction. If the transaction fails after the file was written, the file is removed again;
 * if a duplicate job finished first, this run's file is the one dropped.
 */
async function runExport(tenantId: string, request: Request & { customerId: string }) {
  let stored: string | null = null;
  try {
    return await runInTenant(tenantId, async (scope) => {
      const data = await buildCustomerExport(scope, request.customerId);
      const bytes = new TextEncoder().encode(JSON.stringify(data, null, 2));
      stored = await putObject(bytes);
      const [done] = await scope.db
        .update(privacyRequests)
        .set({
          status: 'done',
          fileKey: stored,
          fileSizeBytes: bytes.byteLength,
          fileExpiresAt: new Date(Date.now() + env.PRIVACY_EXPORT_DAYS * 86_400_000),
          completedAt: new Date(),
          lastError: null,
        })
        .where(and(eq(privacyRequests.id, request.id), eq(privacyRequests.status, 'pending')))
        .returning({ id: privacyRequests.id });
      if (!done) throw new AlreadyDone();
      await recordAudit(scope, {
        actorUserId: request.requestedByUserId,
        action: 'customer.exported',
        subject: { type: 'customer', id: request.customerId },
        details: { requestId: request.id, tickets: data.tickets.length, bytes: bytes.byteLength },
      });
      return { exported: true as const, bytes: bytes.byteLength };
    });
  } catch (error) {
    if (stored) await deleteObject(stored);
    if (error instanceof AlreadyDone) return { skipped: true as const };
    throw error;
  }
}

async function runErasure(tenantId: string, request: Request & { customerId: string }) {
  const counts = await eraseCustomer(tenantId, request.customerId);
  return runInTenant(tenantId, async (scope) => {
    const [done] = await scope.db
      .update(privacyRequests)
      .set({ status: 'done', completedAt: new Date(), lastError: null })
      .where(and(eq(privacyRequests.id, request.id), eq(privacyRequests.status, 'pending')))
      .returning({ id: privacyRequests.id });
    if (!done) return { skipped: true as const };
    await recordAudit(scope, {
      actorUserId: request.requestedByUserId,
      action: 'customer.erased',
      subject: { type: 'customer', id: request.customerId },
      details: { requestId: request.id, ...counts },
    });
    return { erased: true as const, ...counts };
  });
}

/** The `privacy.process` job: re-reads the request and carries it out once; a done request is skipped. */
export async function processPrivacyRequest(tenantId: string, requestId: string) {
  const request = await loadPending(tenantId, requestId);
  if (!request) return { skipped: true as const };
  const { customerId } = request;
  if (!customerId) {
    // The customer row was deleted outright meanwhile: there is nothing left to export or erase.
    await markFailed(tenantId, requestId, 'The customer no longer exists in this workspace.');
    return { skipped: true as const };
  }
  return request.kind === 'export'
    ? runExport(tenantId, { ...request, customerId })
    : runErasure(tenantId, { ...request, customerId });
}

/** After the job's last attempt: the admin sees the request failed, with the reason, and may ask again. */
export async function markFailed(tenantId: string, requestId: string, error: string) {
  await runInTenant(tenantId, ({ db }) =>
    db
      .update(privacyRequests)
      .set({ status: 'failed', lastError: error.slice(0, 2000) })
      .where(and(eq(privacyRequests.id, requestId), eq(privacyRequests.status, 'pending'))),
  );
}
