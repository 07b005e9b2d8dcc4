import { describe, expect, it } from 'vitest';
import { canTakeTicket, pickAgent, type AssignmentCandidate } from '@/lib/assignment/pick-agent';
import { isWithinWorkingHours } from '@/lib/assignment/working-hours';

const agent = (userId: string, over: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  userId,
  availability: 'available',
  workingHours: null,
  capacity: 10,
  openCount: 0,
  load: 0,
  skills: [],
  languages: [],
  ...over,
});
const now = new Date('2026-03-04T10:00:00Z'); // a Wednesday
const context = { now, lastAssignedUserId: null, needs: { skills: [], language: null } };

describe('pickAgent', () => {
  it('round robin takes the next agent after the last, wrapping, skipping who cannot take tickets', () => {
    const team = [agent('a'), agent('b', { availability: 'away' }), agent('c')];
    expect(pickAgent('round_robin', team, { ...context, lastAssignedUserId: null })).toBe('a');
    expect(pickAgent('round_robin', team, { ...context, lastAssignedUserId: 'a' })).toBe('c');
    expect(pickAgent('round_robin', team, { ...context, lastAssignedUserId: 'c' })).toBe('a');
    // The last one picked may have left the team: the next id after theirs still follows.
    expect(pickAgent('round_robin', team, { ...context, lastAssignedUserId: 'bb' })).toBe('c');
  });

  it('least loaded compares weighted load, then ticket count, then id', () => {
    const team = [
      agent('a', { load: 4, openCount: 1 }),
      agent('b', { load: 3, openCount: 3 }),
      agent('c', { load: 3, openCount: 2 }),
    ];
    expect(pickAgent('least_loaded', team, context)).toBe('c');
  });

  it('skills needs a covered tag or category and the language; most matches win', () => {
    const team = [
      agent('a', { skills: ['billing'], languages: ['en'] }),
      agent('b', { skills: ['billing', 'vat'], languages: ['de'], load: 9 }),
      agent('c', { skills: ['shipping'], languages: ['en', 'de'] }),
    ];
    expect(pickAgent('skills', team, { ...context, needs: { skills: ['billing', 'vat'], language: null } })).toBe('b');
    expect(pickAgent('skills', team, { ...context, needs: { skills: ['billing'], language: 'en' } })).toBe('a');
    expect(pickAgent('skills', team, { ...context, needs: { skills: ['legal'], language: null } })).toBeNull();
    expect(pickAgent('skills', team, { ...context, needs: { skills: [], language: 'de' } })).toBe('c');
  });

  it('manual picks nobody; nobody eligible picks nobody', () => {
    expect(pickAgent('manual', [agent('a')], context)).toBeNull();
    expect(pickAgent('least_loaded', [agent('a', { openCount: 10 })], context)).toBeNull();
  });
});

describe('availability', () => {
  it('capacity counts tickets, not weight: at capacity means skipped', () => {
    expect(canTakeTicket(agent('a', { capacity: 2, openCount: 1, load: 8 }), now)).toBe(true);
    expect(canTakeTicket(agent('a', { capacity: 2, openCount: 2 }), now)).toBe(false);
  });

  it('working hours are read on the agent’s own clock, including spans past midnight', () => {
    const berlin = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' };
    expect(isWithinWorkingHours(berlin, new Date('2026-03-04T10:00:00Z'))).toBe(true); // 11:00 Wed
    expect(isWithinWorkingHours(berlin, new Date('2026-03-04T16:30:00Z'))).toBe(false); // 17:30
    expect(isWithinWorkingHours(berlin, new Date('2026-03-07T10:00:00Z'))).toBe(false); // Saturday
    const night = { timeZone: 'UTC', days: [3], start: '22:00', end: '06:00' };
    expect(isWithinWorkingHours(night, new Date('2026-03-04T23:00:00Z'))).toBe(true); // Wed 23:00
    expect(isWithinWorkingHours(night, new Date('2026-03-05T05:00:00Z'))).toBe(true); // Thu 05:00, from Wed
    expect(isWithinWorkingHours(night, new Date('2026-03-05T23:00:00Z'))).toBe(false); // Thu night
  });
});
