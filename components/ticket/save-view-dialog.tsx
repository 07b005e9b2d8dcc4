'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/input';
import { formErrors } from '@/components/ui/form-errors';
import type { TicketSort } from '@/lib/constants/ticket';
import type { TicketFilters } from '@/lib/validators/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { viewPath } from './active-list';

/** Keeps the current filters and sort as a named view in the sidebar. Sharing with everyone is for admins. */
export function SaveViewButton({
  filters,
  sort,
  canShare,
}: {
  filters: TicketFilters;
  sort: TicketSort;
  canShare: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const save = useMutation(
    trpc.savedView.create.mutationOptions({
      onSuccess: async (view) => {
        await queryClient.invalidateQueries({ queryKey: trpc.savedView.list.queryKey() });
        setOpen(false);
        setName('');
        router.push(viewPath(view.id));
      },
    }),
  );
  const errors = formErrors(save.error, ['name', 'shared'] as const);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ name, filters, sort, shared });
  }

  return (
    <>
      <Button type="button" variant="secondary" size="sm" onClick={() => setOpen(true)}>
        Save as view
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="Save as view"
        description="The current filters and sort order, one click away in the sidebar."
      >
        <form onSubmit={submit} className="space-y-4">
          <Field id="view-name" label="View name" error={errors.fields.name}>
            <Input
              id="view-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              maxLength={60}
              required
              aria-invalid={Boolean(errors.fields.name)}
            />
          </Field>
          {canShare ? (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
                className="h-4 w-4"
              />
              Share with everyone in the workspace
            </label>
          ) : null}
          {errors.fields.shared ? <Alert>{errors.fields.shared}</Alert> : null}
          {errors.message ? <Alert>{errors.message}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending || !name.trim()}>
              {save.isPending ? 'Saving…' : 'Save view'}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
