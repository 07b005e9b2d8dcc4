'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { errorProps, Field, Input } from '@/components/ui/input';
import { labelledOptions, SelectField } from '@/components/ui/select-field';
import { Textarea } from '@/components/ui/textarea';
import {
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  type TicketChannel,
  type TicketPriority,
  type TicketType,
} from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { agentName } from './agent-options';
import { parseTags } from './list-filters';
import { CHANNEL_LABELS, PRIORITY_LABELS, TYPE_LABELS } from './ticket-labels';
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

/** An agent files a ticket for a customer who phoned, chatted or emailed someone directly. */
export function NewTicketForm({ currentUserId }: { currentUserId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const assignees = useQuery(trpc.ticket.assignees.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [channel, setChannel] = useState<TicketChannel>('phone');
  const [type, setType] = useState<TicketType | ''>('');
  const [assigneeId, setAssigneeId] = useState(currentUserId);
  const [categoryId, setCategoryId] = useState('');
  const [tags, setTags] = useState('');
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
    create.mutate({
      requester: { email, name: name.trim() || undefined },
      subject,
      body,
      priority,
      channel,
      type: type || undefined,
      assigneeId: assigneeId || undefined,
      categoryId: categoryId || undefined,
      tags: parseTags(tags),
    });
  }

  const invalid = (field: (typeof FIELDS)[number]) => errorProps(`new-${field}`, errors.fields[field]);

  return (
    <Card>
      <form onSubmit={submit} noValidate className="space-y-5">
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Customer</legend>
          <Field id="new-email" label="Requester email" error={errors.fields.email}>
            <Input
              id="new-email"
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              {...invalid('email')}
            />
          </Field>
          <Field
            id="new-name"
            label="Requester name"
            hint="Optional. Used when this is a new customer."
            error={errors.fields.name}
          >
            <Input
              id="new-name"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              {...invalid('name')}
            />
          </Field>
        </fieldset>

        <Field id="new-subject" label="Subject" error={errors.fields.subject}>
          <Input
            id="new-subject"
            required
            maxLength={200}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            {...invalid('subject')}
          />
        </Field>
        <Field
          id="new-body"
          label="Description"
          hint="What the customer asked, in their words where you can. Saved as their first message."
          error={errors.fields.body}
        >
          <Textarea
            id="new-body"
            rows={8}
            required
            value={body}
            onChange={(e) => setBody(e.target.value)}
            {...invalid('body')}
          />
        </Field>

        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField
            id="new-channel"
            label="Channel"
            error={errors.fields.channel}
            value={channel}
            onValueChange={setChannel}
            options={labelledOptions(TICKET_CHANNELS, CHANNEL_LABELS)}
          />
          <SelectField
            id="new-priority"
            label="Priority"
            error={errors.fields.priority}
            value={priority}
            onValueChange={setPriority}
            options={labelledOptions(TICKET_PRIORITIES, PRIORITY_LABELS)}
          />
          <SelectField
            id="new-type"
            label="Type"
            error={errors.fields.type}
            value={type}
            onValueChange={setType}
            options={[{ value: '', label: 'Not set' }, ...labelledOptions(TICKET_TYPES, TYPE_LABELS)]}
          />
          <SelectField
            id="new-assignee"
            label="Assignee"
            error={errors.fields.assigneeId}
            value={assigneeId}
            onValueChange={setAssigneeId}
            options={[
              { value: '', label: 'Unassigned' },
              ...(assignees.data ?? []).map((a) => ({
                value: a.id,
                label: a.id === currentUserId ? `${agentName(a)} (me)` : agentName(a),
              })),
              ...(assignees.data?.some((a) => a.id === currentUserId) ? [] : [{ value: currentUserId, label: 'Me' }]),
            ]}
          />
          <SelectField
            id="new-category"
            label="Category"
            error={errors.fields.categoryId}
            value={categoryId}
            onValueChange={setCategoryId}
            options={[
              { value: '', label: 'No category' },
              ...(categories.data ?? []).filter((c) => !c.archivedAt).map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <Field id="new-tags" label="Tags" hint="Separate with commas." error={errors.fields.tags}>
            <Input id="new-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="phone, billing" />
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
