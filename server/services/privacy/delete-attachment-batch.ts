import { inArray, type SQL } from 'drizzle-orm';
import { attachments } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { deleteObject } from '@/server/storage/local-disk';

/**
 * Deletes up to `limit` attachments that `which` selects, files then rows, inside the caller's transaction,
 * and says how many: fewer than `limit` means none are left. Files go first: if the transaction then
 * fails, the rows are still there and the next run deletes them (removing a missing file is not an error),
 * so no row is ever left pointing nowhere for good and no file outlives its row.
 */
export async function deleteAttachmentBatch(scope: TenantScope, which: SQL | undefined, limit: number) {
  const files = await scope.db
    .select({ id: attachments.id, storageKey: attachments.storageKey })
    .from(attachments)
    .where(which)
    .limit(limit);
  if (!files.length) return 0;
  for (const file of files) await deleteObject(file.storageKey);
  await scope.db.delete(attachments).where(
    inArray(
      attachments.id,
      files.map((f) => f.id),
    ),
  );
  return files.length;
}
