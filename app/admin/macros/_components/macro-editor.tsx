'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { PRIORITY_LABELS } from '@/components/ticket/ticket-labels';
import { ticketTypeOptions } from '@/components/ticket/ticket-type-options';
import type { MacroRow } from '@/components/ticket/types';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input, Label } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { STATUS_LABELS, TICKET_PRIORITIES } from '@/lib/constants/ticket';
import { useTRPC } from '@/lib/trpc/client';
import { MACRO_PLACEHOLDERS, PLACEHOLDER_HINTS } from '@/lib/utils/macro-template';
import {
  CLEAR,
  EMPTY_MACRO,
  MACRO_STATUSES,
  toFormValues,
  toSaveInput,
  type MacroFormValues,
} from './macro-form-values';

const FIELDS = ['name', 'body', 'visibility', 'teamIds', 'actions', 'customFields'] as const;

/** Options of a reference select: leave as it is, empty it, or one of the values. */
function RefOptions({ options, clearLabel }: { options: Array<{ value: string; label: string }>; clearLabel: string }) {
  return (
    <>
      <option value="">Leave as it is</option>
      <option value={CLEAR}>{clearLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}

/** Creates or edits a macro: its text with placeholders, who sees it, and what it changes on the ticket. */
export function MacroEditor({ macro, onDone }: { macro?: MacroRow; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const teams = useQuery(trpc.team.list.queryOptions());
  const categories = useQuery(trpc.category.list.queryOptions());
  const types = useQuery(trpc.ticketType.list.queryOptions());
  const agents = useQuery(trpc.ticket.assignees.queryOptions());
  const fields = useQuery(trpc.ticketField.list.queryOptions());
  const activeFields = (fields.data ?? []).filter((f) => !f.archivedAt);
  const form = useForm<MacroFormValues>({ defaultValues: macro ? toFormValues(macro) : EMPTY_MACRO });
  const visibility = useWatch({ control: form.control, name: 'visibility' });
  const save = useMutation(
    trpc.macro.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.macro.list.queryKey() });
        onDone();
      },
    }),
  );
  const errors = formErrors(save.error, FIELDS);
  const fieldTypes = new Map(activeFields.map((f) => [f.key, f.type]));

  function insertPlaceholder(name: string) {
    const body = form.getValues('body');
    form.setValue('body', `${body}{{${name}}}`, { shouldDirty: true });
    document.getElementById(`${id}-body`)?.focus();
  }

  return (
    <form
      noValidate
      className="space-y-5"
      onSubmit={form.handleSubmit((values) => save.mutate(toSaveInput(values, fieldTypes, macro?.id)))}
    >
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name" error={errors.fields.name}>
          <Input id={`${id}-name`} placeholder="Ask for a screenshot" {...form.register('name')} />
        </Field>
        <Field id={`${id}-kind`} label="Adds">
          <Select id={`${id}-kind`} {...form.register('kind')}>
            <option value="reply">A public reply</option>
            <option value="note">An internal note</option>
          </Select>
        </Field>
      </div>

      <div className="space-y-1">
        <Label htmlFor={`${id}-body`}>Text</Label>
        <Textarea id={`${id}-body`} rows={5} {...form.register('body')} aria-describedby={`${id}-placeholders`} />
        {errors.fields.body ? <p className="text-xs text-red-600">{errors.fields.body}</p> : null}
        <div id={`${id}-placeholders`} className="flex flex-wrap gap-1 pt-1">
          <span className="text-xs text-slate-500">Insert:</span>
          {MACRO_PLACEHOLDERS.map((name) => (
            <button
              key={name}
              type="button"
              title={PLACEHOLDER_HINTS[name]}
              onClick={() => insertPlaceholder(name)}
              className="rounded border border-slate-300 px-1.5 text-xs text-slate-700 hover:bg-slate-100"
            >
              {`{{${name}}}`}
            </button>
          ))}
        </div>
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Who can use it</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ['personal', 'Only me'],
              ['teams', 'Chosen teams'],
              ['everyone', 'Everyone'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" value={value} {...form.register('visibility')} />
              {label}
            </label>
          ))}
        </div>
        {visibility === 'teams' ? (
          <div className="flex flex-wrap gap-3 text-sm">
            {(teams.data ?? []).length === 0 ? (
              <span className="text-slate-600">No teams yet: add them under Admin → Teams.</span>
            ) : null}
            {(teams.data ?? []).map((team) => (
              <label key={team.id} className="flex items-center gap-2">
                <input type="checkbox" value={team.id} {...form.register('teamIds')} />
                {team.name}
              </label>
            ))}
          </div>
        ) : null}
        {errors.fields.visibility || errors.fields.teamIds ? (
          <p role="alert" className="text-xs text-red-600">
            {errors.fields.visibility ?? errors.fields.teamIds}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-700">Changes to the ticket</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field id={`${id}-status`} label="Status">
            <Select id={`${id}-status`} {...form.register('status')}>
              <option value="">Leave as it is</option>
              {MACRO_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-priority`} label="Priority">
            <Select id={`${id}-priority`} {...form.register('priority')}>
              <option value="">Leave as it is</option>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={`${id}-type`} label="Type">
            <Select id={`${id}-type`} {...form.register('type')}>
              <RefOptions clearLabel="No type" options={ticketTypeOptions(types.data ?? [], macro?.actions.type)} />
            </Select>
          </Field>
          <Field id={`${id}-category`} label="Category">
            <Select id={`${id}-category`} {...form.register('categoryId')}>
              <RefOptions
                clearLabel="No category"
                options={(categories.data ?? [])
                  .filter((c) => !c.archivedAt)
                  .map((c) => ({ value: c.id, label: c.name }))}
              />
            </Select>
          </Field>
          <Field id={`${id}-team`} label="Team">
            <Select id={`${id}-team`} {...form.register('teamId')}>
              <RefOptions
                clearLabel="No team"
                options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
              />
            </Select>
          </Field>
          <Field id={`${id}-assignee`} label="Assignee">
            <Select id={`${id}-assignee`} {...form.register('assigneeId')}>
              <RefOptions
                clearLabel="Unassigned"
                options={(agents.data ?? []).map((a) => ({ value: a.id, label: a.name || a.email }))}
              />
            </Select>
          </Field>
          <Field id={`${id}-add-tags`} label="Add tags" hint="Separated by commas">
            <Input id={`${id}-add-tags`} placeholder="needs-info" {...form.register('addTags')} />
          </Field>
          <Field id={`${id}-remove-tags`} label="Remove tags">
            <Input id={`${id}-remove-tags`} placeholder="triage" {...form.register('removeTags')} />
          </Field>
        </div>
        {activeFields.length ? (
          <div className="grid gap-3 sm:grid-cols-3">
            {activeFields.map((f) => (
              <Field key={f.id} id={`${id}-cf-${f.key}`} label={f.label}>
                {f.type === 'select' || f.type === 'checkbox' ? (
                  <Select id={`${id}-cf-${f.key}`} {...form.register(`customFields.${f.key}`)}>
                    <RefOptions
                      clearLabel="Empty it"
                      options={
                        f.type === 'checkbox'
                          ? [
                              { value: 'true', label: 'Checked' },
                              { value: 'false', label: 'Unchecked' },
                            ]
                          : f.options
                      }
                    />
                  </Select>
                ) : (
                  <Input
                    id={`${id}-cf-${f.key}`}
                    type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
                    placeholder="Leave as it is"
                    {...form.register(`customFields.${f.key}`)}
                  />
                )}
              </Field>
            ))}
          </div>
        ) : null}
        {errors.fields.actions || errors.fields.customFields ? (
          <p role="alert" className="text-xs text-red-600">
            {errors.fields.actions ?? errors.fields.customFields}
          </p>
        ) : null}
      </fieldset>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? <Spinner label="Saving" /> : null}
          {macro ? 'Save macro' : 'Create macro'}
        </Button>
      </div>
    </form>
  );
}
