'use client';

import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Textarea } from '@/components/ui/textarea';
import { RULE_ACTION_LABELS, RULE_ACTION_TYPES, type RuleActionType } from '@/lib/constants/automation';
import { ticketTypeOptions } from '@/components/ticket/ticket-type-options';
import { STATUS_LABELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@/lib/constants/ticket';
import type { RuleAction } from '@/lib/validators/automation';
import type { Option, RuleOptions } from './rule-options';

/** A new action of a kind with empty parameters; the validator names whatever is still missing. */
function blankAction(type: RuleActionType): RuleAction {
  switch (type) {
    case 'assign_agent':
      return { type, userId: '' };
    case 'assign_team':
      return { type, teamId: '' };
    case 'set_status':
      return { type, status: 'open' };
    case 'set_priority':
      return { type, priority: 'high' };
    case 'set_type':
      return { type, ticketType: '' };
    case 'set_category':
      return { type, categoryId: '' };
    case 'set_field':
      return { type, key: '', value: '' };
    case 'add_tags':
    case 'remove_tags':
      return { type, tags: [] };
    case 'add_note':
    case 'auto_reply':
      return { type, body: '' };
    case 'notify':
      return { type, userIds: [], teamId: null, message: '' };
    case 'apply_macro':
      return { type, macroId: '' };
    default:
      return { type } as RuleAction;
  }
}

function Choice({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: Option[];
  onChange: (v: string) => void;
}) {
  return (
    <Select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose…</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

/** "Set type" to nothing: the action's null, as a select value no type key can take (keys have no dashes). */
const NO_TYPE = '-none-';

const words = (text: string) =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/** The parameters of one action, by its kind. */
function ActionParameters({
  action,
  onChange,
  options,
  n,
}: {
  action: RuleAction;
  onChange: (a: RuleAction) => void;
  options: RuleOptions;
  n: number;
}) {
  const label = (what: string) => `Action ${n} ${what}`;
  switch (action.type) {
    case 'assign_agent':
      return (
        <Choice
          label={label('agent')}
          value={action.userId}
          options={options.agents}
          onChange={(userId) => onChange({ ...action, userId })}
        />
      );
    case 'assign_team':
      return (
        <Choice
          label={label('team')}
          value={action.teamId}
          options={options.teams}
          onChange={(teamId) => onChange({ ...action, teamId })}
        />
      );
    case 'set_status':
      return (
        <Choice
          label={label('status')}
          value={action.status}
          options={TICKET_STATUSES.filter((s) => s !== 'new' && s !== 'merged').map((s) => ({
            value: s,
            label: STATUS_LABELS[s],
          }))}
          onChange={(status) => onChange({ ...action, status: status as typeof action.status })}
        />
      );
    case 'set_priority':
      return (
        <Choice
          label={label('priority')}
          value={action.priority}
          options={TICKET_PRIORITIES.map((p) => ({ value: p, label: p }))}
          onChange={(priority) => onChange({ ...action, priority: priority as typeof action.priority })}
        />
      );
    case 'set_type':
      return (
        <Choice
          label={label('type')}
          value={action.ticketType ?? NO_TYPE}
          options={[
            { value: NO_TYPE, label: 'No type (clear it)' },
            ...ticketTypeOptions(options.types, action.ticketType),
          ]}
          onChange={(t) => onChange({ ...action, ticketType: t === NO_TYPE ? null : t })}
        />
      );
    case 'set_category':
      return (
        <Choice
          label={label('category')}
          value={action.categoryId ?? ''}
          options={options.categories}
          onChange={(c) => onChange({ ...action, categoryId: c || null })}
        />
      );
    case 'set_field':
      return (
        <div className="flex gap-2">
          <Input
            aria-label={label('field key')}
            placeholder="field key"
            value={action.key}
            onChange={(e) => onChange({ ...action, key: e.target.value })}
          />
          <Input
            aria-label={label('field value')}
            placeholder="value"
            value={String(action.value ?? '')}
            onChange={(e) => onChange({ ...action, value: e.target.value })}
          />
        </div>
      );
    case 'add_tags':
    case 'remove_tags':
      return (
        <Input
          aria-label={label('tags')}
          placeholder="tag, another-tag"
          defaultValue={action.tags.join(', ')}
          onChange={(e) => onChange({ ...action, tags: words(e.target.value) })}
        />
      );
    case 'add_note':
    case 'auto_reply':
      return (
        <Textarea
          aria-label={label('text')}
          rows={3}
          placeholder="Hello {{ customer.name }}, we received {{ ticket.number }}…"
          value={action.body}
          onChange={(e) => onChange({ ...action, body: e.target.value })}
        />
      );
    case 'notify':
      return (
        <div className="space-y-2">
          <Choice
            label={label('team to notify')}
            value={action.teamId ?? ''}
            options={options.teams}
            onChange={(t) => onChange({ ...action, teamId: t || null })}
          />
          <Select
            multiple
            aria-label={label('agents to notify')}
            value={action.userIds}
            onChange={(e) => onChange({ ...action, userIds: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {options.agents.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </Select>
          <Textarea
            aria-label={label('message')}
            rows={2}
            value={action.message}
            onChange={(e) => onChange({ ...action, message: e.target.value })}
          />
        </div>
      );
    case 'apply_macro':
      return (
        <Choice
          label={label('macro')}
          value={action.macroId}
          options={options.macros}
          onChange={(macroId) => onChange({ ...action, macroId })}
        />
      );
    case 'assign_by_policy':
      return <p className="text-xs text-slate-500">Uses the team&apos;s assignment policy.</p>;
    case 'escalate':
      return <p className="text-xs text-slate-500">Raises the priority one step (urgent stays urgent).</p>;
  }
}

/** The rule's actions, run in this order; each row picks a kind and its parameters. */
export function ActionListEditor({
  actions,
  onChange,
  options,
}: {
  actions: RuleAction[];
  onChange: (a: RuleAction[]) => void;
  options: RuleOptions;
}) {
  const move = (from: number, to: number) => {
    const next = [...actions];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <div className="space-y-2">
      {actions.length === 0 ? (
        <p className="text-sm text-slate-500">No actions yet: add what the rule should do.</p>
      ) : null}
      <ol className="space-y-2">
        {actions.map((action, index) => (
          <li key={index} className="grid gap-2 rounded-md border border-slate-200 p-2 sm:grid-cols-[14rem_1fr_auto]">
            <Select
              aria-label={`Action ${index + 1} kind`}
              value={action.type}
              onChange={(e) =>
                onChange(actions.map((a, i) => (i === index ? blankAction(e.target.value as RuleActionType) : a)))
              }
            >
              {RULE_ACTION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {RULE_ACTION_LABELS[t]}
                </option>
              ))}
            </Select>
            <ActionParameters
              key={`${index}-${action.type}`}
              n={index + 1}
              action={action}
              options={options}
              onChange={(next) => onChange(actions.map((a, i) => (i === index ? next : a)))}
            />
            <div className="flex gap-1">
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Move action ${index + 1} up`}
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              >
                <ArrowUp className="size-4" aria-hidden />
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Move action ${index + 1} down`}
                disabled={index === actions.length - 1}
                onClick={() => move(index, index + 1)}
              >
                <ArrowDown className="size-4" aria-hidden />
              </Button>
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Remove action ${index + 1}`}
                onClick={() => onChange(actions.filter((_, i) => i !== index))}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <Button
        type="button"
        variant="secondary"
        size="sm"
        onClick={() => onChange([...actions, blankAction('add_tags')])}
      >
        <Plus className="size-4" aria-hidden /> Add action
      </Button>
    </div>
  );
}
