'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/card';
import { SendButton } from '@/components/ui/send-button';
import { formErrors } from '@/components/ui/form-errors';
import { Field } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import type { TicketStatus } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { messageBody } from '@/lib/validators/ticket';
import { AttachmentPicker } from '@/components/ui/attachment-picker';
import { useAttachmentUploads } from '@/components/ui/use-attachment-uploads';

type Props = { ticket: { id: string; status: TicketStatus }; portalSlug: string };

/** The customer's reply to their own request, with files. */
export function PortalReplyForm({ ticket, portalSlug }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ticketId = ticket.id;
  // The server reopens a solved ticket on a reply, and the customer should know that.
  const reopens = ticket.status === 'solved';
  const id = useId();
  const uploads = useAttachmentUploads(portalSlug);
  const [body, setBody] = useState('');
  const [bodyError, setBodyError] = useState<string>();
  const [blocked, setBlocked] = useState(false);

  const reply = useMutation(
    trpc.portal.reply.mutationOptions({
      onSuccess: async () => {
        setBody('');
        uploads.reset();
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.portal.ticket.queryKey({ ticketId }) }),
          queryClient.invalidateQueries(trpc.portal.tickets.pathFilter()),
        ]);
      },
      // The ticket may have changed underneath (closed by support, say): show its current state.
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.portal.ticket.queryKey({ ticketId }) }),
    }),
  );

  const server = formErrors(reply.error, ['body', 'attachmentIds'] as const);
  const error = bodyError ?? server.fields.body;
  const hintId = `${id}-reopen`;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = messageBody.safeParse(body);
    if (!parsed.success) {
      setBodyError(parsed.error.issues[0]?.message ?? 'Write a message first.');
      document.getElementById(id)?.focus();
      return;
    }
    setBodyError(undefined);
    setBlocked(Boolean(uploads.blocker));
    if (uploads.blocker) return;
    reply.mutate({ ticketId, body: parsed.data, attachmentIds: uploads.attachmentIds });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {reply.isSuccess && !body ? (
        <Alert tone="success">Your reply was sent. We'll email you when we answer.</Alert>
      ) : null}
      <Field id={id} label="Reply" error={error}>
        <Textarea
          id={id}
          name="body"
          rows={5}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            if (reply.isSuccess) reply.reset();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [error ? `${id}-error` : null, reopens ? hintId : null].filter(Boolean).join(' ') || undefined
          }
        />
      </Field>
      {reopens ? (
        <p id={hintId} className="text-xs text-slate-600">
          Replying reopens this request.
        </p>
      ) : null}
      <AttachmentPicker uploads={uploads} disabled={reply.isPending} />
      {blocked && uploads.blocker ? <Alert>{uploads.blocker}</Alert> : null}
      {server.fields.attachmentIds ? <Alert>{server.fields.attachmentIds}</Alert> : null}
      {server.message ? <Alert>{server.message}</Alert> : null}
      <div className="flex justify-end">
        <SendButton className="w-full sm:w-auto" pending={reply.isPending}>
          Send reply
        </SendButton>
      </div>
    </form>
  );
}
