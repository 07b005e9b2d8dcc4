import 'server-only';
import { TRPCError } from '@trpc/server';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import { CUSTOM_DOMAIN_HEADER } from '@/lib/utils/domain-rewrite';
import { customerPaths } from '@/lib/utils/customer-paths';
import { serverCaller } from '@/server/trpc/rsc';

/**
 * One lookup per request, shared by the layout, its metadata and the page. Only public fields. The caller
 * is the one the page's other reads use (this workspace's portal customer, or nobody), so it is resolved once.
 */
export const loadWorkspace = cache(async (slug: string) => {
  const normalized = slug.toLowerCase();
  if (!WORKSPACE_SLUG_PATTERN.test(normalized)) return null;
  try {
    return await (await serverCaller(normalized)).workspace.lookup({ workspace: normalized });
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
});

export type PublicWorkspace = NonNullable<Awaited<ReturnType<typeof loadWorkspace>>>;

export async function requireWorkspace(slug: string) {
  const workspace = await loadWorkspace(slug);
  if (!workspace) notFound();
  return workspace;
}

/** Links without the slug when the proxy says this request came through the workspace's own domain. */
export async function linksFor(slug: string) {
  const onCustomDomain = (await headers()).get(CUSTOM_DOMAIN_HEADER) === slug;
  return customerPaths(onCustomDomain ? '' : `/${slug}`);
}
