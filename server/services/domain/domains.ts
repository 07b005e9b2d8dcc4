import { asc, eq } from 'drizzle-orm';
import { workspaceDomains } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { isUniqueViolation } from '@/server/db/errors';
import { AppError, notFound } from '@/server/errors';

export function listDomains(scope: TenantScope) {
  return scope.db.select().from(workspaceDomains).where(eq(workspaceDomains.tenantId, scope.tenantId)).orderBy(asc(workspaceDomains.domain));
}

export async function addDomain(scope: TenantScope, input: { domain: string }) {
  try {
    const [domain] = await scope.db.insert(workspaceDomains).values({ tenantId: scope.tenantId, domain: input.domain }).returning();
    return domain!;
  } catch (error) {
    // Deliberately vague: saying which workspace holds the domain would leak across tenants.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', `${input.domain} is already connected to a workspace. Remove it there first, or use another host name.`, { field: 'domain' });
    throw error;
  }
}

export async function removeDomain(scope: TenantScope, input: { domainId: string }) {
  const [row] = await scope.db.delete(workspaceDomains).where(eq(workspaceDomains.id, input.domainId)).returning({ id: workspaceDomains.id });
  if (!row) throw notFound('The domain');
  return { removed: true as const, domainId: row.id };
}
