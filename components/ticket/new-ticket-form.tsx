'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { EmailInput, errorProps, Field, Input } from '@/components/ui/input';
import { boundTo, labelledOptions, namedOptions, SelectField, type SelectOption } from '@/components/ui/select-field';
import { Textarea } from '@/components/ui/textarea';
import { TICKET_CHANNELS, TICKET_PRIORITIES, type TicketChannel, type TicketPriority } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { agentName } from './agent-options';
import { parseTags } from './list-filters';
import { CHANNEL_LABELS, PRIORITY_LABELS } from './ticket-labels';
import { ticketTypeOptions } from './ticket-type-options';
import { ticketPath } from './ticket-search';

const FIELDS = [
  'email',
  'name',
  'subject',
  'body',
  'priority',
  'channel',
  'type',
  'assigneeId',
  'categoryId',
  'tags',
] as const;

type Values = {
  email: string;
  name: string;
  subject: string;
  body: string;
  priority: TicketPriority;
  channel: TicketChannel;
  /** A ticket type key, or '' for none. */
  type: string;
  assigneeId: string;
  categoryId: string;
  tags: string;
};

/** An agent files a ticket for a customer who phoned, chatted or emailed someone directly. */
export function NewTicketForm({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const assignees = useQuery(trpc.ticket.assignees.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const types = useQuery(trpc.ticketType.list.queryOptions());
  const [values, setValues] = useState<Values>({
    email: '',
    name: '',
    subject: '',
    body: '',
    priority: 'normal',
    channel: 'phone',
    type: '',
    assigneeId: currentUserId,
    categoryId: '',
    tags: '',
  });
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  const create = useMutation(
    trpc.ticket.create.mutationOptions({
      onSuccess: async ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.ticket.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.ticket.viewCounts.queryKey() });
        router.push(ticketPath(id));
      },
    }),
  );
  // The requester arrives as one nested field; its problems belong beside the email input.
  const errors = formErrors(create.error, FIELDS, { requester: 'email' });

  function submit(event: FormEvent) {
    event.preventDefault();
    const { email, name, type, assigneeId, categoryId, tags, ...rest } = values;
    create.mutate({
      ...rest,
      requester: { email, name: name.trim() || undefined },
      type: type || undefined,
      assigneeId: assigneeId || undefined,
      categoryId: categoryId || undefined,
      tags: parseTags(tags),
    });
  }

  /** A Field's id (`new-<field>`) and the server's message for it. */
  const field = (name: (typeof FIELDS)[number]) => ({ id: `new-${name}`, error: errors.fields[name] });
  /** A text control's id, value, change handler and error wiring. */
  const text = (name: 'email' | 'name' | 'subject' | 'body' | 'tags') => ({
    id: `new-${name}`,
    value: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(name, e.target.value),
    ...errorProps(`new-${name}`, errors.fields[name]),
  });
  /** A select bound to its field and that field's error. */
  const select = <K extends 'priority' | 'channel' | 'type' | 'assigneeId' | 'categoryId'>(
    name: K,
    id: string,
    label: string,
    options: readonly SelectOption<Values[K]>[],
  ) => (
    <SelectField id={id} label={label} error={errors.fields[name]} options={options} {...boundTo(values, set, name)} />
  );
  const assigneeOptions = [
    { value: '', label: 'Unassigned' },
    ...(assignees.data ?? []).map((a) => ({
      value: a.id,
      label: a.id === currentUserId ? `${agentName(a)} (me)` : agentName(a),
    })),
    ...(assignees.data?.some((a) => a.id === currentUserId) ? [] : [{ value: currentUserId, label: 'Me' }]),
  ];

  return (
    <Card>
      <form onSubmit={submit} noValidate className="space-y-5">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Customer</legend>
          <Field {...field('email')} label="Requester email">
            <EmailInput autoComplete="off" required {...text('email')} />
          </Field>
          <Field {...field('name')} label="Requester name" hint="Optional. Used when this is a new customer.">
            <Input autoComplete="off" {...text('name')} />
          </Field>
        </fieldset>

        <Field {...field('subject')} label="Subject">
          <Input required maxLength={200} {...text('subject')} />
        </Field>
        <Field
          {...field('body')}
          label="Description"
          hint="What the customer asked, in their words where you can. Saved as their first message."
        >
          <Textarea rows={8} required {...text('body')} />
        </Field>

        <div className="grid gap-4 sm:grid-cols-3">
          {select('channel', 'new-channel', 'Channel', labelledOptions(TICKET_CHANNELS, CHANNEL_LABELS))}
          {select('priority', 'new-priority', 'Priority', labelledOptions(TICKET_PRIORITIES, PRIORITY_LABELS))}
          {select('type', 'new-type', 'Type', [
            { value: '', label: 'Not set' },
            ...ticketTypeOptions(types.data ?? []),
          ])}
          {select('assigneeId', 'new-assignee', 'Assignee', assigneeOptions)}
          {select('categoryId', 'new-category', 'Category', [
            { value: '', label: 'No category' },
            ...namedOptions((categories.data ?? []).filter((c) => !c.archivedAt)),
          ])}
          <Field {...field('tags')} label="Tags" hint="Separate with commas.">
            <Input placeholder="phone, billing" {...text('tags')} />
          </Field>
        </div>

        {errors.message ? <Alert>{errors.message}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => router.back()}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create ticket'}
          </Button>
        </div>
      </form>
    </Card>
  );
}
