'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useId, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { SendButton } from '@/components/ui/send-button';
import { LABEL_CLASS } from '@/components/ui/field-classes';
import { errorProps, Field, Input } from '@/components/ui/input';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { formatBytes } from '@/lib/utils/format-bytes';
import type { CustomerPaths } from '@/lib/utils/customer-paths';
import { supportSessionId } from '@/lib/utils/support-session';
import { RequestFields } from './request-fields';
import { RequestReceivedCard } from './request-received-card';
import { GUEST_HONEYPOT_FIELD, guestRequestInput, type GuestRequestInput } from '@/lib/validators/guest-request';

type ServerError = { message: string; field?: string };
const FIELDS = ['name', 'email', 'subject', 'body'] as const;

/** Posts the form and its files in one multipart request (see app/api/guest-requests). */
async function postGuestRequest(slug: string, values: GuestRequestInput, files: File[], honeypot: string) {
  const form = new FormData();
  for (const field of FIELDS) form.append(field, values[field]);
  form.append(GUEST_HONEYPOT_FIELD, honeypot);
  const sessionId = supportSessionId();
  if (sessionId) form.append('sessionId', sessionId);
  for (const file of files) form.append('attachments', file);
  let res: Response;
  try {
    res = await fetch(`/api/guest-requests/${slug}`, { method: 'POST', body: form });
  } catch {
    throw { message: "We couldn't reach the server. Check your connection and send the request again." };
  }
  const body = (await res.json().catch(() => ({}))) as { error?: string; field?: string; email?: string };
  if (!res.ok)
    throw {
      message: body.error ?? `The request could not be sent (error ${res.status}). Try again in a minute.`,
      field: body.field,
    } satisfies ServerError;
  return { email: body.email ?? values.email };
}

const MAX_MB = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;

/**
 * "Submit a request" for a visitor who is not signed in: name, email, subject, message and files. The answer
 * says where the confirmation went; the link to follow the request is in that mail, not on this page.
 */
export function GuestRequestForm({ portalSlug, paths }: { portalSlug: string; paths: CustomerPaths }) {
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [fileNotice, setFileNotice] = useState<string | null>(null);
  const honeypot = useRef<HTMLInputElement>(null);
  const form = useForm<GuestRequestInput>({
    resolver: zodResolver(guestRequestInput),
    defaultValues: { name: '', email: '', subject: '', body: '' },
  });
  const send = useMutation<{ email: string }, ServerError, GuestRequestInput>({
    mutationFn: (values) => postGuestRequest(portalSlug, values, files, honeypot.current?.value ?? ''),
  });

  if (send.isSuccess) {
    return (
      <RequestReceivedCard
        actions={
          <>
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                form.reset();
                setFiles([]);
                send.reset();
              }}
            >
              Submit another request
            </Button>
            <Button asChild variant="ghost">
              <Link href={paths.portal}>Sign in to see all your requests</Link>
            </Button>
          </>
        }
      >
        <p className="text-sm text-slate-600">
          We sent a confirmation to <strong className="text-slate-900">{send.data.email}</strong> with a link to follow
          your request and reply to it. If it doesn't arrive, check your spam folder.
        </p>
      </RequestReceivedCard>
    );
  }

  const serverField = send.error?.field;
  const errorFor = (field: (typeof FIELDS)[number]) =>
    form.formState.errors[field]?.message ?? (serverField === field ? send.error?.message : undefined);
  const generalError = send.error && !FIELDS.some((f) => f === serverField) ? send.error.message : null;

  function pickFiles(list: FileList | null) {
    const picked = Array.from(list ?? []);
    const tooBig = picked.filter((file) => file.size > ATTACHMENT_LIMITS.maxBytes);
    const fitting = picked.filter((file) => file.size <= ATTACHMENT_LIMITS.maxBytes);
    const room = ATTACHMENT_LIMITS.maxPerMessage - files.length;
    setFiles([...files, ...fitting.slice(0, Math.max(0, room))]);
    setFileNotice(
      tooBig.length
        ? `${tooBig.map((f) => f.name).join(', ')} ${tooBig.length === 1 ? 'is' : 'are'} larger than ${MAX_MB} MB. Attach a smaller file or share a link.`
        : fitting.length > room
          ? `You can attach up to ${ATTACHMENT_LIMITS.maxPerMessage} files to one request.`
          : null,
    );
  }

  return (
    <Card className="space-y-5">
      <form onSubmit={form.handleSubmit((values) => send.mutate(values))} noValidate className="space-y-5">
        <div className="grid gap-4 sm:grid-cols-2">
          {(['name', 'email'] as const).map((field) => (
            <Field
              key={field}
              id={`${id}-${field}`}
              label={field === 'name' ? 'Name' : 'Email'}
              error={errorFor(field)}
              hint={field === 'email' ? 'Replies and the link to your request go here.' : undefined}
            >
              <Input
                id={`${id}-${field}`}
                type={field === 'email' ? 'email' : 'text'}
                autoComplete={field}
                required
                {...errorProps(`${id}-${field}`, errorFor(field))}
                {...form.register(field)}
              />
            </Field>
          ))}
        </div>
        {/* The honeypot: off-screen and out of the tab order, so only form-filling bots ever type in it. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor={`${id}-${GUEST_HONEYPOT_FIELD}`}>Website</label>
          <input
            id={`${id}-${GUEST_HONEYPOT_FIELD}`}
            ref={honeypot}
            name={GUEST_HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>

        <RequestFields id={id} portalSlug={portalSlug} paths={paths} form={form} errorFor={errorFor} />

        <div className="space-y-2">
          <label htmlFor={`${id}-files`} className={LABEL_CLASS}>
            Attachments{' '}
            <span className="font-normal text-slate-500">
              (optional, up to {ATTACHMENT_LIMITS.maxPerMessage} files of {MAX_MB} MB)
            </span>
          </label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            disabled={send.isPending || files.length >= ATTACHMENT_LIMITS.maxPerMessage}
            className="block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium"
            onChange={(event) => {
              pickFiles(event.target.files);
              event.target.value = '';
            }}
          />
          {files.length ? (
            <ul className="space-y-1 text-sm" aria-label="Files to send">
              {files.map((file, index) => (
                <li
                  key={`${file.name}-${index}`}
                  className="flex items-center gap-3 rounded-md border border-slate-200 px-3 py-2"
                >
                  <span className="min-w-0 flex-1 truncate">{file.name}</span>
                  <span className="text-xs text-slate-500">{formatBytes(file.size)}</span>
                  <Button
                    type="button"
                    size="sm"
                    variant="ghost"
                    disabled={send.isPending}
                    onClick={() => setFiles(files.filter((_, i) => i !== index))}
                  >
                    Remove<span className="sr-only"> {file.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
          {fileNotice ? <Alert>{fileNotice}</Alert> : null}
        </div>

        {generalError ? <Alert>{generalError}</Alert> : null}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-slate-600">
            Already asked us something?{' '}
            <Link className="font-medium text-brand underline" href={paths.portal}>
              Sign in to see your requests
            </Link>
          </p>
          <SendButton className="w-full sm:w-auto" pending={send.isPending}>
            Submit request
          </SendButton>
        </div>
      </form>
    </Card>
  );
}
