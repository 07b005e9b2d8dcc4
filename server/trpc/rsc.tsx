import 'server-only';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { cookies, headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/trpc/query-client';
import { appRouter } from '@/server/routers/_app';
import { createRequestContext } from './request-context';

export const getQueryClient = cache(makeQueryClient);

const createContext = cache(async () => {
  const jar = await cookies();
  return createRequestContext(
    await headers(),
    (name) => jar.get(name)?.value,
    () => {
      throw new Error('Cookies cannot be set while rendering a page; use a mutation.');
    },
  );
});

/** Server components prefetch through this in-process proxy, then hydrate the client cache. */
export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** A server-side caller, for pages that need the data themselves (redirects, metadata). */
export const serverCaller = cache(async () => appRouter.createCaller(await createContext()));

// tRPC's own helper type takes any procedure's options; `any` is its documented parameter here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions);
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
