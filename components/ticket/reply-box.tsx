'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { labelledOptions, SelectOptions, type SelectOption } from '@/components/ui/select-field';
import { Textarea } from '@/components/ui/textarea';
import { ToggleButtons } from '@/components/ui/toggle-buttons';
import { STATUS_LABELS, type TicketStatus } from '@/lib/constants/ticket';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { allowedTransitions } from '@/lib/utils/ticket-lifecycle';
import { cn } from '@/lib/utils/cn';
import { MacroPicker, type AppliedMacro } from './macro-picker';
import { useHotkeys } from './use-hotkeys';
import { StaleReplyAlert } from './stale-reply-alert';
import type { ReplyPayload, TicketInfo } from './types';
import { AttachmentPicker } from '@/components/ui/attachment-picker';
import { useAttachmentUploads } from '@/components/ui/use-attachment-uploads';
import { useDraft } from '@/components/ui/use-draft';

export type ReplyMode = 'reply' | 'note';

const MODE_OPTIONS = [
  { value: 'reply', label: 'Public reply' },
  { value: 'note', label: 'Internal note' },
] as const satisfies readonly SelectOption<ReplyMode>[];
type ReplyStatus = NonNullable<ReplyPayload['status']>;

/** Statuses a reply may set: the ticket's allowed moves, minus the ones only the system reaches. */
function statusesAfterReply(status: TicketStatus): ReplyStatus[] {
  return allowedTransitions(status).filter((s): s is ReplyStatus => s !== 'new' && s !== 'merged');
}

/**
 * Writes a public reply or an internal note. The ticket version the agent saw goes along, so a reply
 * written against an outdated ticket is stopped until the agent confirms (see StaleReplyAlert).
 */
