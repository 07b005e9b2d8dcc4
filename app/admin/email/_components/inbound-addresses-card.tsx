'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { CopyButton } from '@/components/ui/copy-button';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { saveAuthservIdInput } from '@/lib/validators/inbound';

type AuthservForm = { authservId: string };

/**
 * Where customers' mail goes and which receiving server Cairn believes: the support address (our From), the
 * Reply-To every ticket mail carries, and the authserv-id whose Authentication-Results decide DMARC.
 */
export function InboundAddressesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const settings = useQuery(trpc.inboundChannel.settings.queryOptions());
  const form = useForm<AuthservForm>({
    resolver: zodResolver(saveAuthservIdInput),
    defaultValues: { authservId: '' },
    values: settings.data ? { authservId: settings.data.authservId ?? '' } : undefined,
  });
  const save = useMutation(
    trpc.inboundChannel.saveAuthservId.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inboundChannel.settings.queryKey() }),
    }),
  );

  if (settings.isPending) return <SkeletonList rows={2} label="Loading the inbound addresses" />;
  if (settings.isError) return <Alert>{describeError(settings.error).message}</Alert>;

  const server = formErrors(save.error, ['authservId'] as const);
  const error = form.formState.errors.authservId?.message ?? server.fields.authservId;
  return (
    <Card className="space-y-4">
      <h2 className="text-base font-semibold">Addresses</h2>
      <dl className="grid gap-3 text-sm sm:grid-cols-[12rem_1fr]">
        <dt className="text-slate-600">Support address</dt>
        <dd className="flex min-w-0 items-center gap-2">
          <code className="break-all font-mono">{settings.data.supportAddress}</code>
          <CopyButton value={settings.data.supportAddress} label="Copy support address" />
        </dd>
        <dt className="text-slate-600">Replies arrive at</dt>
        <dd className="min-w-0">
          <code className="break-all font-mono">{settings.data.replyToPattern}</code>
          <p className="mt-1 text-xs text-slate-500">
            Forward the support address and its plus-addresses to the mailbox below or to the inbound endpoint.
          </p>
        </dd>
      </dl>
      <form noValidate className="space-y-3" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <Field
          id={`${id}-authserv`}
          label="Trusted authserv-id"
          error={error}
          hint="The name your receiving mail server writes first in Authentication-Results (for example mx.example.com). Its DMARC verdict is used; empty: Cairn checks SPF, DKIM and DMARC itself."
        >
          <Input
            id={`${id}-authserv`}
            autoCapitalize="none"
            spellCheck={false}
            placeholder="mx.example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-authserv-error` : undefined}
            {...form.register('authservId')}
          />
        </Field>
        {server.message ? <Alert>{server.message}</Alert> : null}
        {save.isSuccess && !form.formState.isDirty ? <Alert tone="success">Saved.</Alert> : null}
        <Button type="submit" disabled={save.isPending}>
          Save authserv-id
        </Button>
      </form>
    </Card>
  );
}
