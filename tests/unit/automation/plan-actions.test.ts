import { describe, expect, it } from 'vitest';
import { applyRuleChanges, planActs, planRuleActions, raisedPriority, type RuleTicket } from '@/lib/automation';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@/lib/constants/ticket';
import { canTransition } from '@/lib/utils/ticket-lifecycle';
import type { RuleAction } from '@/lib/validators/automation';

const ticket: RuleTicket = {
  id: 't1',
  status: 'new',
  priority: 'normal',
  type: null,
  channel: 'web',
  categoryId: null,
  teamId: null,
  assigneeId: null,
  tags: ['a'],
  customFields: {},
  subject: 'Hi',
  requesterEmail: 'x@y.example',
  organizationId: null,
};

describe('planning actions', () => {
  it('applies actions in order, each seeing the ones before it, and leaves out what changes nothing', () => {
    const plan = planRuleActions(ticket, [
      { type: 'add_tags', tags: ['b', 'c'] },
      { type: 'remove_tags', tags: ['c'] },
      { type: 'set_priority', priority: 'normal' },
      { type: 'escalate' },
      { type: 'escalate' },
      { type: 'set_field', key: 'plan', value: 'gold' },
      { type: 'assign_agent', userId: 'u1' },
    ]);
    expect(plan.changes).toEqual({
      tags: ['a', 'b'],
      priority: 'urgent',
      customFields: { plan: 'gold' },
      assigneeId: 'u1',
      status: 'open',
    });
  });

  it('escalation climbs one step and stops at urgent', () => {
    expect(TICKET_PRIORITIES.map(raisedPriority)).toEqual(['normal', 'high', 'urgent', 'urgent']);
  });

  it('never plans a status move the lifecycle forbids, from any status to any status', () => {
    for (const from of TICKET_STATUSES)
      for (const to of TICKET_STATUSES.filter((s) => s !== 'merged' && s !== 'new')) {
        const plan = planRuleActions({ ...ticket, status: from }, [{ type: 'set_status', status: to } as RuleAction]);
        const moved = 'status' in plan.changes;
        expect(moved).toBe(from !== to && canTransition(from, to));
      }
  });

  it('a plan that changes nothing does not act; messages, notices, macros and policy assignment do', () => {
    expect(planActs(planRuleActions(ticket, [{ type: 'add_tags', tags: ['a'] }]))).toBe(false);
    for (const action of [
      { type: 'add_note', body: 'n' },
      { type: 'auto_reply', body: 'r' },
      { type: 'notify', userIds: ['u'], teamId: null, message: 'm' },
      { type: 'apply_macro', macroId: 'm1' },
      { type: 'assign_by_policy' },
    ] as RuleAction[])
      expect(planActs(planRuleActions(ticket, [action]))).toBe(true);
  });

  it('applying a plan then planning again changes nothing more (idempotent field actions)', () => {
    const actions: RuleAction[] = [
      { type: 'add_tags', tags: ['x'] },
      { type: 'set_priority', priority: 'high' },
      { type: 'assign_team', teamId: 'team-1' },
      { type: 'set_category', categoryId: 'cat-1' },
      { type: 'set_type', ticketType: 'incident' },
    ];
    const once = applyRuleChanges(ticket, planRuleActions(ticket, actions).changes);
    expect(planRuleActions(once, actions).changes).toEqual({});
  });
});
