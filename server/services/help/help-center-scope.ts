import type { HelpAudience } from '@/lib/constants/help';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { findWorkspaceBySlug, type PublicWorkspace } from '@/server/services/workspace/queries';

/** A reader of one workspace's help center: anonymous, or a customer signed in to that workspace's portal. */
export type HelpScope = TenantScope & { audience: HelpAudience; customerId: string | null; workspace: PublicWorkspace };

const unknownWorkspace = () => new AppError('NOT_FOUND', 'This help center does not exist. Check the address.');

/**
 * Public entry point: the workspace is named by its slug (its help center is public), and what the reader
 * may see comes from the server: a portal session counts only when it was issued by this same workspace.
 */
export async function withHelpCenter<T>(
  workspaceSlug: string,
  portal: { tenantId: string; customerId: string } | null,
  work: (scope: HelpScope) => Promise<T>,
): Promise<T> {
  const workspace = await findWorkspaceBySlug(workspaceSlug);
  if (!workspace) throw unknownWorkspace();
  const customerId = portal && portal.tenantId === workspace.id ? portal.customerId : null;
  return runInTenant(workspace.id, (scope) =>
    work({ ...scope, audience: customerId ? 'customer' : 'anonymous', customerId, workspace }),
  );
}
