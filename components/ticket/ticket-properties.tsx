'use client';

import { useMutation } from '@tanstack/react-query';
import { Alert } from '@/components/ui/card';
import { labelledOptions, namedOptions, SelectField } from '@/components/ui/select-field';
import { TitledSection } from '@/components/ui/titled-section';
import { STATUS_LABELS, TICKET_PRIORITIES, type TicketStatus } from '@/lib/constants/ticket';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { allowedTransitions } from '@/lib/utils/ticket-lifecycle';
import { agentName } from './agent-options';
import { CustomFieldsEditor } from './custom-fields-editor';
import { TagsEditor } from './tags-editor';
import { PRIORITY_LABELS } from './ticket-labels';
import { ticketTypeOptions } from './ticket-type-options';
import type { TicketChoices, TicketInfo } from './types';

/** Ids the ticket page's shortcuts focus (`s` status, `a` assignee). */
export const STATUS_FIELD_ID = 'ticket-status';
export const ASSIGNEE_FIELD_ID = 'ticket-assignee';

/**
 * The ticket's fields, each saved as soon as it changes. While a save is in flight the field shows the
 * value being saved (the mutation's variables), so it does not flicker back before the refetch lands.
 */
export function TicketProperties({
  ticket,
  choices,
  onChanged,
}: {
  ticket: TicketInfo;
  /** Of the ticket types, the active ones are offered, plus the ticket's own. */
  choices: TicketChoices;
  onChanged: (updatedAt: Date) => Promise<void>;
}) {
  const { assignees, teams, categories, types } = choices;
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
  /** A select's value and its save through `mutation`: disabled once the ticket has ended or while that runs. */
  const savedBy = <V extends string>(mutation: { isPending: boolean }, value: V, save: (value: V) => void) => ({
    value,
    onValueChange: save,
    disabled: ended || mutation.isPending,
  });

  return (
    <TitledSection headingId="properties-heading" title="Properties" panel className="space-y-4">
      <SelectField
        id={STATUS_FIELD_ID}
        label="Status"
        {...savedBy(status, statusValue, (next) =>
          status.mutate({ ticketId: ticket.id, status: next as Exclude<TicketStatus, 'merged'> }),
        )}
        options={labelledOptions(statusChoices, STATUS_LABELS)}
      />
      <SelectField
        id="ticket-priority"
        label="Priority"
        {...savedBy(update, priorityValue, (priority) => update.mutate({ ticketId: ticket.id, priority }))}
        options={labelledOptions(TICKET_PRIORITIES, PRIORITY_LABELS)}
      />
      <SelectField
        id="ticket-type"
        label="Type"
        value={typeValue}
        disabled={ended || update.isPending}
        onValueChange={(type) => update.mutate({ ticketId: ticket.id, type: type || null })}
        options={[{ value: '', label: 'Not set' }, ...ticketTypeOptions(types, ticket.type)]}
      />
      <SelectField
        id={ASSIGNEE_FIELD_ID}
        label="Assignee"
        {...savedBy(assign, assigneeValue, (assigneeId) =>
          assign.mutate({ ticketId: ticket.id, assigneeId: assigneeId || null }),
        )}
        options={[
          { value: '', label: 'Unassigned' },
          ...assignees.map((a) => ({ value: a.id, label: agentName(a) })),
          ...(ticket.assignee && !assignees.some((a) => a.id === ticket.assignee?.id)
            ? [{ value: ticket.assignee.id, label: `${ticket.assignee.name} (no longer an agent)` }]
            : []),
        ]}
      />
      <SelectField
        id="ticket-team"
        label="Team"
        {...savedBy(assign, teamValue, (teamId) => assign.mutate({ ticketId: ticket.id, teamId: teamId || null }))}
        options={[{ value: '', label: 'No team' }, ...namedOptions(teams)]}
      />
      <SelectField
        id="ticket-category"
        label="Category"
        {...savedBy(update, categoryValue, (categoryId) =>
          update.mutate({ ticketId: ticket.id, categoryId: categoryId || null }),
        )}
        options={[
          { value: '', label: 'No category' },
          ...categoryChoices.map((c) => ({ value: c.id, label: c.archivedAt ? `${c.name} (archived)` : c.name })),
        ]}
      />
      <TagsEditor
        tags={tagsValue}
        disabled={ended || update.isPending}
        onChange={(tags) => update.mutate({ ticketId: ticket.id, tags })}
      />
      <CustomFieldsEditor
        values={ticket.customFields}
        disabled={ended || update.isPending}
        onSave={(customFields) => update.mutate({ ticketId: ticket.id, customFields })}
      />
      {error ? <Alert>{describeError(error).message}</Alert> : null}
    </TitledSection>
  );
}
