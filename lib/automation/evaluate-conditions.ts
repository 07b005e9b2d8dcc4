import type { RuleCondition, RuleConditionGroup } from '@/lib/validators/automation';
import type { RuleEvent, RuleMoment, RuleTicket } from './types';
import { hasPhrase, wordText } from './words';

/** The value a condition tests: one value, or a list (tags), or null when the field is empty. */
function fieldValue(
  condition: RuleCondition,
  ticket: RuleTicket,
  event: RuleEvent | null,
  moment: RuleMoment,
): string | string[] | null {
  switch (condition.field) {
    case 'status':
      return ticket.status;
    case 'priority':
      return ticket.priority;
    case 'type':
      return ticket.type;
    case 'category':
      return ticket.categoryId;
    case 'tags':
      return ticket.tags;
    case 'channel':
      return ticket.channel;
    case 'team':
      return ticket.teamId;
    case 'assignee':
      return ticket.assigneeId;
    case 'requester_domain':
      return ticket.requesterEmail.split('@').pop()?.toLowerCase() ?? null;
    case 'organization':
      return ticket.organizationId;
    case 'custom_field': {
      const value = ticket.customFields[condition.key ?? ''];
      return value === null || value === undefined || value === '' ? null : String(value);
    }
    case 'text':
      return null; // tested by words, below
    case 'business_hours':
      return moment.inBusinessHours ? 'yes' : 'no';
    case 'event.visibility':
      return event?.visibility ?? null;
    case 'event.author':
      return event?.author ?? null;
    case 'event.channel':
      return event?.channel ?? null;
    case 'event.rating':
      return event?.rating ?? null;
  }
}

const normalise = (value: string, field: RuleCondition['field']) =>
  field === 'requester_domain' ? value.toLowerCase().replace(/^@/, '') : value;

/**
 * The ticket's subject and the event's message, prepared once per event (or ticket) for all the rules that
 * test words in them: a long mail body is normalised once, not once per rule.
 */
const preparedTexts = new WeakMap<object, { subject: string; text: string }>();

function searchedText(ticket: RuleTicket, event: RuleEvent | null) {
  const owner = event ?? ticket;
  const known = preparedTexts.get(owner);
  if (known?.subject === ticket.subject) return known.text;
  const text = wordText(`${ticket.subject}\n${event?.body ?? ''}`);
  preparedTexts.set(owner, { subject: ticket.subject, text });
  return text;
}

function testWords(condition: RuleCondition, ticket: RuleTicket, event: RuleEvent | null) {
  const text = searchedText(ticket, event);
  const found = condition.values.map((phrase) => hasPhrase(text, phrase));
  if (condition.op === 'has_all') return found.every(Boolean);
  if (condition.op === 'has_none') return !found.some(Boolean);
  return found.some(Boolean);
}

export function matchesCondition(
  condition: RuleCondition,
  ticket: RuleTicket,
  event: RuleEvent | null,
  moment: RuleMoment,
): boolean {
  if (condition.field === 'text') return testWords(condition, ticket, event);
  const value = fieldValue(condition, ticket, event, moment);
  const values = condition.values.map((v) => normalise(v, condition.field));
  switch (condition.op) {
    case 'set':
      return value !== null && (!Array.isArray(value) || value.length > 0);
    case 'empty':
      return value === null || (Array.isArray(value) && value.length === 0);
    case 'in':
      return value !== null && !Array.isArray(value) && values.includes(value);
    case 'not_in':
      // An empty field is "not" any of the values: "assignee is not Ana" holds for an unassigned ticket.
      return value === null || (!Array.isArray(value) && !values.includes(value));
    case 'has_any':
    case 'has_all':
    case 'has_none': {
      const list = Array.isArray(value) ? value : value === null ? [] : [value];
      if (condition.op === 'has_all') return values.every((v) => list.includes(v));
      const any = values.some((v) => list.includes(v));
      return condition.op === 'has_any' ? any : !any;
    }
  }
}

/** An `all` group holds when every member holds (an empty one always does); `any` when one does. */
export function matchesConditions(
  group: RuleConditionGroup,
  ticket: RuleTicket,
  event: RuleEvent | null,
  moment: RuleMoment,
): boolean {
  const test = (node: RuleCondition | RuleConditionGroup) =>
    'match' in node ? matchesConditions(node, ticket, event, moment) : matchesCondition(node, ticket, event, moment);
  if (group.match === 'all') return group.conditions.every(test);
  return group.conditions.length === 0 || group.conditions.some(test);
}
