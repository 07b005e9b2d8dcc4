'use client';

import { useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/card';
import { Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import {
  STATUS_LABELS,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '@/lib/constants/ticket';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { allowedTransitions } from '@/lib/utils/ticket-lifecycle';
import { TagsEditor } from './tags-editor';
import { PRIORITY_LABELS, TYPE_LABELS } from './ticket-labels';
import type { Assignee, Category, Team, TicketInfo } from './types';

/** Ids the ticket page's shortcuts focus (`s` status, `a` assignee). */
export const STATUS_FIELD_ID = 'ticket-status';
export const ASSIGNEE_FIELD_ID = 'ticket-assignee';

function Property({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/**
 * The ticket's fields, each saved as soon as it changes. While a save is in flight the field shows the
 * value being saved (the mutation's variables), so it does not flicker back before the refetch lands.
 */
export function TicketProperties({
  ticket,
  assignees,
  teams,
  categories,
  onChanged,
}: {
  ticket: TicketInfo;
  assignees: Assignee[];
  teams: Team[];
  categories: Category[];
  onChanged: (updatedAt: Date) => Promise<void>;
}) {
  const trpc = useTRPC();
  const onSuccess = (updated: { updatedAt: Date }) => onChanged(updated.updatedAt);
  const status = useMutation(trpc.ticket.updateStatus.mutationOptions({ onSuccess }));
  const assign = useMutation(trpc.ticket.assign.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.ticket.update.mutationOptions({ onSuccess }));

  const ended = ticket.status === 'closed' || ticket.status === 'merged';
  const statusValue: TicketStatus = status.isPending && status.variables ? status.variables.status : ticket.status;
  const statusChoices = [ticket.status, ...allowedTransitions(ticket.status).filter((s) => s !== 'merged')];
  const assigneeValue =
    assign.isPending && assign.variables?.assigneeId !== undefined
      ? (assign.variables.assigneeId ?? '')
      : (ticket.assignee?.id ?? '');
  const teamValue =
    assign.isPending && assign.variables?.teamId !== undefined
      ? (assign.variables.teamId ?? '')
      : (ticket.team?.id ?? '');
  const pendingUpdate = update.isPending ? update.variables : undefined;
  const priorityValue = pendingUpdate?.priority ?? ticket.priority;
  const typeValue = pendingUpdate?.type !== undefined ? (pendingUpdate.type ?? '') : (ticket.type ?? '');
  const categoryValue =
    pendingUpdate?.categoryId !== undefined ? (pendingUpdate.categoryId ?? '') : (ticket.category?.id ?? '');
  const tagsValue = pendingUpdate?.tags ?? ticket.tags;
  // Archived categories stay listed only while this ticket still uses one.
  const categoryChoices = categories.filter((c) => !c.archivedAt || c.id === ticket.category?.id);
  const error = status.error ?? assign.error ?? update.error;

  return (
    <section aria-labelledby="properties-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="properties-heading" className="text-sm font-semibold text-slate-900">
        Properties
      </h2>
      <Property id={STATUS_FIELD_ID} label="Status">
        <Select
          id={STATUS_FIELD_ID}
          value={statusValue}
          disabled={ended || status.isPending}
          onChange={(e) =>
            status.mutate({ ticketId: ticket.id, status: e.target.value as Exclude<TicketStatus, 'merged'> })
          }
        >
          {statusChoices.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </Select>
      </Property>
      <Property id="ticket-priority" label="Priority">
        <Select
          id="ticket-priority"
          value={priorityValue}
          disabled={ended || update.isPending}
          onChange={(e) => update.mutate({ ticketId: ticket.id, priority: e.target.value as TicketPriority })}
        >
          {TICKET_PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </Select>
      </Property>
      <Property id="ticket-type" label="Type">
        <Select
          id="ticket-type"
          value={typeValue}
          disabled={ended || update.isPending}
          onChange={(e) => update.mutate({ ticketId: ticket.id, type: (e.target.value || null) as TicketType | null })}
        >
          <option value="">Not set</option>
          {TICKET_TYPES.map((t) => (
            <option key={t} value={t}>
              {TYPE_LABELS[t]}
            </option>
          ))}
        </Select>
      </Property>
      <Property id={ASSIGNEE_FIELD_ID} label="Assignee">
        <Select
          id={ASSIGNEE_FIELD_ID}
          value={assigneeValue}
          disabled={ended || assign.isPending}
          onChange={(e) => assign.mutate({ ticketId: ticket.id, assigneeId: e.target.value || null })}
        >
          <option value="">Unassigned</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name || a.email}
            </option>
          ))}
          {ticket.assignee && !assignees.some((a) => a.id === ticket.assignee?.id) ? (
            <option value={ticket.assignee.id}>{ticket.assignee.name} (no longer an agent)</option>
          ) : null}
        </Select>
      </Property>
      <Property id="ticket-team" label="Team">
        <Select
          id="ticket-team"
          value={teamValue}
          disabled={ended || assign.isPending}
          onChange={(e) => assign.mutate({ ticketId: ticket.id, teamId: e.target.value || null })}
        >
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Property>
      <Property id="ticket-category" label="Category">
        <Select
          id="ticket-category"
          value={categoryValue}
          disabled={ended || update.isPending}
          onChange={(e) => update.mutate({ ticketId: ticket.id, categoryId: e.target.value || null })}
        >
          <option value="">No category</option>
          {categoryChoices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.archivedAt ? ' (archived)' : ''}
            </option>
          ))}
        </Select>
      </Property>
      <TagsEditor
        tags={tagsValue}
        disabled={ended || update.isPending}
        onChange={(tags) => update.mutate({ ticketId: ticket.id, tags })}
      />
      {error ? <Alert>{describeError(error).message}</Alert> : null}
    </section>
  );
}
