'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { useTRPC } from '@/lib/trpc/client';
import { TicketTypeForm } from './ticket-type-form';

export function NewTicketType() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.ticketType.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.ticketType.list.queryKey() }),
    }),
  );
  return (
    <Card>
      <TicketTypeForm
        submitLabel="Add type"
        hint="Its key (used by rules, filters and the API) is made from this name and never changes."
        pending={create.isPending}
        error={create.error}
        onSubmit={(values, reset) => create.mutate(values, { onSuccess: reset })}
      />
    </Card>
  );
}
