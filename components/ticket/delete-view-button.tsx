'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

export function DeleteViewButton({ savedViewId, name }: { savedViewId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const remove = useMutation(
    trpc.savedView.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.savedView.list.queryKey() });
        setOpen(false);
        router.push('/agent');
      },
    }),
  );
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm">
          Delete view
        </Button>
      }
      title={`Delete “${name}”?`}
      description="The view goes away for everyone who sees it. The tickets themselves are not changed."
      confirmLabel="Delete view"
      onConfirm={() => remove.mutate({ savedViewId })}
      pending={remove.isPending}
      error={remove.error ? describeError(remove.error).message : null}
    />
  );
}
