import { describe, expect, it } from 'vitest';
import { diffFields, planNewTicket, planTicketChange } from '@/server/services/ticket/plan-ticket-change';

const agent = { type: 'agent' as const, userId: 'user-1' };
const customer = { type: 'customer' as const, customerId: 'customer-1' };
const before: Record<string, unknown> = {
  status: 'new',
  priority: 'normal',
  assigneeId: null,
  teamId: null,
  tags: ['a'],
  subject: 'Hi',
};

describe('diffFields', () => {
  it('keeps only the fields whose value changed, from what to what', () => {
    expect(diffFields(before, { status: 'open', priority: 'normal', tags: ['a'], subject: undefined })).toEqual({
      status: { from: 'new', to: 'open' },
    });
    expect(diffFields(before, { tags: ['a', 'b'], assigneeId: 'user-1' })).toEqual({
      tags: { from: ['a'], to: ['a', 'b'] },
      assigneeId: { from: null, to: 'user-1' },
    });
  });
});

describe('planTicketChange', () => {
  it('derives one activity entry, one event per kind of change, one recomputation and one live notice', () => {
    const diff = diffFields(before, { status: 'open', assigneeId: 'user-1', priority: 'high' });
    const plan = planTicketChange('t1', diff, { actor: agent, channel: 'agent', action: 'assigned' });
    expect(plan.activity).toEqual({ action: 'assigned', changes: diff, reason: null });
    expect(plan.events).toEqual([
      {
        type: 'ticket.status_changed',
        payload: { ticketId: 't1', from: 'new', to: 'open', actorType: 'agent', actorId: 'user-1', via: 'agent' },
      },
      {
        type: 'ticket.assigned',
        payload: {
          ticketId: 't1',
          assignee: { from: null, to: 'user-1' },
          actorType: 'agent',
          actorId: 'user-1',
          via: 'agent',
        },
      },
      {
        type: 'ticket.priority_changed',
        payload: { ticketId: 't1', from: 'normal', to: 'high', actorType: 'agent', actorId: 'user-1', via: 'agent' },
      },
    ]);
    expect(plan.recomputeSla).toBe(true);
    expect(plan.live).toEqual(['ticket.updated']);
  });

  it('a field that moves no clock (assignee, subject) does not recompute the SLA', () => {
    const plan = planTicketChange('t1', diffFields(before, { assigneeId: 'user-1', subject: 'Hello' }), {
      actor: agent,
      channel: 'agent',
    });
    expect(plan.activity?.action).toBe('updated');
    expect(plan.events.map((e) => e.type)).toEqual(['ticket.assigned']);
    expect(plan.recomputeSla).toBe(false);
  });

  it('tags and category raise no event but move the clocks', () => {
    const plan = planTicketChange('t1', diffFields(before, { tags: ['b'] }), { actor: agent, channel: 'agent' });
    expect(plan.events).toEqual([]);
    expect(plan.recomputeSla).toBe(true);
  });

  it('nothing changed: nothing to log, raise, recompute or announce', () => {
    expect(
      planTicketChange('t1', diffFields(before, { status: 'new', tags: ['a'] }), { actor: agent, channel: 'agent' }),
    ).toEqual({ activity: null, events: [], recomputeSla: false, live: [] });
  });

  it('a message without a field change raises message_added, recomputes and announces, but logs nothing', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const plan = planTicketChange(
      't1',
      {},
      { actor: customer, channel: 'portal', action: 'customer_replied', message: { id: 'm1', kind: 'reply', at } },
    );
    expect(plan.activity).toBeNull();
    expect(plan.events).toEqual([
      {
        type: 'ticket.message_added',
        payload: { ticketId: 't1', messageId: 'm1', kind: 'reply', authorType: 'customer', via: 'portal' },
      },
    ]);
    expect(plan.recomputeSla).toBe(true);
    expect(plan.live).toEqual(['ticket.updated', 'message.created']);
  });

  it('a message that reopens the ticket raises message_added before status_changed', () => {
    const plan = planTicketChange(
      't1',
      { status: { from: 'solved', to: 'open' } },
      {
        actor: customer,
        channel: 'portal',
        action: 'customer_replied',
        message: { id: 'm1', kind: 'reply', at: new Date() },
      },
    );
    expect(plan.activity?.action).toBe('customer_replied');
    expect(plan.events.map((e) => e.type)).toEqual(['ticket.message_added', 'ticket.status_changed']);
    expect(plan.events[1]!.payload).toMatchObject({ actorType: 'customer', actorId: 'customer-1', via: 'portal' });
  });

  it('the merged source raises ticket.merged and no status event; the target logs where its messages came from', () => {
    const source = planTicketChange(
      's1',
      { status: { from: 'open', to: 'merged' }, mergedIntoId: { from: null, to: 't1' } },
      { actor: agent, channel: 'agent', action: 'merged', merge: { intoId: 't1', movedMessages: 3 } },
    );
    expect(source.events).toEqual([
      {
        type: 'ticket.merged',
        payload: {
          ticketId: 's1',
          mergedIntoId: 't1',
          movedMessages: 3,
          actorType: 'agent',
          actorId: 'user-1',
          via: 'agent',
        },
      },
    ]);
    expect(source.recomputeSla).toBe(true);
    const target = planTicketChange(
      't1',
      {},
      {
        actor: agent,
        channel: 'agent',
        action: 'merged_in',
        reason: 'Same issue',
        merge: { fromId: 's1', addedMessages: 4 },
      },
    );
    expect(target.activity).toEqual({
      action: 'merged_in',
      changes: { mergedFrom: { from: null, to: 's1' } },
      reason: 'Same issue',
    });
    expect(target.events).toEqual([]);
    expect(target.recomputeSla).toBe(true);
    expect(target.live).toEqual(['ticket.updated']);
  });
});

describe('planNewTicket', () => {
  it('logs the creation, raises ticket.created, starts the clocks and announces the new ticket', () => {
    const plan = planNewTicket(
      { id: 't1', status: 'new', channel: 'web', priority: 'normal' },
      { messageId: 'm1', actor: customer },
    );
    expect(plan).toEqual({
      activity: { action: 'created', changes: { status: { from: null, to: 'new' } }, reason: null },
      events: [
        {
          type: 'ticket.created',
          payload: { ticketId: 't1', messageId: 'm1', channel: 'web', priority: 'normal', actorType: 'customer' },
        },
      ],
      recomputeSla: true,
      live: ['ticket.created'],
    });
  });
});