export function ReplyBox({
  ticket,
  mode,
  onModeChange,
  textareaRef,
  seenUpdatedAt,
  onCatchUp,
  onMacroApplied,
}: {
  ticket: TicketInfo;
  mode: ReplyMode;
  onModeChange: (mode: ReplyMode) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  seenUpdatedAt: Date;
  /** Bring the page up to date and count it as seen: after a send, or to review what changed first. */
  onCatchUp: () => Promise<void> | void;
  onMacroApplied: (updatedAt: Date) => void;
}) {
  const trpc = useTRPC();
  const id = useId();
  // The reply in progress survives a reload or a trip to another ticket: one draft per ticket.
  const [body, setBody, clearDraft] = useDraft(`ticket:${ticket.id}`);
  const [minutes, setMinutes] = useState('');
  const [nextStatus, setNextStatus] = useState<ReplyStatus | ''>('');
  const uploads = useAttachmentUploads();
  const [pickingMacro, setPickingMacro] = useState(false);
  const focusAfterMacro = useRef(false);
  useHotkeys({
    m: (event) => {
      event.preventDefault();
      setPickingMacro(true);
    },
  });
  const lastPayload = useRef<ReplyPayload | null>(null);
  const send = useMutation(
    trpc.ticket.reply.mutationOptions({
      onSuccess: async () => {
        clearDraft();
        setMinutes('');
        setNextStatus('');
        uploads.reset();
        await onCatchUp();
      },
    }),
  );

  const closed = ticket.status === 'closed' || ticket.status === 'merged';
  const isNote = mode === 'note';
  const error = send.error ? describeError(send.error) : null;
  const stale = error?.field === 'stale';
  const statusOptions = statusesAfterReply(ticket.status);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsedMinutes = Number.parseInt(minutes, 10);
    const payload: ReplyPayload = {
      ticketId: ticket.id,
      body,
      kind: mode,
      timeSpentMinutes: Number.isFinite(parsedMinutes) && parsedMinutes > 0 ? parsedMinutes : 0,
      status: nextStatus || undefined,
      attachmentIds: uploads.attachmentIds,
      seenUpdatedAt,
      confirmStale: false,
    };
    lastPayload.current = payload;
    send.mutate(payload);
  }

  function applyMacro(macro: AppliedMacro) {
    onModeChange(macro.kind);
    setBody((draft) => (draft.trim() ? `${draft.trimEnd()}\n\n${macro.body}` : macro.body));
    onMacroApplied(macro.updatedAt);
    focusAfterMacro.current = true;
  }

  // Back to the reply once the picker has closed: focusing earlier would be undone by the dialog, which
  // hands focus back to whatever opened it as it unmounts.
  useEffect(() => {
    if (pickingMacro || !focusAfterMacro.current) return;
    focusAfterMacro.current = false;
    const frame = requestAnimationFrame(() => textareaRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [pickingMacro, textareaRef]);

  if (closed) {
    return (
      <Alert tone="info">
        {ticket.status === 'merged'
          ? 'This ticket was merged into another. Reply on that ticket instead.'
          : 'This ticket is closed. Replies are no longer possible; the customer can open a new ticket.'}
      </Alert>
    );
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Compose message"
      className={cn(
        'space-y-3 rounded-lg border p-4',
        isNote ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white',
      )}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <ToggleButtons
          groupLabel="Message type"
          options={MODE_OPTIONS}
          value={mode}
          onChange={onModeChange}
          activeClassName={(option) => (option === 'note' ? 'bg-amber-400 text-amber-950' : 'bg-slate-900 text-white')}
        />
        <div>
          <MacroPicker
            ticketId={ticket.id}
            open={pickingMacro}
            onOpenChange={setPickingMacro}
            onApplied={applyMacro}
            disabled={send.isPending}
          />
        </div>
      </div>

      <div>
        <Label htmlFor={`${id}-body`}>Reply</Label>
        <Textarea
          ref={textareaRef}
          id={`${id}-body`}
          rows={6}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            // `m` alone types an m here; Alt+M (by key position, so macOS's µ does not hide it) opens macros.
            if (e.altKey && e.code === 'KeyM') {
              e.preventDefault();
              setPickingMacro(true);
            }
          }}
          aria-keyshortcuts="Alt+M"
          aria-describedby={`${id}-hint`}
          className={isNote ? 'border-amber-300 bg-amber-50/60' : undefined}
          placeholder={isNote ? 'Only agents see internal notes.' : 'The customer receives this by email.'}
        />
        <p id={`${id}-hint`} className={cn('mt-1 text-xs', isNote ? 'font-medium text-amber-800' : 'text-slate-500')}>
          {isNote
            ? 'Internal note: visible to agents only, never sent to the customer.'
            : 'Public reply: sent to the customer.'}
        </p>
      </div>

      <div className="grid gap-3 sm:grid-cols-[8rem_1fr] sm:items-end">
        <div>
          <Label htmlFor={`${id}-minutes`}>Time spent (minutes)</Label>
          <Input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div>
          <Label htmlFor={`${id}-then`}>After sending, mark as</Label>
          <Select
            id={`${id}-then`}
            value={nextStatus}
            onChange={(e) => setNextStatus(e.target.value as ReplyStatus | '')}
          >
            <option value="">Keep as it is ({STATUS_LABELS[ticket.status]})</option>
            <SelectOptions options={labelledOptions(statusOptions, STATUS_LABELS)} />
          </Select>
        </div>
      </div>

      <AttachmentPicker uploads={uploads} disabled={send.isPending} />

      {stale && error ? (
        <StaleReplyAlert
          message={error.message}
          sending={send.isPending}
          onSendAnyway={() => lastPayload.current && send.mutate({ ...lastPayload.current, confirmStale: true })}
          onReview={async () => {
            send.reset();
            await onCatchUp();
          }}
        />
      ) : error ? (
        <Alert>{error.message}</Alert>
      ) : null}

      <div className="flex justify-end">
        <Button type="submit" disabled={send.isPending || Boolean(uploads.blocker) || !body.trim()}>
          {send.isPending ? 'Sending…' : isNote ? 'Add note' : 'Send reply'}
        </Button>
      </div>
    </form>
  );
}
