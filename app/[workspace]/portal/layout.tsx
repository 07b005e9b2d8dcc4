import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/lib/trpc/client';
import { requireWorkspace } from '../_lib/workspace';

// Customers' own pages have no business in search results.
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** `portalWorkspace` makes every tRPC call carry this workspace's slug, so the server reads its portal cookie. */
export default async function PortalLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const workspace = await requireWorkspace((await params).workspace);
  return <TRPCReactProvider portalWorkspace={workspace.slug}>{children}</TRPCReactProvider>;
}
