import { asc, eq, sql } from 'drizzle-orm';
import { workspaceDomains } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { withUniqueViolationAs } from '@/server/db/errors';
import { deleteExisting } from '@/server/db/exists-in-workspace';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { AppError, notFound } from '@/server/errors';
import { enqueue } from '@/server/queue/enqueue';

/** Where the workspace proves it controls a host name: a TXT record holding the domain's token. */
export const verificationRecordName = (domain: string) => `_cairn-verify.${domain}`;

type DomainRow = typeof workspaceDomains.$inferSelect;

/** The admin page's view of a domain, with the DNS record to create while it is unverified. */
function present(row: DomainRow) {
  return {
    ...row,
    verificationRecord: {
      type: 'TXT' as const,
      name: verificationRecordName(row.domain),
      value: row.verificationToken,
    },
  };
}

export async function listDomains(scope: TenantScope) {
  const rows = await scope.db
    .select()
    .from(workspaceDomains)
    .where(eq(workspaceDomains.tenantId, scope.tenantId))
    .orderBy(asc(workspaceDomains.domain));
  return rows.map(present);
}

/**
 * Claims a host name, unverified: nothing is served on it until the worker finds the TXT record. Several
 * workspaces may claim the same name meanwhile, so a squatter cannot block its owner; a name another
 * workspace has verified is refused, without saying which one holds it.
 */
export async function addDomain(scope: TenantScope, input: { domain: string }) {
  const taken = await scope.db.execute<{ taken: boolean }>(sql`select cairn_domain_verified(${input.domain}) as taken`);
  if (taken.rows[0]?.taken) {
    throw new AppError(
      'CONFLICT',
      `${input.domain} is already connected to a workspace. Remove it there first, or use another host name.`,
      { field: 'domain' },
    );
  }
  const domain = await withUniqueViolationAs(
    () => new AppError('CONFLICT', `${input.domain} is already in this workspace's list.`, { field: 'domain' }),
    () => insertInWorkspace(scope, workspaceDomains, { domain: input.domain }),
  );
  return present(domain);
}

export async function removeDomain(scope: TenantScope, input: { domainId: string }) {
  await deleteExisting(scope, workspaceDomains.id, input.domainId, 'The domain');
  return { removed: true as const, domainId: input.domainId };
}

/**
 * Adds the DNS look-up job for one domain (Verify now, and the daily re-check); a second add while one waits is
 * ignored.
 */
export function enqueueDomainVerification(tenantId: string, domainId: string) {
  return enqueue(
    'domain.verify',
    { tenantId, domainId },
    { key: domainId, attempts: 1, removeOnComplete: true, removeOnFail: true },
  );
}

/** "Verify now": the worker looks the record up; the page polls the list for `checkedAt` to move. */
export async function requestDomainVerification(scope: TenantScope, input: { domainId: string }) {
  const [row] = await scope.db.select().from(workspaceDomains).where(eq(workspaceDomains.id, input.domainId));
  if (!row) throw notFound('The domain');
  const tenantId = scope.tenantId;
  scope.afterCommit(() => enqueueDomainVerification(tenantId, row.id));
  return present(row);
}
