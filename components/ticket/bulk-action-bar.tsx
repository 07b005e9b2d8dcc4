'use client';

import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/input';
import { boundTo, labelledOptions, SelectField, type SelectOption } from '@/components/ui/select-field';
import { STATUS_LABELS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority } from '@/lib/constants/ticket';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { otherAgentOptions } from './agent-options';
import { parseTags } from './list-filters';
import { PRIORITY_LABELS } from './ticket-labels';
import type { Assignee, BulkAction, BulkResult } from './types';

/** Tickets per request: small enough to show progress, large enough not to make many round trips. */
const CHUNK_SIZE = 20;

const BULK_STATUSES = TICKET_STATUSES.filter((s) => s !== 'new' && s !== 'merged');
const ACTION_KINDS = ['assign', 'status', 'priority', 'add_tags', 'close'] as const;
type ActionKind = (typeof ACTION_KINDS)[number];
type BulkStatus = (typeof BULK_STATUSES)[number];
/** What the assign, status and priority actions set, kept while the agent switches between actions. */
type Choices = { assignee: string; status: BulkStatus; priority: TicketPriority };

const ACTION_LABELS: Record<ActionKind, string> = {
  assign: 'Assign to',
  status: 'Set status',
  priority: 'Set priority',
  add_tags: 'Add tags',
  close: 'Close',
};

/** Labels are captured when the run starts: updated tickets may drop out of the list before it ends. */
type RunState = {
  total: number;
  done: number;
  results: BulkResult[];
  running: boolean;
  error: string | null;
  labels: Map<string, string>;
};

/**
 * Applies one action to the selected tickets. The selection is sent in chunks so the bar can show real
 * progress; each ticket's outcome is listed, and the tickets that failed stay selected to retry.
 */
