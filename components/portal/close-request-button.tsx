'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { useTRPC } from '@/lib/trpc/client';

/** Lets the customer close their own request, after saying what that means. */
export function CloseRequestButton({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const close = useMutation(
    trpc.portal.close.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.portal.ticket.queryKey({ ticketId }) }),
          queryClient.invalidateQueries(trpc.portal.tickets.pathFilter()),
        ]),
    }),
  );

  return (
    <ConfirmMutationDialog
      mutation={close}
      variables={{ ticketId }}
      trigger={
        <Button type="button" variant="secondary" size="sm">
          Close request
        </Button>
      }
      title="Close this request?"
      description="Close it if you don't need anything more from us. A closed request can't be replied to; you can always submit a new one."
      confirmLabel="Close request"
    />
  );
}
