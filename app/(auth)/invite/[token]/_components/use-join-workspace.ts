'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '@/lib/trpc/client';

/** After accepting: make the new workspace the current one, then open it. */
export function useJoinWorkspace() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const switchWorkspace = useMutation(trpc.workspace.switch.mutationOptions());

  async function join(workspaceId: string) {
    await switchWorkspace.mutateAsync({ workspaceId });
    await queryClient.invalidateQueries();
    router.push('/agent');
    router.refresh();
  }

  return { join, error: switchWorkspace.error, isPending: switchWorkspace.isPending };
}
