import { TICKET_PRIORITIES, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { canTransition } from '@/lib/utils/ticket-lifecycle';
import type { RuleAction } from '@/lib/validators/automation';
import type { RuleTicket } from './types';

/** The ticket fields a rule's actions change, in the committer's terms. */
export type RuleFieldChanges = Partial<
  Pick<RuleTicket, 'status' | 'priority' | 'categoryId' | 'assigneeId' | 'teamId' | 'tags' | 'customFields'> & {
    type: RuleTicket['type'];
  }
>;

/**
 * Everything a rule's actions would do to one ticket, decided before anything is written: the live run
 * carries it out and the dry run reports it, so the two cannot disagree.
 */
export type RulePlan = {
  changes: RuleFieldChanges;
  notes: string[];
  replies: string[];
  notifications: Array<{ userIds: string[]; teamId: string | null; message: string }>;
  macroIds: string[];
  /** "Assign by assignment policy": carried out by the team's policy (services/assignment/assign-by-policy). */
  assignByPolicy: boolean;
};

/** One priority step up; urgent stays urgent. */
export function raisedPriority(priority: TicketPriority): TicketPriority {
  const at = TICKET_PRIORITIES.indexOf(priority);
  return TICKET_PRIORITIES[Math.min(at + 1, TICKET_PRIORITIES.length - 1)]!;
}

/** The ticket as it will be once the changes are made: the next rule of the same event sees this. */
export function applyRuleChanges(ticket: RuleTicket, changes: RuleFieldChanges): RuleTicket {
  return { ...ticket, ...changes } as RuleTicket;
}

/**
 * Plans the actions in order, each seeing the ones before it (add a tag, then remove it: gone). A status
 * the ticket cannot move to from where it stands (a closed ticket reopened) is left out rather than failed:
 * a rule never breaks the lifecycle an agent would be held to.
 */
export function planRuleActions(ticket: RuleTicket, actions: readonly RuleAction[]): RulePlan {
  const plan: RulePlan = {
    changes: {},
    notes: [],
    replies: [],
    notifications: [],
    macroIds: [],
    assignByPolicy: false,
  };
  let current = ticket;
  const change = (changes: RuleFieldChanges) => {
    plan.changes = { ...plan.changes, ...changes };
    current = applyRuleChanges(current, changes);
  };
  for (const action of actions) {
    switch (action.type) {
      case 'assign_agent':
        change({ assigneeId: action.userId });
        // As a manual assignment does: someone now owns a new ticket, so it is open.
        if (current.status === 'new') change({ status: 'open' });
        break;
      case 'assign_team':
        change({ teamId: action.teamId });
        break;
      case 'assign_by_policy':
        plan.assignByPolicy = true;
        break;
      case 'set_status':
        if (canTransition(current.status, action.status as TicketStatus)) change({ status: action.status });
        break;
      case 'set_priority':
        change({ priority: action.priority });
        break;
      case 'escalate':
        change({ priority: raisedPriority(current.priority) });
        break;
      case 'set_type':
        change({ type: action.ticketType });
        break;
      case 'set_category':
        change({ categoryId: action.categoryId });
        break;
      case 'set_field':
        change({ customFields: { ...current.customFields, [action.key]: action.value } });
        break;
      case 'add_tags':
        change({ tags: [...new Set([...current.tags, ...action.tags])] });
        break;
      case 'remove_tags': {
        const remove = new Set(action.tags);
        change({ tags: current.tags.filter((t) => !remove.has(t)) });
        break;
      }
      case 'add_note':
        plan.notes.push(action.body);
        break;
      case 'auto_reply':
        plan.replies.push(action.body);
        break;
      case 'notify':
        plan.notifications.push({ userIds: action.userIds, teamId: action.teamId, message: action.message });
        break;
      case 'apply_macro':
        plan.macroIds.push(action.macroId);
        break;
    }
  }
  plan.changes = withoutNoOps(ticket, plan.changes);
  return plan;
}

/** Drops changes that leave a field as it was, so "would change" lists only real changes. */
function withoutNoOps(ticket: RuleTicket, changes: RuleFieldChanges): RuleFieldChanges {
  const kept: RuleFieldChanges = {};
  for (const [key, value] of Object.entries(changes) as Array<[keyof RuleFieldChanges, unknown]>) {
    if (JSON.stringify(ticket[key]) !== JSON.stringify(value)) (kept as Record<string, unknown>)[key] = value;
  }
  return kept;
}

/** Whether a plan does anything at all. */
export function planActs(plan: RulePlan) {
  return (
    Object.keys(plan.changes).length > 0 ||
    plan.notes.length > 0 ||
    plan.replies.length > 0 ||
    plan.notifications.length > 0 ||
    plan.macroIds.length > 0 ||
    plan.assignByPolicy
  );
}
