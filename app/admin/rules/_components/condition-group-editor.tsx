'use client';

import { Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import {
  CONDITION_FIELDS,
  CONDITION_FIELD_LABELS,
  FIELD_OPERATORS,
  OPERATOR_LABELS,
  type ConditionField,
} from '@/lib/constants/automation';
import type { RuleCondition, RuleConditionGroup } from '@/lib/validators/automation';
import { fieldChoices, type RuleOptions } from './rule-options';
import { ValuesInput } from './values-input';

const EVENT_FIELDS = new Set<ConditionField>(['event.visibility', 'event.author', 'event.channel', 'event.rating']);
const newCondition = (): RuleCondition => ({ field: 'tags', op: 'has_any', values: [] });

/**
 * An all/any group of conditions, editing its value in place. Groups nest one level in the form (the
 * validator allows three; a deeper tree saved through the API still shows and saves unchanged).
 */
export function ConditionGroupEditor({
  group,
  onChange,
  options,
  timeRule,
  path = 'conditions',
  depth = 0,
  onRemove,
}: {
  group: RuleConditionGroup;
  onChange: (group: RuleConditionGroup) => void;
  options: RuleOptions;
  timeRule: boolean;
  path?: string;
  depth?: number;
  onRemove?: () => void;
}) {
  const setAt = (index: number, node: RuleCondition | RuleConditionGroup | null) =>
    onChange({
      ...group,
      conditions: node
        ? group.conditions.map((c, i) => (i === index ? node : c))
        : group.conditions.filter((_, i) => i !== index),
    });
  const fields = CONDITION_FIELDS.filter((f) => !(timeRule && EVENT_FIELDS.has(f)));
  return (
    <fieldset className="space-y-2 rounded-md border border-slate-200 p-3">
      <legend className="px-1 text-sm font-medium text-slate-700">
        <span className="sr-only">Condition group: </span>
        Match
        <Select
          aria-label="Match all or any"
          className="mx-2 inline-block w-auto"
          value={group.match}
          onChange={(e) => onChange({ ...group, match: e.target.value as 'all' | 'any' })}
        >
          <option value="all">all</option>
          <option value="any">any</option>
        </Select>
        of these
      </legend>
      {group.conditions.length === 0 ? (
        <p className="text-xs text-slate-500">No conditions: the rule applies to every ticket its trigger sees.</p>
      ) : null}
      <ul className="space-y-2">
        {group.conditions.map((node, index) => {
          const at = `${path}-${index}`;
          if ('match' in node)
            return (
              <li key={at}>
                <ConditionGroupEditor
                  group={node}
                  onChange={(next) => setAt(index, next)}
                  options={options}
                  timeRule={timeRule}
                  path={at}
                  depth={depth + 1}
                  onRemove={() => setAt(index, null)}
                />
              </li>
            );
          const ops = FIELD_OPERATORS[node.field];
          const needsValues = node.op !== 'set' && node.op !== 'empty';
          return (
            <li key={at} className="grid gap-2 sm:grid-cols-[12rem_9rem_1fr_auto]">
              <Select
                aria-label={`Condition ${index + 1} field`}
                value={node.field}
                onChange={(e) => {
                  const field = e.target.value as ConditionField;
                  setAt(index, { field, op: FIELD_OPERATORS[field][0]!, values: [] });
                }}
              >
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {CONDITION_FIELD_LABELS[f]}
                  </option>
                ))}
              </Select>
              <Select
                aria-label={`Condition ${index + 1} operator`}
                value={node.op}
                onChange={(e) => setAt(index, { ...node, op: e.target.value as RuleCondition['op'] })}
              >
                {ops.map((op) => (
                  <option key={op} value={op}>
                    {OPERATOR_LABELS[op]}
                  </option>
                ))}
              </Select>
              <div className="flex gap-2">
                {node.field === 'custom_field' ? (
                  <Input
                    aria-label={`Condition ${index + 1} custom field key`}
                    placeholder="field key"
                    className="w-32"
                    value={node.key ?? ''}
                    onChange={(e) => setAt(index, { ...node, key: e.target.value })}
                  />
                ) : null}
                {needsValues ? (
                  <ValuesInput
                    key={`${node.field}-${node.op}`}
                    id={`${at}-values`}
                    label={`Condition ${index + 1} values`}
                    values={node.values}
                    choices={fieldChoices(node.field, options)}
                    onChange={(values) => setAt(index, { ...node, values })}
                  />
                ) : null}
              </div>
              <Button
                type="button"
                variant="ghost"
                size="sm"
                aria-label={`Remove condition ${index + 1}`}
                onClick={() => setAt(index, null)}
              >
                <Trash2 className="size-4" aria-hidden />
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          onClick={() => onChange({ ...group, conditions: [...group.conditions, newCondition()] })}
        >
          <Plus className="size-4" aria-hidden /> Add condition
        </Button>
        {depth === 0 ? (
          <Button
            type="button"
            variant="secondary"
            size="sm"
            onClick={() =>
              onChange({
                ...group,
                conditions: [
                  ...group.conditions,
                  { match: group.match === 'all' ? 'any' : 'all', conditions: [newCondition()] },
                ],
              })
            }
          >
            <Plus className="size-4" aria-hidden /> Add group
          </Button>
        ) : null}
        {onRemove ? (
          <Button type="button" variant="ghost" size="sm" onClick={onRemove}>
            Remove group
          </Button>
        ) : null}
      </div>
    </fieldset>
  );
}
