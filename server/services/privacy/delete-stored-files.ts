import { inArray } from 'drizzle-orm';
import { attachments } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { deleteObject } from '@/server/storage/local-disk';

/**
 * Deletes attachments' files, then their rows, inside the caller's transaction. Files go first: if the
 * transaction then fails, the rows are still there and the next run deletes them (removing a missing
 * file is not an error), so no row is ever left pointing nowhere for good and no file outlives its row.
 */
export async function deleteStoredFiles(scope: TenantScope, files: Array<{ id: string; storageKey: string }>) {
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
