import { describe, expect, it } from 'vitest';
import { matchesCondition, matchesConditions, type RuleEvent, type RuleTicket } from '@/lib/automation';
import { saveRuleInput, type RuleCondition } from '@/lib/validators/automation';

const ticket: RuleTicket = {
  id: 't1',
  status: 'open',
  priority: 'high',
  type: null,
  channel: 'email',
  categoryId: 'cat-billing',
  teamId: null,
  assigneeId: 'agent-ana',
  tags: ['vip', 'eu'],
  customFields: { plan: 'gold', seats: 12, trial: false, empty: '' },
  subject: 'Refund for invoice #42',
  requesterEmail: 'Kim@Acme.Example',
  organizationId: 'org-acme',
};
const reply: RuleEvent = {
  type: 'ticket.message_added',
  visibility: 'public',
  author: 'customer',
  channel: 'portal',
  body: 'Das Gerät ist kaputt, bitte Geld zurück.',
};
const open = { inBusinessHours: true };
const c = (field: RuleCondition['field'], op: RuleCondition['op'], values: string[] = [], key?: string) =>
  ({ field, op, values, key }) as RuleCondition;

// One row per field and operator: [condition, expected on the ticket and event above].
const TABLE: Array<[string, RuleCondition, boolean]> = [
  ['status is open', c('status', 'in', ['open', 'new']), true],
  ['status is not open', c('status', 'not_in', ['open']), false],
  ['priority is urgent', c('priority', 'in', ['urgent']), false],
  ['type is empty', c('type', 'empty'), true],
  ['type is set', c('type', 'set'), false],
  ['category is billing', c('category', 'in', ['cat-billing']), true],
  ['tags have any of vip', c('tags', 'has_any', ['vip', 'other']), true],
  ['tags have all of vip, us', c('tags', 'has_all', ['vip', 'us']), false],
  ['tags have none of spam', c('tags', 'has_none', ['spam']), true],
  ['channel is email', c('channel', 'in', ['email']), true],
  ['team is empty', c('team', 'empty'), true],
  ['team is not support (unassigned)', c('team', 'not_in', ['team-support']), true],
  ['assignee is Ana', c('assignee', 'in', ['agent-ana']), true],
  ['domain is acme.example (case and @ ignored)', c('requester_domain', 'in', ['@ACME.example']), true],
  ['domain is not acme.example', c('requester_domain', 'not_in', ['acme.example']), false],
  ['organisation is Acme', c('organization', 'in', ['org-acme']), true],
  ['custom field plan is gold', c('custom_field', 'in', ['gold'], 'plan'), true],
  ['custom number field seats is 12', c('custom_field', 'in', ['12'], 'seats'), true],
  ['custom field "" counts as empty', c('custom_field', 'empty', [], 'empty'), true],
  ['unknown custom field is empty', c('custom_field', 'set', [], 'nope'), false],
  ['subject contains "refund"', c('text', 'has_any', ['refund']), true],
  ['words match whole words only', c('text', 'has_any', ['fund']), false],
  ['a phrase in the body, accents ignored', c('text', 'has_any', ['geld zuruck']), true],
  ['all of the words', c('text', 'has_all', ['invoice', 'kaputt']), true],
  ['none of the words', c('text', 'has_none', ['kaputt']), false],
  ['business hours now', c('business_hours', 'in', ['yes']), true],
  ['outside business hours', c('business_hours', 'in', ['no']), false],
  ['message is public', c('event.visibility', 'in', ['public']), true],
  ['message by the customer', c('event.author', 'in', ['customer']), true],
  ['event not by an agent', c('event.author', 'not_in', ['agent']), true],
  ['event from the portal', c('event.channel', 'in', ['portal']), true],
];

describe('conditions', () => {
  it.each(TABLE)('%s', (_name, condition, expected) => {
    expect(matchesCondition(condition, ticket, reply, open)).toBe(expected);
  });

  it('every operator the validator allows for a field is tested above', () => {
    const tested = new Set(TABLE.map(([, cond]) => `${cond.field}:${cond.op}`));
    expect(tested.size).toBeGreaterThanOrEqual(26);
  });

  it('event conditions never hold without an event (time rules)', () => {
    expect(matchesCondition(c('event.author', 'in', ['customer']), ticket, null, open)).toBe(false);
    expect(matchesCondition(c('text', 'has_any', ['kaputt']), ticket, null, open)).toBe(false);
  });

  it('all/any groups nest; an empty group of either kind matches everything', () => {
    const yes = c('status', 'in', ['open']);
    const no = c('status', 'in', ['closed']);
    const cases: Array<[Parameters<typeof matchesConditions>[0], boolean]> = [
      [{ match: 'all', conditions: [] }, true],
      [{ match: 'any', conditions: [] }, true],
      [{ match: 'all', conditions: [yes, no] }, false],
      [{ match: 'any', conditions: [yes, no] }, true],
      [{ match: 'all', conditions: [yes, { match: 'any', conditions: [no, yes] }] }, true],
      [{ match: 'all', conditions: [yes, { match: 'any', conditions: [no, no] }] }, false],
    ];
    for (const [group, expected] of cases) expect(matchesConditions(group, ticket, reply, open)).toBe(expected);
  });

  it('de Morgan: "not any of" equals "all of not" for every subset of the values', () => {
    const values = ['vip', 'eu', 'us', 'spam'];
    for (let mask = 0; mask < 1 << values.length; mask++) {
      const subset = values.filter((_, i) => mask & (1 << i));
      if (!subset.length) continue;
      const none = matchesCondition(c('tags', 'has_none', subset), ticket, reply, open);
      const allNot = subset.every((v) => !matchesCondition(c('tags', 'has_any', [v]), ticket, reply, open));
      expect(none).toBe(allNot);
    }
  });
});

describe('the rule validator', () => {
  const base = { name: 'R', kind: 'event', triggers: ['ticket.created'], actions: [{ type: 'escalate' }] };
  const issues = (input: object) =>
    saveRuleInput.safeParse(input).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

  it('accepts a nested tree and refuses an operator a field cannot take, pointing at it', () => {
    expect(
      issues({
        ...base,
        conditions: { match: 'all', conditions: [{ match: 'any', conditions: [c('status', 'in', ['open'])] }] },
      }),
    ).toEqual([]);
    expect(issues({ ...base, conditions: { match: 'all', conditions: [c('status', 'has_any', ['open'])] } })).toEqual([
      'conditions.conditions.0.op: "Status" cannot use "has any of".',
    ]);
  });

  it('asks for values, a custom field key, triggers, and a time for time rules', () => {
    expect(issues({ ...base, conditions: { match: 'all', conditions: [c('tags', 'has_any', [])] } })).toEqual([
      'conditions.conditions.0.values: Give "Tags" at least one value.',
    ]);
    expect(issues({ ...base, conditions: { match: 'all', conditions: [c('custom_field', 'set')] } })).toEqual([
      'conditions.conditions.0.key: Choose the custom field.',
    ]);
    expect(issues({ ...base, triggers: [] })).toEqual(['triggers: Choose at least one event that runs the rule.']);
    expect(issues({ ...base, kind: 'time', triggers: [] })).toEqual([
      'time: Say how many hours since what the rule waits for.',
    ]);
  });

  it('refuses groups nested deeper than three', () => {
    const deep = {
      match: 'all',
      conditions: [{ match: 'all', conditions: [{ match: 'all', conditions: [{ match: 'all', conditions: [] }] }] }],
    };
    expect(issues({ ...base, conditions: deep })).toEqual(['conditions: Groups nest at most three deep.']);
  });
});
