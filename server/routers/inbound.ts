import { adminProcedure, router } from '@/server/trpc/init';
import { getInboundSecretStatus, rotateInboundSecret } from '@/server/services/inbound/inbound-secret';

// Inbound mail: the secret a mail gateway sends to POST /api/inbound/{workspace}. Admins only: whoever holds
// it can put mail into the workspace's queue.
export const inboundChannelRouter = router({
  secretStatus: adminProcedure.query(({ ctx }) => getInboundSecretStatus(ctx.scope)),
  /** The new secret is in this answer only; the old one stops working at once. */
  rotateSecret: adminProcedure.mutation(({ ctx }) => rotateInboundSecret(ctx.scope)),
});
