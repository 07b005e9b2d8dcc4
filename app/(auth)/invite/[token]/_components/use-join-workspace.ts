'use client';

import { useMutation } from '@tanstack/react-query';
import { useEnterWorkspace } from '@/components/workspace/use-enter-workspace';
import { useTRPC } from '@/lib/trpc/client';

/** After accepting: make the new workspace the current one, then open it. */
export function useJoinWorkspace() {
  const trpc = useTRPC();
  const enterWorkspace = useEnterWorkspace();
  const switchWorkspace = useMutation(trpc.workspace.switch.mutationOptions());

  async function join(workspaceId: string) {
    await switchWorkspace.mutateAsync({ workspaceId });
    await enterWorkspace('/agent');
  }

  return { join, error: switchWorkspace.error, isPending: switchWorkspace.isPending };
}
