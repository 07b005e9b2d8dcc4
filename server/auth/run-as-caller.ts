import 'server-only';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { TicketActor } from '@/server/services/ticket/actor';
import { findActiveCustomer } from './active-customer';
import type { Caller } from './resolve-caller';

/**
 * For route handlers that serve files (uploads, downloads, exports): runs `work` in the caller's workspace,
 * as the tRPC tiers would decide it. A customer acts in their portal's workspace, limited to one ticket
 * when their session came from a ticket's link; staff act in their membership's workspace.
 */
export async function runAsCaller<T>(caller: Caller, work: (scope: TenantScope, actor: TicketActor) => Promise<T>) {
  if (caller.kind === 'customer') {
    return runInTenant(caller.tenantId, async (scope) => {
      if (!(await findActiveCustomer(scope, caller.customerId)))
        throw new AppError('UNAUTHORIZED', 'Your portal session has ended. Sign in again.');
      return work(scope, { type: 'customer', customerId: caller.customerId, onlyTicketId: caller.onlyTicketId });
    });
  }
  if (caller.kind !== 'staff') throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  const membership = await caller.membership();
  if (!membership) throw new AppError('FORBIDDEN', 'You are not a member of a workspace.');
  const { userId } = caller;
  return runInTenant(membership.tenantId, (scope) => work(scope, { type: 'agent', userId }), userId);
}
