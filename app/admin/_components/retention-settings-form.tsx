'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { updateRetentionInput } from '@/lib/validators/privacy';

/** Workspace settings → Data retention: the daily purge of old solved tickets' attachments, off by default. */
export function RetentionSettingsForm() {
  const trpc = useTRPC();
  const current = useQuery(trpc.retentionSettings.get.queryOptions());
  if (current.isPending) return <Spinner label="Loading the retention setting" />;
  if (current.isError) return <Alert>{describeError(current.error).message}</Alert>;
  return <RetentionForm initialDays={current.data.purgeAttachmentsAfterDays} />;
}

function RetentionForm({ initialDays }: { initialDays: number | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(initialDays !== null);
  const [days, setDays] = useState(String(initialDays ?? 365));
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useMutation(
    trpc.retentionSettings.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.retentionSettings.pathKey() }),
    }),
  );
  const serverErrors = formErrors(update.error, ['purgeAttachmentsAfterDays'] as const);
  const error = localError ?? serverErrors.fields.purgeAttachmentsAfterDays;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { purgeAttachmentsAfterDays: enabled ? Number(days) : null };
    const parsed = updateRetentionInput.safeParse(input);
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? 'Enter a number of days.');
    setLocalError(null);
    update.mutate(parsed.data);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card className="space-y-4">
        <h2 className="text-base font-semibold">Data retention</h2>
        {serverErrors.message ? <Alert>{serverErrors.message}</Alert> : null}
        {update.isSuccess ? <Alert tone="success">Retention setting saved.</Alert> : null}
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" className="mt-1" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <span>
            Delete the attachments of solved and closed tickets after a number of days. The tickets and their messages
            stay; the files are gone for good.
          </span>
        </label>
        {enabled ? (
          <Field
            id="retention-days"
            label="Days after the ticket was solved"
            hint="Checked once a day. Open tickets are never touched."
            error={error ?? undefined}
          >
            <Input
              id="retention-days"
              type="number"
              inputMode="numeric"
              min={1}
              value={days}
              onChange={(e) => setDays(e.target.value)}
              aria-invalid={Boolean(error)}
              aria-describedby={error ? 'retention-days-error' : undefined}
              className="max-w-32"
            />
          </Field>
        ) : null}
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save retention'}
        </Button>
      </Card>
    </form>
  );
}
