'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, Card } from '@/components/ui/card';
import { SendButton } from '@/components/ui/send-button';
import { formErrors } from '@/components/ui/form-errors';
import { errorProps, Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { namedOptions, SelectOptions } from '@/components/ui/select-field';
import { Skeleton } from '@/components/ui/skeleton';
import { describeError, errorCode } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import type { CustomerPaths } from '@/lib/utils/customer-paths';
import { supportSessionId } from '@/lib/utils/support-session';
import { portalRequestForm, type PortalRequestForm } from '@/lib/validators/ticket';
import { AttachmentPicker } from '@/components/ui/attachment-picker';
import { RequestFields } from './request-fields';
import { RequestSubmitted } from './request-submitted';
import { useAttachmentUploads } from '@/components/ui/use-attachment-uploads';

const FIELDS = ['subject', 'categoryId', 'body', 'name', 'attachmentIds'] as const;
type FieldName = (typeof FIELDS)[number];

function FormSkeleton() {
  return (
    <Card className="space-y-5" aria-busy="true">
      <span className="sr-only" role="status">
        Loading the request form
      </span>
      {[0, 1, 2].map((row) => (
        <div key={row} className="space-y-2">
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-10 w-full" />
        </div>
      ))}
      <Skeleton className="h-32 w-full" />
    </Card>
  );
}

/** The contact form of the portal: the signed-in customer files a request, with files if needed. */
export function NewRequestForm({ portalSlug, paths }: { portalSlug: string; paths: CustomerPaths }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const me = useQuery(trpc.portal.me.queryOptions());
  const categories = useQuery(trpc.portal.categories.queryOptions());
  const uploads = useAttachmentUploads(portalSlug);
  const [blocker, setBlocker] = useState<string | null>(null);
  // The same rules as the procedure; errors show under their field, the first one focused on submit.
  const form = useForm<PortalRequestForm>({
    resolver: zodResolver(portalRequestForm),
    defaultValues: { subject: '', body: '', categoryId: '', name: '' },
    values: me.data ? { subject: '', body: '', categoryId: '', name: me.data.name.trim() } : undefined,
    resetOptions: { keepDirtyValues: true },
  });

  const create = useMutation(
    trpc.portal.createTicket.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.portal.tickets.pathFilter()),
          // A first request may have given the server the customer's name.
          queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey() }),
        ]),
    }),
  );

  if (me.isPending) return <FormSkeleton />;
  if (me.isError) {
    const ended = errorCode(me.error) === 'UNAUTHORIZED';
    return (
      <Alert>
        {ended ? 'Your session has ended. Reload the page to sign in again.' : describeError(me.error).message}
      </Alert>
    );
  }

  if (create.isSuccess) {
    return (
      <RequestSubmitted
        ticket={create.data}
        ticketHref={`${paths.tickets}/${create.data.id}`}
        portalHref={paths.portal}
        onSubmitAnother={() => {
          form.reset({ subject: '', body: '', categoryId: '', name: me.data.name.trim() });
          uploads.reset();
          create.reset();
        }}
      />
    );
  }

  // The server keeps a name it already has, so only a customer without one is asked for it.
  const nameOnFile = me.data.name.trim();
  const server = formErrors(create.error, FIELDS);
  const errorFor = (field: FieldName) =>
    (field === 'attachmentIds' ? undefined : form.formState.errors[field]?.message) ?? server.fields[field];
  const pending = create.isPending;

  const onSubmit = form.handleSubmit((values) => {
    setBlocker(uploads.blocker);
    if (uploads.blocker) return;
    create.mutate({
      subject: values.subject,
      body: values.body,
      categoryId: values.categoryId || undefined,
      name: !nameOnFile && values.name ? values.name : undefined,
      attachmentIds: uploads.attachmentIds,
      supportSessionId: supportSessionId() ?? undefined,
    });
  });

  return (
    <Card className="space-y-5">
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={`${id}-name`}
            label="Name"
            error={errorFor('name')}
            hint={nameOnFile ? 'As we have it on file.' : undefined}
          >
            <Input
              id={`${id}-name`}
              autoComplete="name"
              readOnly={Boolean(nameOnFile)}
              className={nameOnFile ? 'bg-slate-50 text-slate-600' : undefined}
              {...errorProps(`${id}-name`, errorFor('name'))}
              {...form.register('name')}
            />
          </Field>
          <Field id={`${id}-email`} label="Email" hint="Replies go to this address.">
            <Input
              id={`${id}-email`}
              name="email"
              type="email"
              value={me.data.email}
              readOnly
              className="bg-slate-50 text-slate-600"
            />
          </Field>
        </div>

        <RequestFields id={id} portalSlug={portalSlug} paths={paths} form={form} errorFor={errorFor}>
          <Field
            id={`${id}-categoryId`}
            label="Category"
            error={
              errorFor('categoryId') ??
              (categories.isError
                ? `Categories couldn't be loaded (${describeError(categories.error).message}) — you can send the request without one.`
                : undefined)
            }
          >
            <Select
              id={`${id}-categoryId`}
              disabled={categories.isPending}
              {...errorProps(`${id}-categoryId`, errorFor('categoryId'))}
              {...form.register('categoryId')}
            >
              <option value="">{categories.isPending ? 'Loading categories…' : 'Choose a category (optional)'}</option>
              <SelectOptions options={namedOptions(categories.data ?? [])} />
            </Select>
          </Field>
        </RequestFields>

        <AttachmentPicker uploads={uploads} disabled={pending} />
        {errorFor('attachmentIds') ? <Alert>{errorFor('attachmentIds')}</Alert> : null}
        {blocker && uploads.blocker ? <Alert>{uploads.blocker}</Alert> : null}
        {/* Beside the button, where the person who just clicked it is looking. */}
        {server.message ? <Alert>{server.message}</Alert> : null}

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
          <SendButton className="w-full sm:w-auto" pending={pending}>
            Submit request
          </SendButton>
        </div>
      </form>
    </Card>
  );
}
