import 'server-only';
import { cache } from 'react';
import { auth } from '@/server/auth/config';
import { getQueryClient, trpc } from '@/server/trpc/rsc';

/**
 * The signed-in staff member, their workspaces and the current one, once per request. Fetched through
 * the request's query client, so the same data hydrates the client cache without a second round trip.
 */
export const loadStaff = cache(async () => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const queryClient = getQueryClient();
  const workspaces = await queryClient.fetchQuery(trpc.workspace.list.queryOptions());
  const current = workspaces.length ? await queryClient.fetchQuery(trpc.workspace.current.queryOptions()) : null;
  return {
    user: { id: session.user.id, name: session.user.name ?? null, email: session.user.email ?? null },
    workspaces,
    current,
  };
});
