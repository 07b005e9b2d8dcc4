import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/lib/trpc/client';

/** The widget panel: no portal header, no staff shell; the tRPC client on Cairn's own origin. */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return <TRPCReactProvider>{children}</TRPCReactProvider>;
}
