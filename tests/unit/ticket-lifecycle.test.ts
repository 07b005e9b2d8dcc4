import { describe, expect, it } from 'vitest';
import { STATUS_TRANSITIONS, TICKET_STATUSES } from '@/lib/constants/ticket';
import {
  allowedTransitions,
  canTransition,
  statusAfterAgentReply,
  statusAfterCustomerReply,
} from '@/lib/utils/ticket-lifecycle';

describe('ticket lifecycle', () => {
  it('closed and merged are final', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    expect(allowedTransitions('merged')).toEqual([]);
    for (const to of TICKET_STATUSES) {
      if (to !== 'closed') expect(canTransition('closed', to)).toBe(false);
      if (to !== 'merged') expect(canTransition('merged', to)).toBe(false);
    }
  });

  it('no status can be set to merged or back to new', () => {
    for (const from of TICKET_STATUSES) {
      expect(STATUS_TRANSITIONS[from]).not.toContain('merged');
      if (from !== 'new') expect(canTransition(from, 'new')).toBe(false);
    }
  });

  it('a solved ticket may be reopened or closed, nothing else', () => {
    expect([...allowedTransitions('solved')].sort()).toEqual(['closed', 'open']);
    expect(canTransition('solved', 'pending')).toBe(false);
    expect(canTransition('solved', 'on_hold')).toBe(false);
  });

  it('unsolved statuses move freely among themselves and to solved or closed', () => {
    for (const from of ['open', 'pending', 'on_hold'] as const) {
      for (const to of ['open', 'pending', 'on_hold', 'solved', 'closed'] as const)
        expect(canTransition(from, to), `${from} → ${to}`).toBe(true);
    }
    expect(canTransition('new', 'open')).toBe(true);
    expect(canTransition('new', 'solved')).toBe(true);
  });

  it('staying in the same status is always allowed (a no-op, not a transition)', () => {
    for (const status of TICKET_STATUSES) expect(canTransition(status, status)).toBe(true);
  });

  it('a customer reply reopens pending and solved tickets and leaves the rest', () => {
    expect(statusAfterCustomerReply('pending')).toBe('open');
    expect(statusAfterCustomerReply('solved')).toBe('open');
    expect(statusAfterCustomerReply('new')).toBe('new');
    expect(statusAfterCustomerReply('open')).toBe('open');
    expect(statusAfterCustomerReply('on_hold')).toBe('on_hold');
  });

  it('the first agent reply opens a new ticket; later replies keep the status', () => {
    expect(statusAfterAgentReply('new')).toBe('open');
    expect(statusAfterAgentReply('pending')).toBe('pending');
    expect(statusAfterAgentReply('solved')).toBe('solved');
  });
});
