import { eq, sql } from 'drizzle-orm';
import { inboundChannels } from '@/server/db/schema';
import { workspaceSender } from '@/server/services/notification/sender';
import type { TenantScope } from '@/server/db/tenant';
import type { StaffScope } from '@/server/services/types';

/**
 * What the channel page shows besides the secret and the mailbox: the address customers write to (our From),
 * the Reply-To form every ticket mail carries (its per-ticket token after the +), and the trusted authserv-id.
 */
export async function getInboundChannelSettings(scope: StaffScope) {
  const sender = await workspaceSender(scope);
  const [row] = await scope.db
    .select({ authservId: inboundChannels.authservId })
    .from(inboundChannels)
    .where(eq(inboundChannels.tenantId, scope.tenantId));
  const at = sender.from.address.lastIndexOf('@');
  return {
    supportAddress: sender.from.address,
    replyToPattern: `${sender.from.address.slice(0, at)}+<ticket token>${sender.from.address.slice(at)}`,
    authservId: row?.authservId ?? null,
  };
}

/** Trust (or stop trusting) the Authentication-Results of the workspace's own receiving server. */
export async function saveAuthservId(scope: TenantScope, input: { authservId: string }) {
  const authservId = input.authservId || null;
  await scope.db
    .insert(inboundChannels)
    .values({ tenantId: scope.tenantId, authservId })
    .onConflictDoUpdate({ target: inboundChannels.tenantId, set: { authservId, updatedAt: sql`now()` } });
  return { authservId };
}

/** The authserv-id the processor believes, or null (then it checks SPF/DKIM/DMARC itself). */
export async function trustedAuthservId(scope: TenantScope) {
  const [row] = await scope.db
    .select({ authservId: inboundChannels.authservId })
    .from(inboundChannels)
    .where(eq(inboundChannels.tenantId, scope.tenantId));
  return row?.authservId ?? null;
}
