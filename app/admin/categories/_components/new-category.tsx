'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { useTRPC } from '@/lib/trpc/client';
import { CategoryForm } from './category-form';

export function NewCategory() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.category.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.category.list.queryKey() }),
    }),
  );
  return (
    <Card>
      <CategoryForm
        submitLabel="Add category"
        pending={create.isPending}
        error={create.error}
        onSubmit={(values, reset) => create.mutate(values, { onSuccess: reset })}
      />
    </Card>
  );
}
