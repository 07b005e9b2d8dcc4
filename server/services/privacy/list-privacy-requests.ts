import { desc, eq } from 'drizzle-orm';
import { customers, privacyRequests } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { assertExists } from '@/server/db/exists-in-workspace';

export const privacyExportPath = (requestId: string) => `/api/privacy-exports/${requestId}`;

/** A customer's export and erasure requests, newest first, with the export's link while it works. */
export async function listPrivacyRequests(scope: TenantScope, input: { customerId: string }) {
  await assertExists(scope, customers.id, input.customerId, 'The customer');
  const rows = await scope.db
    .select()
    .from(privacyRequests)
    .where(eq(privacyRequests.customerId, input.customerId))
    .orderBy(desc(privacyRequests.createdAt))
    .limit(50);
  const now = Date.now();
  return rows.map((r) => {
    const downloadable =
      r.kind === 'export' && r.status === 'done' && !!r.fileKey && !!r.fileExpiresAt && r.fileExpiresAt.getTime() > now;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      createdAt: r.createdAt,
      completedAt: r.completedAt,
      lastError: r.lastError,
      fileSizeBytes: r.fileSizeBytes,
      expiresAt: r.fileExpiresAt,
      downloadUrl: downloadable ? privacyExportPath(r.id) : null,
    };
  });
}
