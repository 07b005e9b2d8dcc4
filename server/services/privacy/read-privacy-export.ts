import { eq } from 'drizzle-orm';
import { isAdminRole } from '@/server/services/member/is-admin-role';
import { memberships, privacyRequests } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import type { TicketActor } from '@/server/services/ticket/actor';
import { getObject } from '@/server/storage/local-disk';

/**
 * The export file, for an admin of the workspace while its link lasts. Anyone else gets NOT_FOUND, as for
 * an id of another workspace: the file holds one person's complete history.
 */
export async function readPrivacyExport(scope: TenantScope, requestId: string, viewer: TicketActor) {
  if (viewer.type !== 'agent') throw notFound('The export');
  const [member] = await scope.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(eq(memberships.userId, viewer.userId));
  if (!member || !isAdminRole(member.role)) throw notFound('The export');
  const [request] = await scope.db.select().from(privacyRequests).where(eq(privacyRequests.id, requestId));
  if (!request || request.kind !== 'export') throw notFound('The export');
  if (request.status !== 'done')
    throw new AppError('CONFLICT', 'The export is not ready yet. Refresh the customer page in a minute.');
  if (!request.fileKey || !request.fileExpiresAt || request.fileExpiresAt <= new Date()) {
    throw new AppError('NOT_FOUND', 'This export link has expired and its file was deleted. Request a new export.');
  }
  return {
    filename: `customer-${request.customerId ?? 'deleted'}-export.json`,
    bytes: await getObject(request.fileKey),
  };
}
