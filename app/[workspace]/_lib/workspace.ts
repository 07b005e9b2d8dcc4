import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import { CUSTOM_DOMAIN_HEADER } from '@/lib/utils/domain-rewrite';
import { customerPaths } from '@/lib/utils/customer-paths';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';

/** One lookup per request, shared by the layout, its metadata and the page. Only public fields. */
export const loadWorkspace = cache(async (slug: string) => {
  const normalized = slug.toLowerCase();
  if (!WORKSPACE_SLUG_PATTERN.test(normalized)) return null;
  return findWorkspaceBySlug(normalized);
});

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
