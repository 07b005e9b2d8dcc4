'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { OutboundCheckResult } from './outbound-check-result';
import { saveImapMailboxInput, type SaveImapMailboxForm } from '@/lib/validators/inbound';

const FIELDS = ['host', 'port', 'tls', 'username', 'password', 'folder', 'afterImport', 'moveTo'] as const;
type FieldName = (typeof FIELDS)[number];

const EMPTY: SaveImapMailboxForm = {
  host: '',
  port: 993,
  tls: true,
  username: '',
  password: '',
  folder: 'INBOX',
  afterImport: 'flag',
  moveTo: '',
};

/**
 * The workspace's IMAP mailbox: the worker reads it every 30 seconds and turns new mail into tickets. The
 * password is never sent back: the field stays empty and an empty field keeps the saved one.
 */
export function ImapMailboxCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const mailbox = useQuery(trpc.inboundChannel.mailbox.queryOptions());
  const saved = mailbox.data?.configured ? mailbox.data : null;
  const form = useForm<SaveImapMailboxForm>({
    resolver: zodResolver(saveImapMailboxInput),
    defaultValues: EMPTY,
    // The saved settings as form values: only the fields the procedure takes (its schema is strict).
    values: saved
      ? {
          host: saved.host,
          port: saved.port,
          tls: saved.tls,
          username: saved.username,
          password: '',
          folder: saved.folder,
          afterImport: saved.afterImport,
          moveTo: saved.moveTo ?? '',
        }
      : undefined,
    resetOptions: { keepDirtyValues: true },
  });
  const [confirming, setConfirming] = useState(false);
  const mailboxKey = trpc.inboundChannel.mailbox.queryKey();
  const save = useMutation(
    trpc.inboundChannel.saveMailbox.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(mailboxKey, data),
    }),
  );
  const remove = useMutation(
    trpc.inboundChannel.deleteMailbox.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(mailboxKey, data);
        setConfirming(false);
        form.reset(EMPTY);
      },
    }),
  );
  // The check runs in the worker: the click starts it, and the answer is polled until it arrives.
  const testStatus = useQuery({
    ...trpc.inboundChannel.mailboxTestStatus.queryOptions(),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
  const test = useMutation(
    trpc.inboundChannel.testMailbox.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.inboundChannel.mailboxTestStatus.queryKey(), data),
    }),
  );
  const check = testStatus.data;
  const checking = test.isPending || check?.status === 'running';
  const afterImport = useWatch({ control: form.control, name: 'afterImport' });

  if (mailbox.isPending) return <SkeletonList rows={3} label="Loading the mailbox settings" />;
  if (mailbox.isError) return <Alert>{describeError(mailbox.error).message}</Alert>;

  const server = formErrors(save.error, FIELDS);
  const errorFor = (field: FieldName) => form.formState.errors[field]?.message ?? server.fields[field];
  const input = (field: FieldName) => ({
    id: `${id}-${field}`,
    'aria-invalid': errorFor(field) ? true : undefined,
    'aria-describedby': errorFor(field) ? `${id}-${field}-error` : undefined,
  });
  const onSubmit = form.handleSubmit((values) => save.mutate(values));

  return (
    <Card className="space-y-4">
      <h2 className="text-base font-semibold">Mailbox (IMAP)</h2>
      <p className="text-sm text-slate-600">
        Cairn reads new mail from this mailbox every 30 seconds and turns it into tickets and replies. For Gmail and
        Microsoft 365, create an app password.
      </p>
      {saved?.lastError ? <Alert>Last check of the mailbox: {saved.lastError}</Alert> : null}
      {saved?.lastPolledAt && !saved.lastError ? (
        <p className="text-sm text-slate-600">Last read {new Date(saved.lastPolledAt).toLocaleString()}.</p>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
          <Field id={`${id}-host`} label="IMAP server" error={errorFor('host')}>
            <Input
              {...input('host')}
              autoCapitalize="none"
              spellCheck={false}
              placeholder="imap.example.com"
              {...form.register('host')}
            />
          </Field>
          <Field id={`${id}-port`} label="Port" error={errorFor('port')}>
            <Input
              {...input('port')}
              type="number"
              inputMode="numeric"
              {...form.register('port', { valueAsNumber: true })}
            />
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" {...form.register('tls')} />
          TLS from the start (port 993). Off: STARTTLS when the server offers it.
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id={`${id}-username`} label="User name" error={errorFor('username')}>
            <Input {...input('username')} autoCapitalize="none" spellCheck={false} {...form.register('username')} />
          </Field>
          <Field
            id={`${id}-password`}
            label="Password"
            error={errorFor('password')}
            hint={saved ? 'Stored encrypted and never shown. Leave empty to keep it.' : 'Stored encrypted.'}
          >
            <Input {...input('password')} type="password" autoComplete="new-password" {...form.register('password')} />
          </Field>
        </div>
        <Field id={`${id}-folder`} label="Folder to read" error={errorFor('folder')}>
          <Input {...input('folder')} spellCheck={false} {...form.register('folder')} />
        </Field>
        <Field id={`${id}-afterImport`} label="After import" error={errorFor('afterImport')}>
          <Select {...input('afterImport')} {...form.register('afterImport')}>
            <option value="flag">Mark as read and flag it ($CairnImported)</option>
            <option value="move">Move it to another folder</option>
          </Select>
        </Field>
        {afterImport === 'move' ? (
          <Field id={`${id}-moveTo`} label="Move to folder" error={errorFor('moveTo')}>
            <Input {...input('moveTo')} spellCheck={false} placeholder="Imported" {...form.register('moveTo')} />
          </Field>
        ) : null}
        {server.message ? <Alert>{server.message}</Alert> : null}
        {save.isSuccess && !form.formState.isDirty ? <Alert tone="success">Mailbox saved.</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? <Spinner label="Saving" /> : null}
            Save mailbox
          </Button>
          {saved ? (
            <>
              <Button type="button" variant="secondary" disabled={checking} onClick={() => test.mutate()}>
                {checking ? <Spinner label="Testing the connection" /> : null}
                Test connection
              </Button>
              <ConfirmDialog
                open={confirming}
                onOpenChange={setConfirming}
                trigger={
                  <Button type="button" variant="secondary">
                    Stop reading this mailbox
                  </Button>
                }
                title="Stop reading this mailbox?"
                description="Mail already imported stays. New mail in the mailbox is no longer read."
                confirmLabel="Stop reading"
                pending={remove.isPending}
                error={remove.error ? describeError(remove.error).message : null}
                onConfirm={() => remove.mutate()}
              />
            </>
          ) : null}
        </div>
      </form>
      <OutboundCheckResult check={check} target="the mailbox" startError={test.error} />
    </Card>
  );
}
