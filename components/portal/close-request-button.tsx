'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

/** Lets the customer close their own request, after saying what that means. */
export function CloseRequestButton({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const close = useMutation(
    trpc.portal.close.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.portal.ticket.queryKey({ ticketId }) }),
          queryClient.invalidateQueries(trpc.portal.tickets.pathFilter()),
        ]);
        setOpen(false);
      },
    }),
  );

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) close.reset();
      }}
      trigger={
        <Button type="button" variant="secondary" size="sm">
          Close request
        </Button>
      }
      title="Close this request?"
      description="Close it if you don't need anything more from us. A closed request can't be replied to; you can always submit a new one."
      confirmLabel="Close request"
      onConfirm={() => close.mutate({ ticketId })}
      pending={close.isPending}
      error={close.error ? describeError(close.error).message : null}
    />
  );
}
