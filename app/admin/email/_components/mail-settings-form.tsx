'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { EmailInput, Field, Input } from '@/components/ui/input';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { OutboundCheckResult } from './outbound-check-result';

const FIELDS = ['fromName', 'fromAddress', 'smtpUrl'] as const;

/** What happens to the saved server on save: kept as is, replaced by the typed URL, or dropped. */
type SmtpChoice = 'keep' | 'replace' | 'remove';

export function MailSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.mailSettings.get.queryOptions());
  const [fromName, setFromName] = useState('');
  const [fromAddress, setFromAddress] = useState('');
  const [smtpUrl, setSmtpUrl] = useState('');
  const [smtpChoice, setSmtpChoice] = useState<SmtpChoice>('keep');
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!settings.data) return;
    setFromName(settings.data.fromName ?? '');
    setFromAddress(settings.data.fromAddress ?? '');
  }, [settings.data]);

  const update = useMutation(
    trpc.mailSettings.update.mutationOptions({
      onSuccess: async (data) => {
        queryClient.setQueryData(trpc.mailSettings.get.queryKey(), data);
        setSmtpUrl('');
        setSmtpChoice('keep');
        setSaved(true);
      },
    }),
  );
  // The check runs in the worker: the click only starts it, and the answer is polled until it arrives.
  const testStatus = useQuery({
    ...trpc.mailSettings.testStatus.queryOptions(),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
  const test = useMutation(
    trpc.mailSettings.test.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.mailSettings.testStatus.queryKey(), data),
    }),
  );
  const check = testStatus.data;
  const checking = test.isPending || check?.status === 'running';
  const errors = formErrors(update.error, FIELDS);

  if (settings.isPending) return <SkeletonList rows={3} label="Loading email settings" />;
  if (settings.isError) return <Alert>{describeError(settings.error).message}</Alert>;
  const data = settings.data;
  const hasOwnServer = data.smtp.own;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const smtp =
      smtpChoice === 'replace' || (!hasOwnServer && smtpUrl.trim())
        ? { smtpUrl: smtpUrl.trim() }
        : smtpChoice === 'remove'
          ? { smtpUrl: null }
          : {};
    update.mutate({ fromName: fromName.trim() || null, fromAddress: fromAddress.trim() || null, ...smtp });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      <Card className="space-y-4">
        <h2 className="text-base font-semibold">Sender</h2>
        <p className="text-sm text-slate-600">
          Mail currently goes out as{' '}
          <span className="font-mono">
            {data.effectiveFrom.name} &lt;{data.effectiveFrom.address}&gt;
          </span>
          . Customers&apos; replies come back to this address with a per-ticket code added after a “+”, so make sure
          your mailbox accepts plus addresses.
        </p>
        <Field
          id="from-name"
          label="Sender name"
          hint="Shown as who the mail is from. Empty: the workspace name."
          error={errors.fields.fromName}
        >
          <Input
            id="from-name"
            value={fromName}
            onChange={(e) => setFromName(e.target.value)}
            aria-invalid={Boolean(errors.fields.fromName)}
          />
        </Field>
        <Field
          id="from-address"
          label="Sender address"
          hint={`Empty: the workspace's support email, else ${data.defaultFromAddress}.`}
          error={errors.fields.fromAddress}
        >
          <EmailInput
            id="from-address"
            placeholder="support@example.com"
            value={fromAddress}
            onChange={(e) => setFromAddress(e.target.value)}
            aria-invalid={Boolean(errors.fields.fromAddress)}
          />
        </Field>
      </Card>

      <Card className="space-y-4">
        <h2 className="text-base font-semibold">Mail server</h2>
        {hasOwnServer ? (
          <div className="space-y-3 text-sm">
            <p>
              Sending through <span className="break-all font-mono">{data.smtp.url}</span>. The password is stored on
              the server and never shown again.
            </p>
            <fieldset className="space-y-2">
              <legend className="sr-only">What to do with this server</legend>
              {(
                [
                  ['keep', 'Keep this server'],
                  ['replace', 'Replace it with another'],
                  ['remove', data.cairnSmtpConfigured ? "Remove it and use Cairn's mail server" : 'Remove it'],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name="smtp-choice"
                    value={value}
                    checked={smtpChoice === value}
                    onChange={() => setSmtpChoice(value)}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          </div>
        ) : (
          <p className="text-sm text-slate-600">
            {data.cairnSmtpConfigured
              ? "Sending through Cairn's mail server."
              : 'No mail server is configured: mail is saved as files on the server.'}{' '}
            Enter your own to send from your domain with your provider.
          </p>
        )}
        {!hasOwnServer || smtpChoice === 'replace' ? (
          <Field
            id="smtp-url"
            label="SMTP URL"
            hint="smtp://user:password@mail.example.com:587, or smtps:// for TLS on connect. URL-encode special characters in the password."
            error={errors.fields.smtpUrl}
          >
            <Input
              id="smtp-url"
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              placeholder="smtp://user:password@mail.example.com:587"
              value={smtpUrl}
              onChange={(e) => setSmtpUrl(e.target.value)}
              aria-invalid={Boolean(errors.fields.smtpUrl)}
            />
          </Field>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            type="button"
            variant="secondary"
            disabled={checking}
            onClick={() => test.mutate(smtpUrl.trim() ? { smtpUrl: smtpUrl.trim() } : {})}
          >
            {checking ? <Spinner label="Testing the connection" /> : null}
            Test connection
          </Button>
          <span className="text-xs text-slate-500">
            Connects and signs in without sending a mail; this can take up to half a minute.
          </span>
        </div>
        <OutboundCheckResult check={check} target="the connection" startError={test.error} />
      </Card>

      {errors.message ? <Alert>{errors.message}</Alert> : null}
      {saved && !update.isPending ? <Alert tone="success">Email settings saved.</Alert> : null}
      <Button type="submit" disabled={update.isPending}>
        {update.isPending ? <Spinner label="Saving" /> : null}
        Save email settings
      </Button>
    </form>
  );
}
