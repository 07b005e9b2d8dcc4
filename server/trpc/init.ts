import { initTRPC, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import superjson from 'superjson';
import { z, ZodError } from 'zod';
import { withoutNulBytes } from '@/lib/validators/no-nul-bytes';
import { ADMIN_ROLES, AGENT_ROLES, type MemberRole } from '@/lib/constants/workspace';
import { findActiveCustomer } from '@/server/auth/active-customer';
import { runInTenant } from '@/server/db/tenant';
import { AppError, logError } from '@/server/errors';
import { observeRequest } from '@/server/metrics/http';
import type { Actor } from '@/server/services/types';
import type { Context } from './context';

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages so forms can show them next to the input.
        fieldErrors: cause instanceof ZodError ? z.flattenError(cause).fieldErrors : undefined,
        field: cause instanceof AppError ? (cause.details?.field as string | undefined) : undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;

/** One place maps service errors to tRPC codes; anything unexpected is logged and hidden. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      // tRPC has no 507; a full store is a temporary outage of the server to a tRPC client.
      throw new TRPCError({
        code: cause.code === 'INSUFFICIENT_STORAGE' ? 'SERVICE_UNAVAILABLE' : cause.code,
        message: cause.message,
        cause,
      });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      logError({ path, error: cause ?? result.error }, ctx.log);
      throw new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
      });
    }
  }
  return result;
});

/** Refuses a NUL byte in any string of the input before any procedure schema or query sees it. */
const refuseNulBytes = t.middleware(async ({ getRawInput, next }) => {
  const checked = withoutNulBytes.safeParse(await getRawInput());
  if (!checked.success) {
    const where = checked.error.issues.map((issue) => issue.path.join('.') || 'input').join(', ');
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Text cannot contain NUL characters (\\u0000). Remove them from: ${where}.`,
      cause: checked.error,
    });
  }
  return next();
});

/**
 * Latency per procedure, labelled with its path: one HTTP batch carries several procedures, and the path
 * (`ticket.list`) is the route, where the URL would hold ids. Outermost, so it sees the mapped error's
 * status. Subscriptions stay open for as long as a tab does and are not requests to time.
 */
const requestMetrics = t.middleware(async ({ next, path, type }) => {
  const startedAt = performance.now();
  const result = await next();
  if (type !== 'subscription') {
    const status = result.ok ? 200 : getHTTPStatusCodeFromError(result.error);
    observeRequest({ method: type === 'query' ? 'GET' : 'POST', route: `/api/trpc/${path}`, status }, startedAt);
  }
  return result;
});

export const publicProcedure = t.procedure.use(requestMetrics).use(errorMapping).use(refuseNulBytes);

/** Staff only; the caller resolved in the context (server/auth/resolve-caller.ts), never re-derived here. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  const caller = ctx.caller;
  if (caller.kind !== 'staff') throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, caller, userId: caller.userId, sessionId: caller.sessionId } });
});

export const tenantProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const membership = await ctx.caller.membership();
  if (!membership)
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'You are not a member of any workspace yet. Create one or ask for an invitation.',
    });
  const actor: Actor = { userId: ctx.userId, role: membership.role };
  // One transaction for the whole call. tRPC's next() reports a failure without throwing, so the error
  // is rethrown to roll the transaction back.
  return runInTenant(
    membership.tenantId,
    async (scope) => {
      const log = ctx.log.child({ workspaceId: membership.tenantId });
      const result = await next({ ctx: { ...ctx, log, scope: { ...scope, actor }, actor } });
      if (!result.ok) throw result.error;
      return result;
    },
    ctx.userId,
  );
});

function requireRole(allowed: readonly MemberRole[], what: string) {
  return t.middleware(({ ctx, next }) => {
    const role = (ctx as { actor?: Actor }).actor?.role;
    if (!role || !allowed.includes(role))
      throw new TRPCError({ code: 'FORBIDDEN', message: `Only ${what} can do this. Ask a workspace admin.` });
    return next();
  });
}

export const agentProcedure = tenantProcedure.use(requireRole(AGENT_ROLES, 'agents and admins'));
export const adminProcedure = tenantProcedure.use(requireRole(ADMIN_ROLES, 'admins and owners'));

/** Customers of one workspace's portal; the workspace comes from their signed session, not from input. */
export const portalProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const caller = ctx.caller;
  if (caller.kind !== 'customer')
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to the portal to continue.' });
  return runInTenant(caller.tenantId, async (scope) => {
    const customer = await findActiveCustomer(scope, caller.customerId);
    if (!customer)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Your portal session has ended. Sign in again.' });
    // A session from a ticket's signed link reaches that ticket only.
    const log = ctx.log.child({ workspaceId: caller.tenantId });
    const result = await next({
      ctx: { ...ctx, log, scope, customer: { ...customer, onlyTicketId: caller.onlyTicketId } },
    });
    if (!result.ok) throw result.error;
    return result;
  });
});
