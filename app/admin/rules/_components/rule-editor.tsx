'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { RULE_TRIGGERS, RULE_TRIGGER_LABELS, TIME_SINCE, TIME_SINCE_LABELS } from '@/lib/constants/automation';
import { useTRPC } from '@/lib/trpc/client';
import { saveRuleInput, type SaveRuleInput } from '@/lib/validators/automation';
import { ActionListEditor } from './action-list-editor';
import { ConditionGroupEditor } from './condition-group-editor';
import { DryRunPanel } from './dry-run-panel';
import { useRuleOptions } from './rule-options';

type RuleForm = z.input<typeof saveRuleInput>;
const FIELDS = ['name', 'kind', 'triggers', 'time', 'conditions', 'actions'] as const;

export const NEW_RULE: RuleForm = {
  name: '',
  kind: 'event',
  enabled: true,
  triggers: ['ticket.created'],
  time: null,
  conditions: { match: 'all', conditions: [] },
  actions: [{ type: 'add_tags', tags: [] }],
};

/** The first message of a form error tree (zod's nested errors for conditions and actions). */
function firstMessage(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if ('message' in error && typeof error.message === 'string' && error.message) return error.message;
  for (const value of Object.values(error)) {
    const found = firstMessage(value);
    if (found) return found;
  }
  return undefined;
}

/** The rule builder: trigger or time, all/any condition groups, ordered actions, and a dry run before saving. */
export function RuleEditor({ initial, ruleId }: { initial: RuleForm; ruleId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useRuleOptions();
  const form = useForm<RuleForm, unknown, SaveRuleInput>({
    resolver: zodResolver(saveRuleInput),
    defaultValues: initial,
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const save = useMutation(
    trpc.automationRule.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.automationRule.list.queryKey() });
        router.push('/admin/rules');
      },
    }),
  );
  const server = formErrors(save.error, FIELDS);
  const errors = form.formState.errors;
  const fieldError = (name: (typeof FIELDS)[number]) => firstMessage(errors[name]) ?? server.fields[name];
  const currentRule = () => {
    const parsed = saveRuleInput.safeParse({ ...form.getValues(), ruleId });
    if (!parsed.success) void form.trigger();
    return parsed.success ? parsed.data : null;
  };

  return (
    <div className="space-y-6">
      <Card>
        <form
          className="space-y-5"
          noValidate
          onSubmit={form.handleSubmit((values) => save.mutate({ ...values, ruleId }))}
        >
          {server.message ? <Alert>{server.message}</Alert> : null}
          <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
            <Field id="rule-name" label="Name" error={fieldError('name')}>
              <Input
                id="rule-name"
                placeholder="Tag refund requests"
                aria-invalid={Boolean(fieldError('name'))}
                {...form.register('name')}
              />
            </Field>
            <Field id="rule-kind" label="Runs" error={fieldError('kind')}>
              <Select id="rule-kind" {...form.register('kind')}>
                <option value="event">when something happens</option>
                <option value="time">after some time</option>
              </Select>
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" {...form.register('enabled')} /> Enabled
          </label>
          {kind === 'event' ? (
            <fieldset>
              <legend className="mb-1 text-sm font-medium text-slate-700">When</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {RULE_TRIGGERS.map((trigger) => (
                  <label key={trigger} className="flex items-center gap-2 text-sm">
                    <input type="checkbox" value={trigger} {...form.register('triggers')} />{' '}
                    {RULE_TRIGGER_LABELS[trigger]}
                  </label>
                ))}
              </div>
              {fieldError('triggers') ? (
                <p role="alert" className="text-xs text-red-600">
                  {fieldError('triggers')}
                </p>
              ) : null}
            </fieldset>
          ) : (
            <Controller
              control={form.control}
              name="time"
              render={({ field }) => (
                <fieldset className="flex flex-wrap items-end gap-2">
                  <legend className="mb-1 text-sm font-medium text-slate-700">When it has been</legend>
                  <Input
                    aria-label="Hours"
                    type="number"
                    min={0.02}
                    step="any"
                    className="w-28"
                    value={field.value?.hours ?? ''}
                    onChange={(e) =>
                      field.onChange({ since: field.value?.since ?? 'created', hours: Number(e.target.value) })
                    }
                  />
                  <span className="pb-2 text-sm">hours since</span>
                  <Select
                    aria-label="Since"
                    className="w-auto"
                    value={field.value?.since ?? 'created'}
                    onChange={(e) => field.onChange({ hours: field.value?.hours ?? 24, since: e.target.value })}
                  >
                    {TIME_SINCE.map((s) => (
                      <option key={s} value={s}>
                        {TIME_SINCE_LABELS[s]}
                      </option>
                    ))}
                  </Select>
                  {fieldError('time') ? (
                    <p role="alert" className="w-full text-xs text-red-600">
                      {fieldError('time')}
                    </p>
                  ) : null}
                </fieldset>
              )}
            />
          )}
          <div className="space-y-1">
            <h2 className="text-sm font-medium text-slate-700">If</h2>
            <Controller
              control={form.control}
              name="conditions"
              render={({ field }) => (
                <ConditionGroupEditor
                  group={(field.value ?? { match: 'all', conditions: [] }) as SaveRuleInput['conditions']}
                  onChange={field.onChange}
                  options={options}
                  timeRule={kind === 'time'}
                />
              )}
            />
            {fieldError('conditions') ? (
              <p role="alert" className="text-xs text-red-600">
                {fieldError('conditions')}
              </p>
            ) : null}
          </div>
          <div className="space-y-1">
            <h2 className="text-sm font-medium text-slate-700">Then</h2>
            <Controller
              control={form.control}
              name="actions"
              render={({ field }) => (
                <ActionListEditor
                  actions={field.value as SaveRuleInput['actions']}
                  onChange={field.onChange}
                  options={options}
                />
              )}
            />
            {fieldError('actions') ? (
              <p role="alert" className="text-xs text-red-600">
                {fieldError('actions')}
              </p>
            ) : null}
          </div>
          <div className="flex justify-end gap-2">
            <Button asChild variant="ghost">
              <Link href="/admin/rules">Cancel</Link>
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? <Spinner label="Saving" /> : null}
              Save rule
            </Button>
          </div>
        </form>
      </Card>
      <DryRunPanel currentRule={currentRule} />
    </div>
  );
}
