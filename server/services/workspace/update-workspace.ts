import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { tenants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';
import type { updateWorkspaceInput } from '@/lib/validators/workspace';

export async function getWorkspace(scope: TenantScope) {
  const [workspace] = await scope.db.select().from(tenants).where(eq(tenants.id, scope.tenantId));
  if (!workspace) throw notFound('The workspace');
  return workspace;
}

export async function updateWorkspace(scope: TenantScope, input: z.output<typeof updateWorkspaceInput>) {
  const current = await getWorkspace(scope);
  const [updated] = await scope.db
    .update(tenants)
    .set({
      name: input.name ?? current.name,
      branding: input.branding ? { ...current.branding, ...input.branding } : current.branding,
      settings: input.settings ? { ...current.settings, ...input.settings } : current.settings,
      updatedAt: new Date(),
    })
    .where(eq(tenants.id, scope.tenantId))
    .returning();
  return updated!;
}
