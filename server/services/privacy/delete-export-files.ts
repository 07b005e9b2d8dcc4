import { inArray } from 'drizzle-orm';
import { privacyRequests } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { deleteObject } from '@/server/storage/local-disk';

/** Deletes export files from the store and forgets their keys, so a download link finds nothing. */
export async function deleteExportFiles(scope: TenantScope, exports: Array<{ id: string; fileKey: string | null }>) {
  for (const { fileKey } of exports) if (fileKey) await deleteObject(fileKey);
  if (!exports.length) return;
  await scope.db
    .update(privacyRequests)
    .set({ fileKey: null })
    .where(
      inArray(
        privacyRequests.id,
        exports.map((e) => e.id),
      ),
    );
}