export function BulkActionBar({
  selectedIds,
  labelFor,
  assignees,
  currentUserId,
  onFinished,
  onClearSelection,
}: {
  selectedIds: string[];
  labelFor: (ticketId: string) => string;
  assignees: Assignee[];
  currentUserId: string;
  onFinished: (succeededIds: string[]) => void;
  onClearSelection: () => void;
}) {
  const trpc = useTRPC();
  const bulk = useMutation(trpc.ticket.bulkUpdate.mutationOptions());
  const [kind, setKind] = useState<ActionKind>('assign');
  const [choices, setChoices] = useState<Choices>({ assignee: currentUserId, status: 'open', priority: 'high' });
  const [tags, setTags] = useState('');
  const [run, setRun] = useState<RunState | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  function buildAction(): BulkAction | string {
    switch (kind) {
      case 'assign':
        return { type: 'assign', assigneeId: choices.assignee === 'none' ? null : choices.assignee };
      case 'status':
        return { type: 'status', status: choices.status };
      case 'priority':
        return { type: 'priority', priority: choices.priority };
      case 'add_tags': {
        const parsed = parseTags(tags);
        return parsed.length
          ? { type: 'add_tags', tags: parsed }
          : 'Type at least one tag (letters, digits, dashes, dots or underscores).';
      }
      case 'close':
        return { type: 'close' };
    }
  }

  async function apply(event: FormEvent) {
    event.preventDefault();
    const action = buildAction();
    if (typeof action === 'string') {
      setFormError(action);
      return;
    }
    setFormError(null);
    const ids = [...selectedIds];
    const state: RunState = {
      total: ids.length,
      done: 0,
      results: [],
      running: true,
      error: null,
      labels: new Map(ids.map((id) => [id, labelFor(id)])),
    };
    setRun(state);
    for (let i = 0; i < ids.length; i += CHUNK_SIZE) {
      const chunk = ids.slice(i, i + CHUNK_SIZE);
      try {
        const { results } = await bulk.mutateAsync({ ticketIds: chunk, action });
        state.results = [...state.results, ...results];
      } catch (error) {
        // A failure of the whole request (network, permission): mark this chunk and stop.
        const message = describeError(error).message;
        state.results = [...state.results, ...chunk.map((ticketId) => ({ ticketId, ok: false, error: message }))];
        state.error = message;
        state.done = Math.min(ids.length, i + chunk.length);
        break;
      }
      state.done = Math.min(ids.length, i + chunk.length);
      setRun({ ...state });
    }
    state.running = false;
    setRun({ ...state });
    onFinished(state.results.filter((r) => r.ok).map((r) => r.ticketId));
  }

  const setChoice = <K extends keyof Choices>(key: K, value: Choices[K]) =>
    setChoices((prev) => ({ ...prev, [key]: value }));
  /** The select for what an action sets (id `bulk-<key>`); the others keep their choice meanwhile. */
  const choiceSelect = <K extends keyof Choices>(
    key: K,
    label: string,
    width: string,
    options: readonly SelectOption<Choices[K]>[],
  ) => (
    <SelectField
      id={`bulk-${key}`}
      label={label}
      fieldClassName={width}
      options={options}
      {...boundTo(choices, setChoice, key)}
    />
  );

  if (!selectedIds.length && !run) return null;
  const failed = run?.results.filter((r) => !r.ok) ?? [];
  const succeeded = (run?.results.length ?? 0) - failed.length;

  return (
    <section aria-label="Bulk actions" className="space-y-3 rounded-lg border border-sky-200 bg-sky-50 p-3">
      {selectedIds.length > 0 ? (
        <form onSubmit={apply} className="flex flex-wrap items-end gap-3">
          <p className="self-center text-sm font-medium text-slate-900" aria-live="polite">
            {selectedIds.length} selected
          </p>
          <SelectField
            id="bulk-action"
            label="Action"
            fieldClassName="w-40"
            value={kind}
            onValueChange={setKind}
            options={labelledOptions(ACTION_KINDS, ACTION_LABELS)}
          />
          {kind === 'assign'
            ? choiceSelect('assignee', 'Assignee', 'w-48', [
                { value: currentUserId, label: 'Me' },
                { value: 'none', label: 'Unassigned' },
                ...otherAgentOptions(assignees, currentUserId),
              ])
            : null}
          {kind === 'status'
            ? choiceSelect('status', 'New status', 'w-40', labelledOptions(BULK_STATUSES, STATUS_LABELS))
            : null}
          {kind === 'priority'
            ? choiceSelect('priority', 'New priority', 'w-40', labelledOptions(TICKET_PRIORITIES, PRIORITY_LABELS))
            : null}
          {kind === 'add_tags' ? (
            <div className="w-56">
              <Label htmlFor="bulk-tags">Tags to add</Label>
              <Input
                id="bulk-tags"
                placeholder="billing, follow-up"
                value={tags}
                onChange={(e) => setTags(e.target.value)}
              />
            </div>
          ) : null}
          <Button type="submit" disabled={run?.running} variant={kind === 'close' ? 'danger' : 'primary'}>
            {kind === 'close'
              ? `Close ${selectedIds.length} ${selectedIds.length === 1 ? 'ticket' : 'tickets'}`
              : `Apply to ${selectedIds.length}`}
          </Button>
          <Button type="button" variant="ghost" onClick={onClearSelection} disabled={run?.running}>
            Clear selection
          </Button>
        </form>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      {run ? (
        <div className="space-y-2">
          <div className="flex items-center gap-3">
            <progress
              className="h-2 w-48 accent-[var(--brand,#0f766e)]"
              value={run.done}
              max={run.total}
              aria-label="Bulk update progress"
            />
            <p className="text-sm text-slate-700" role="status">
              {run.running
                ? `Updating… ${run.done} of ${run.total}`
                : `${succeeded} updated${failed.length ? `, ${failed.length} failed` : ''}.`}
            </p>
            {!run.running ? (
              <Button type="button" variant="ghost" size="sm" onClick={() => setRun(null)}>
                Dismiss
              </Button>
            ) : null}
          </div>
          {run.error ? <Alert>{run.error}</Alert> : null}
          {run.results.length ? (
            <details open={failed.length > 0}>
              <summary className="cursor-pointer text-sm text-slate-700">Result per ticket</summary>
              <ul aria-label="Bulk update results" className="mt-2 max-h-48 space-y-1 overflow-y-auto text-sm">
                {run.results.map((result) => (
                  <li key={result.ticketId} className="flex gap-2">
                    <span className="font-mono text-xs text-slate-600">
                      {run.labels.get(result.ticketId) ?? result.ticketId}
                    </span>
                    {result.ok ? (
                      <span className="text-emerald-700">Updated</span>
                    ) : (
                      <span className="text-red-700">{result.error ?? 'Not updated'}</span>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
