'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { useTRPC } from '@/lib/trpc/client';

export function DeleteViewButton({ savedViewId, name }: { savedViewId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.savedView.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.savedView.list.queryKey() });
        router.push('/agent');
      },
    }),
  );
  return (
    <ConfirmMutationDialog
      mutation={remove}
      variables={{ savedViewId }}
      trigger={
        <Button variant="ghost" size="sm">
          Delete view
        </Button>
      }
      title={`Delete “${name}”?`}
      description="The view goes away for everyone who sees it. The tickets themselves are not changed."
      confirmLabel="Delete view"
    />
  );
}
