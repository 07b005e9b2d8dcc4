import { TRPCError } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import crypto from 'node:crypto';
import type { PortalSession } from '@/server/auth/portal-session';
import { staffCaller, type Caller as RequestCaller } from '@/server/auth/resolve-caller';
import { logger } from '@/server/log';
import { appRouter } from '@/server/routers/_app';
import type { Context } from '@/server/trpc/context';
import { createCallerFactory } from '@/server/trpc/init';

export type Identity = {
  /** The signed-in staff member. */
  userId?: string | null;
  /** The staff session the request carries (server/services/auth/sessions.ts). */
  sessionId?: string | null;
  /** The workspace cookie: a hint the server checks against memberships. */
  workspaceId?: string | null;
  /** A verified portal session, as resolveCaller would read it from the portal's cookie. */
  portal?: PortalSession | null;
  ip?: string;
  /** The anonymous help-center reader's cookie id. */
  visitorId?: string | null;
};

export type SetCookie = { name: string; value: string; options?: Parameters<Context['setCookie']>[2] };

const createCaller = createCallerFactory(appRouter);

/** Each caller gets its own address so rate limits of one test never leak into another. */
const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

/**
 * Who the identity is, as resolveCaller would decide it from the cookies: a portal session speaks for the
 * customer (the request names that portal), else a staff session, else the visitor cookie, else nobody.
 */
export function requestCallerOf(identity: Identity): RequestCaller {
  const { portal, userId, visitorId } = identity;
  if (portal)
    return {
      kind: 'customer',
      tenantId: portal.tenantId,
      customerId: portal.customerId,
      onlyTicketId: portal.ticketId ?? null,
    };
  if (userId)
    return staffCaller({
      userId,
      sessionId: identity.sessionId ?? null,
      sessionVersion: null,
      preferredWorkspaceId: identity.workspaceId ?? null,
    });
  return visitorId ? { kind: 'visitor', visitorId } : { kind: 'anonymous' };
}

/** The Context the route handler would build, with cookies captured instead of written. */
export function contextFor(identity: Identity = {}) {
  const cookies: SetCookie[] = [];
  const ctx: Context = {
    caller: requestCallerOf(identity),
    ip: identity.ip ?? randomIp(),
    visitorId: identity.visitorId ?? null,
    requestId: crypto.randomUUID(),
    log: logger,
    setCookie: (name, value, options) => cookies.push({ name, value, options }),
  };
  return { ctx, cookies };
}

/** A signal ends subscriptions (live.events) the way a closed browser tab would. */
export function callerFor(identity: Identity = {}, options: { signal?: AbortSignal } = {}) {
  return createCaller(contextFor(identity).ctx, options);
}

export function callerWithCookies(identity: Identity = {}) {
  const { ctx, cookies } = contextFor(identity);
  return { caller: createCaller(ctx), cookies };
}

export type Caller = ReturnType<typeof callerFor>;
export type ProcedurePath = keyof typeof appRouter._def.procedures & string;

/** Every procedure of the app, as `router.procedure`: tests enumerate these so none goes untested. */
export function allProcedurePaths(): string[] {
  return Object.keys(appRouter._def.procedures).sort();
}

/** Calls a procedure by its dotted path, for tables that list procedures by name. */
export function callByPath(caller: Caller, procedurePath: string, input?: unknown): Promise<unknown> {
  const fn = procedurePath.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input?: unknown) => Promise<unknown>)(input);
}

/** The tRPC code a call failed with, or null when it succeeded. Anything other than a TRPCError is rethrown. */
export async function errorCodeOf(promise: Promise<unknown>): Promise<TRPCError['code'] | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/**
 * The error as a browser would receive it: through the app's errorFormatter, so `data.field` and
 * `data.fieldErrors` can be checked. Null when the call succeeded.
 */
export async function errorShapeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return null;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return getErrorShape({
      config: appRouter._def._config,
      error,
      type: 'mutation',
      path: undefined,
      input: undefined,
      ctx: undefined,
    });
  }
}
