import { asc, eq, sql } from 'drizzle-orm';
import { memberships, tenants } from '@/server/db/schema';
import { runWithoutTenant } from '@/server/db/tenant';
import type { MemberRole } from '@/lib/constants/workspace';

export type PublicWorkspace = {
  id: string;
  slug: string;
  name: string;
  branding: { logoUrl?: string | null; primaryColor?: string | null };
};

/** Workspaces the person belongs to, for the switcher; visible through the own_memberships policy. */
export function listMyWorkspaces(userId: string) {
  return runWithoutTenant(
    (tx) =>
      tx
        .select({ id: tenants.id, slug: tenants.slug, name: tenants.name, role: memberships.role })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(tenants.name)),
    userId,
  ) as Promise<Array<{ id: string; slug: string; name: string; role: MemberRole }>>;
}

/** Public lookup for the help center and portal: only public fields, through a security-definer function. */
export async function findWorkspaceBySlug(slug: string): Promise<PublicWorkspace | null> {
  const result = await runWithoutTenant((tx) =>
    tx.execute<PublicWorkspace>(sql`select * from cairn_workspace_by_slug(${slug})`),
  );
  return result.rows[0] ?? null;
}

export async function findWorkspaceByDomain(domain: string): Promise<PublicWorkspace | null> {
  const result = await runWithoutTenant((tx) =>
    tx.execute<PublicWorkspace>(sql`select * from cairn_workspace_by_domain(${domain})`),
  );
  return result.rows[0] ?? null;
}

export async function isSlugTaken(slug: string) {
  const result = await runWithoutTenant((tx) =>
    tx.execute<{ taken: boolean }>(sql`select cairn_slug_taken(${slug}) as taken`),
  );
  return Boolean(result.rows[0]?.taken);
}
