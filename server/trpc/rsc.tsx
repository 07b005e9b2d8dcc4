import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { cookies, headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/trpc/query-client';
import { appRouter } from '@/server/routers/_app';
import { createRequestContext } from './request-context';

export const getQueryClient = cache(makeQueryClient);

/**
 * One context per request and portal (cache() keys on the argument). A page of a workspace's portal or
 * help center names that workspace, as its client calls do with the x-cairn-portal header, so the caller
 * is resolved as its customer (or nobody), never as a staff member who happens to be signed in.
 */
const createContext = cache(async (portal?: string) => {
  const jar = await cookies();
  return createRequestContext(
    await headers(),
    (name) => jar.get(name)?.value,
    () => {
      throw new Error('Cookies cannot be set while rendering a page; use a mutation.');
    },
    portal?.toLowerCase(),
  );
});

/** Server components prefetch through this in-process proxy, then hydrate the client cache. */
export const trpc = createTRPCOptionsProxy({
  ctx: () => createContext(),
  router: appRouter,
  queryClient: getQueryClient,
});

/** A server-side caller, for pages that need the data themselves (redirects, metadata). */
export const serverCaller = cache(async (portal?: string) => appRouter.createCaller(await createContext(portal)));

/** Who is asking for this page, resolved as the page's procedures see it (server/auth/resolve-caller.ts). */
export const pageCaller = cache(async (portal?: string) => (await createContext(portal)).caller);

// tRPC's own helper type takes any procedure's options; `any` is its documented parameter here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions);
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
