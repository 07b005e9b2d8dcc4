import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/lib/trpc/client';
import { requireWorkspace } from '../_lib/workspace';

/**
 * Pages are rendered on the server; the provider serves the interactive bits (search as you type,
 * feedback, view counts). `portalWorkspace` lets those calls carry a signed-in customer's session.
 */
export default async function HelpLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const workspace = await requireWorkspace((await params).workspace);
  return <TRPCReactProvider portalWorkspace={workspace.slug}>{children}</TRPCReactProvider>;
}
