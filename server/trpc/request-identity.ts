import { and, eq, isNull } from 'drizzle-orm';
import { customers } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { runInTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { resolveMembership } from '@/server/services/member/resolve-membership';
import type { TicketActor } from '@/server/services/ticket/actor';
import { PORTAL_WORKSPACE_HEADER, WORKSPACE_COOKIE } from '@/server/trpc/context';
import { createRequestContext } from '@/server/trpc/request-context';

function cookieReader(req: Request) {
  const jar = new Map<string, string>();
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return (name: string) => jar.get(name);
}

/**
 * For plain route handlers (file upload and download): who is calling, in which workspace, as the tRPC
 * tiers would decide. A request from a portal page acts as the customer, anything else as staff.
 */
export async function runAsRequester<T>(req: Request, work: (scope: TenantScope, actor: TicketActor) => Promise<T>) {
  const readCookie = cookieReader(req);
  // Plain links (file downloads) can't send headers, so the portal's workspace may come as ?portal=slug.
  const headers = new Headers(req.headers);
  const portalSlug = new URL(req.url).searchParams.get('portal');
  if (portalSlug && !headers.get(PORTAL_WORKSPACE_HEADER)) headers.set(PORTAL_WORKSPACE_HEADER, portalSlug);
  const ctx = await createRequestContext(headers, readCookie, () => undefined);
  if (headers.get(PORTAL_WORKSPACE_HEADER) || !ctx.userId) {
    if (!ctx.portal) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
    const portal = ctx.portal;
    return runInTenant(portal.tenantId, async (scope) => {
      // As in portalProcedure: the session of a customer whose data was erased no longer opens anything.
      const [customer] = await scope.db
        .select({ id: customers.id })
        .from(customers)
        .where(and(eq(customers.id, portal.customerId), isNull(customers.erasedAt)));
      if (!customer) throw new AppError('UNAUTHORIZED', 'Your portal session has ended. Sign in again.');
      return work(scope, { type: 'customer', customerId: portal.customerId, onlyTicketId: portal.ticketId ?? null });
    });
  }
  const membership = await resolveMembership(ctx.userId, readCookie(WORKSPACE_COOKIE) ?? null, ctx.sessionVersion);
  if (!membership) throw new AppError('FORBIDDEN', 'You are not a member of a workspace.');
  const userId = ctx.userId;
  return runInTenant(membership.tenantId, (scope) => work(scope, { type: 'agent', userId }), userId);
}

// Kept here for the route handlers that import it; it lives apart so it can be used without Auth.js.
export { errorResponse } from '@/server/error-response';
