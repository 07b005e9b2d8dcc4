import { z } from 'zod';
import {
  CONDITION_FIELDS,
  CONDITION_OPERATORS,
  DRY_RUN_WINDOWS,
  FIELD_OPERATORS,
  OPERATOR_LABELS,
  CONDITION_FIELD_LABELS,
  RULE_KINDS,
  RULE_TRIGGERS,
  TIME_SINCE,
} from '@/lib/constants/automation';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@/lib/constants/ticket';
import { tagList, ticketTypeKey } from './ticket';

const id = z.uuid();

export const ruleConditionSchema = z.strictObject({
  field: z.enum(CONDITION_FIELDS),
  op: z.enum(CONDITION_OPERATORS),
  /** The compared values: ids, enum values, domains or words; `business_hours` takes 'yes' or 'no'. */
  values: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
  /** The custom field's key, for `custom_field` only. */
  key: z.string().trim().min(1).max(60).optional(),
});
export type RuleCondition = z.output<typeof ruleConditionSchema>;

export type RuleConditionGroup = { match: 'all' | 'any'; conditions: Array<RuleCondition | RuleConditionGroup> };

/** Groups nest (all of … any of …); three levels is more than any rule an admin can still read needs. */
const MAX_GROUP_DEPTH = 3;

function groupDepth(group: RuleConditionGroup): number {
  return 1 + Math.max(0, ...group.conditions.map((c) => ('match' in c ? groupDepth(c) : 0)));
}

export const ruleConditionGroupSchema: z.ZodType<RuleConditionGroup, z.input<typeof ruleConditionSchema> | object> =
  z.lazy(() =>
    z.strictObject({
      match: z.enum(['all', 'any']),
      conditions: z.array(z.union([ruleConditionSchema, ruleConditionGroupSchema])).max(30, {
        message: 'At most 30 conditions in one group.',
      }),
    }),
  ) as never;

export const timeConditionSchema = z.strictObject({
  since: z.enum(TIME_SINCE),
  hours: z
    .number({ message: 'Enter the number of hours.' })
    .min(1 / 60, { message: 'Use at least one minute (0.02 hours).' })
    .max(24 * 365, { message: 'Use at most a year (8,760 hours).' }),
});
export type TimeCondition = z.output<typeof timeConditionSchema>;

const noteBody = z.string().trim().min(1, { message: 'Write the text.' }).max(20_000);

export const ruleActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign_agent'), userId: id }),
  z.strictObject({ type: z.literal('assign_team'), teamId: id }),
  z.strictObject({ type: z.literal('assign_by_policy') }),
  z.strictObject({ type: z.literal('set_status'), status: z.enum(TICKET_STATUSES).exclude(['merged', 'new']) }),
  z.strictObject({ type: z.literal('set_priority'), priority: z.enum(TICKET_PRIORITIES) }),
  z.strictObject({ type: z.literal('set_type'), ticketType: ticketTypeKey.nullable() }),
  z.strictObject({ type: z.literal('set_category'), categoryId: id.nullable() }),
  z.strictObject({
    type: z.literal('set_field'),
    key: z.string().trim().min(1).max(60),
    value: z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
  }),
  z.strictObject({ type: z.literal('add_tags'), tags: tagList.min(1, { message: 'Name at least one tag.' }) }),
  z.strictObject({ type: z.literal('remove_tags'), tags: tagList.min(1, { message: 'Name at least one tag.' }) }),
  z.strictObject({ type: z.literal('add_note'), body: noteBody }),
  z.strictObject({ type: z.literal('auto_reply'), body: noteBody }),
  z.strictObject({
    type: z.literal('notify'),
    userIds: z.array(id).max(50).default([]),
    teamId: id.nullable().default(null),
    message: noteBody,
  }),
  z.strictObject({ type: z.literal('escalate') }),
  z.strictObject({ type: z.literal('apply_macro'), macroId: id }),
]);
export type RuleAction = z.output<typeof ruleActionSchema>;

const EVENT_ONLY_FIELDS = new Set(['event.visibility', 'event.author', 'event.channel', 'event.rating']);
const VALUELESS_OPS = new Set(['set', 'empty']);

/** Every leaf condition of a tree, with its path in the input (for error messages on the right field). */
function* leaves(
  group: RuleConditionGroup,
  path: Array<string | number>,
): Generator<[RuleCondition, Array<string | number>]> {
  for (const [i, node] of group.conditions.entries()) {
    const at = [...path, 'conditions', i];
    if ('match' in node) yield* leaves(node, at);
    else yield [node, at];
  }
}

export const saveRuleInput = z
  .strictObject({
    ruleId: id.optional(),
    name: z.string().trim().min(1, { message: 'Give the rule a name.' }).max(120),
    kind: z.enum(RULE_KINDS),
    enabled: z.boolean().default(true),
    triggers: z.array(z.enum(RULE_TRIGGERS)).max(RULE_TRIGGERS.length).default([]),
    time: timeConditionSchema.nullable().default(null),
    conditions: ruleConditionGroupSchema.default({ match: 'all', conditions: [] }),
    actions: z
      .array(ruleActionSchema)
      .min(1, { message: 'Add at least one action.' })
      .max(20, { message: 'At most 20 actions per rule.' }),
  })
  .superRefine((rule, ctx) => {
    if (rule.kind === 'event' && !rule.triggers.length)
      ctx.addIssue({ code: 'custom', path: ['triggers'], message: 'Choose at least one event that runs the rule.' });
    if (rule.kind === 'time' && !rule.time)
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'Say how many hours since what the rule waits for.' });
    if (groupDepth(rule.conditions) > MAX_GROUP_DEPTH)
      ctx.addIssue({ code: 'custom', path: ['conditions'], message: 'Groups nest at most three deep.' });
    for (const [condition, path] of leaves(rule.conditions, ['conditions'])) {
      const label = CONDITION_FIELD_LABELS[condition.field];
      if (!FIELD_OPERATORS[condition.field].includes(condition.op))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'op'],
          message: `"${label}" cannot use "${OPERATOR_LABELS[condition.op]}".`,
        });
      if (!VALUELESS_OPS.has(condition.op) && !condition.values.length)
        ctx.addIssue({ code: 'custom', path: [...path, 'values'], message: `Give "${label}" at least one value.` });
      if (condition.field === 'custom_field' && !condition.key)
        ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: 'Choose the custom field.' });
      if (rule.kind === 'time' && EVENT_ONLY_FIELDS.has(condition.field))
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'field'],
          message: `"${label}" is about an event; a time rule has none. Remove it or make this an event rule.`,
        });
    }
  });
export type SaveRuleInput = z.output<typeof saveRuleInput>;

export const ruleIdInput = z.strictObject({ ruleId: id });
export const setRuleEnabledInput = z.strictObject({ ruleId: id, enabled: z.boolean() });
export const reorderRulesInput = z.strictObject({ ruleIds: z.array(id).min(1).max(500) });
export const dryRunRuleInput = z.strictObject({
  rule: saveRuleInput,
  days: z.union(DRY_RUN_WINDOWS.map((d) => z.literal(d)) as [z.ZodLiteral<7>, z.ZodLiteral<30>]),
});
