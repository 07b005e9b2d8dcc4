import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { inboundChannels } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import type { StaffScope } from '@/server/services/types';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

/** What the admin card shows: whether a secret is set and since when; the secret itself only when made. */
export async function getInboundSecretStatus(scope: StaffScope) {
  const [row] = await scope.db
    .select({ rotatedAt: inboundChannels.secretRotatedAt, secretHash: inboundChannels.secretHash })
    .from(inboundChannels)
    .where(eq(inboundChannels.tenantId, scope.tenantId));
  return { configured: Boolean(row?.secretHash), rotatedAt: row?.secretHash ? row.rotatedAt : null };
}

/**
 * A new secret for POST /api/inbound/{workspace}; the previous one stops working at once. Only its hash is
 * stored, so this answer is the one time the secret is shown.
 */
export async function rotateInboundSecret(scope: StaffScope) {
  const secret = `cin_${randomBytes(32).toString('base64url')}`;
  const secretHash = hashSecret(secret).toString('hex');
  const [row] = await scope.db
    .insert(inboundChannels)
    .values({ tenantId: scope.tenantId, secretHash })
    .onConflictDoUpdate({
      target: inboundChannels.tenantId,
      set: { secretHash, secretRotatedAt: sql`now()`, updatedAt: sql`now()` },
    })
    .returning({ rotatedAt: inboundChannels.secretRotatedAt });
  return { secret, rotatedAt: row!.rotatedAt };
}

/**
 * The workspace id when the secret is the workspace's current one; null for an unknown workspace, a workspace
 * without a secret and a wrong secret alike, so the caller cannot tell which workspaces exist.
 */
export async function workspaceForInboundSecret(slug: string, secret: string): Promise<string | null> {
  const presented = hashSecret(secret);
  const workspace = await findWorkspaceBySlug(slug);
  if (!workspace) return null;
  const [row] = await runInTenant(workspace.id, (scope) =>
    scope.db
      .select({ secretHash: inboundChannels.secretHash })
      .from(inboundChannels)
      .where(eq(inboundChannels.tenantId, workspace.id)),
  );
  if (!row?.secretHash) return null;
  return timingSafeEqual(Buffer.from(row.secretHash, 'hex'), presented) ? workspace.id : null;
}
