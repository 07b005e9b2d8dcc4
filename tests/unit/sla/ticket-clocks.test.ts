import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN_CALENDAR } from '@/lib/business-hours';
import {
  computeTicketTargets,
  firstResponseCycle,
  latestNextResponseCycle,
  matchPolicy,
  nextCheckAt,
  resolvedAt,
  targetState,
  ticketPauses,
  dueEscalations,
  type SlaTicketFacts,
} from '@/lib/sla';
import { nineToFive, NEW_YORK, utc } from '../business-hours/fixtures';

// Hand-worked cases for the clocks of one ticket: which moments start, pause and meet each target.

const at = (iso: string) => utc(iso);

function facts(overrides: Partial<SlaTicketFacts> = {}): SlaTicketFacts {
  return {
    createdAt: at('2026-03-02T14:00'),
    priority: 'normal',
    status: 'open',
    channel: 'web',
    categoryId: null,
    tags: [],
    organizationId: null,
    statusChanges: [{ at: at('2026-03-02T14:00'), to: 'new' }],
    messages: [{ at: at('2026-03-02T14:00'), from: 'customer' }],
    ...overrides,
  };
}

describe('pauses', () => {
  it('pending and on hold pause; moving between them is one pause; reopening ends it', () => {
    const pauses = ticketPauses([
      { at: at('2026-03-02T14:00'), to: 'new' },
      { at: at('2026-03-02T15:00'), to: 'pending' },
      { at: at('2026-03-02T16:00'), to: 'on_hold' },
      { at: at('2026-03-02T17:00'), to: 'open' },
      { at: at('2026-03-03T10:00'), to: 'solved' },
    ]);
    expect(pauses).toEqual([
      { from: at('2026-03-02T15:00'), to: at('2026-03-02T17:00') },
      { from: at('2026-03-03T10:00'), to: null },
    ]);
  });
});

describe('response cycles', () => {
  it('first response is the first public agent reply; a ticket opened by an agent has nothing to answer', () => {
    expect(
      firstResponseCycle(
        facts({
          messages: [
            { at: at('2026-03-02T14:00'), from: 'customer' },
            { at: at('2026-03-02T14:30'), from: 'agent' },
          ],
        }),
      ).answeredAt,
    ).toEqual(at('2026-03-02T14:30'));
    expect(firstResponseCycle(facts({ messages: [{ at: at('2026-03-02T14:00'), from: 'agent' }] })).answeredAt).toEqual(
      at('2026-03-02T14:00'),
    );
  });

  it('next response starts at the first customer message after a reply and ends at the next reply', () => {
    const thread = facts({
      messages: [
        { at: at('2026-03-02T14:00'), from: 'customer' },
        { at: at('2026-03-02T14:30'), from: 'agent' },
        { at: at('2026-03-02T15:00'), from: 'customer' },
        { at: at('2026-03-02T15:10'), from: 'customer' },
        { at: at('2026-03-02T16:00'), from: 'agent' },
        { at: at('2026-03-02T17:00'), from: 'customer' },
      ],
    });
    expect(latestNextResponseCycle(thread)).toEqual({ startedAt: at('2026-03-02T17:00'), answeredAt: null });
    expect(latestNextResponseCycle(facts())).toBeNull();
  });

  it('resolution is met when the last run of solved/closed began, and unmet again after reopening', () => {
    const solvedThenClosed = facts({
      status: 'closed',
      statusChanges: [
        { at: at('2026-03-02T14:00'), to: 'new' },
        { at: at('2026-03-03T09:00'), to: 'solved' },
        { at: at('2026-03-07T09:00'), to: 'closed' },
      ],
    });
    expect(resolvedAt(solvedThenClosed)).toEqual(at('2026-03-03T09:00'));
    expect(
      resolvedAt(
        facts({
          status: 'open',
          statusChanges: [
            { at: at('2026-03-02T14:00'), to: 'new' },
            { at: at('2026-03-03T09:00'), to: 'solved' },
            { at: at('2026-03-04T09:00'), to: 'open' },
          ],
        }),
      ),
    ).toBeNull();
  });
});

describe('due times', () => {
  it('New York 9–5: a ticket at 09:00 EST Monday with a 4 h target is due 13:00; pending 10:00–16:00 moves it to 11:00 Tuesday', () => {
    const calendar = nineToFive(NEW_YORK);
    const created = at('2026-03-02T14:00'); // Monday 09:00 EST (UTC-5)
    const plain = computeTicketTargets({
      facts: facts({ createdAt: created }),
      minutes: { first_response: 240 },
      calendar,
      warnAtPercent: 75,
    });
    expect(plain[0]).toMatchObject({
      metric: 'first_response',
      dueAt: at('2026-03-02T18:00'),
      warnAt: at('2026-03-02T17:00'),
      metAt: null,
    });

    const paused = computeTicketTargets({
      facts: facts({
        createdAt: created,
        statusChanges: [
          { at: created, to: 'new' },
          { at: at('2026-03-02T15:00'), to: 'pending' },
          { at: at('2026-03-02T21:00'), to: 'open' },
        ],
      }),
      minutes: { first_response: 240 },
      calendar,
      warnAtPercent: 75,
    });
    // 1 h counted Monday before the pause, 1 h left after 16:00 to 17:00, then 2 h Tuesday from 09:00.
    expect(paused[0]!.dueAt).toEqual(at('2026-03-03T16:00'));
  });

  it('a target met while the ticket sits pending keeps its due time; a running pause leaves an unmet one without one', () => {
    const created = at('2026-03-02T14:00');
    const pendingNow = facts({
      createdAt: created,
      status: 'pending',
      statusChanges: [
        { at: created, to: 'new' },
        { at: at('2026-03-02T15:00'), to: 'pending' },
      ],
    });
    const [met] = computeTicketTargets({
      facts: {
        ...pendingNow,
        messages: [
          { at: created, from: 'customer' },
          { at: at('2026-03-02T15:00'), from: 'agent' },
        ],
      },
      minutes: { first_response: 60 },
      calendar: ALWAYS_OPEN_CALENDAR,
      warnAtPercent: 75,
    });
    expect(met).toMatchObject({ dueAt: at('2026-03-02T15:00'), metAt: at('2026-03-02T15:00') });
    const [unmet] = computeTicketTargets({
      facts: pendingNow,
      minutes: { first_response: 120 },
      calendar: ALWAYS_OPEN_CALENDAR,
      warnAtPercent: 75,
    });
    expect(unmet).toMatchObject({ dueAt: null, metAt: null });
    expect(targetState(unmet!, at('2026-03-09T00:00'))).toBe('paused');
  });

  it('metrics without a target are not measured; warnings at 100% are off', () => {
    const targets = computeTicketTargets({
      facts: facts(),
      minutes: { resolution: 600, first_response: null },
      calendar: ALWAYS_OPEN_CALENDAR,
      warnAtPercent: 100,
    });
    expect(targets.map((t) => t.metric)).toEqual(['resolution']);
    expect(targets[0]!.warnAt).toBeNull();
  });
});

describe('policies and escalations', () => {
  const policy = (id: string, position: number, conditions = {}, enabled = true) => ({
    id,
    position,
    enabled,
    conditions,
  });

  it('the first enabled matching policy by position wins; tags match any; empty conditions match all', () => {
    const ticket = facts({ priority: 'high', tags: ['vip', 'eu'], channel: 'email' });
    expect(
      matchPolicy(
        [
          policy('all', 3),
          policy('vip', 2, { tags: ['vip', 'us'] }),
          policy('off', 0, {}, false),
          policy('phone', 1, { channels: ['phone'] }),
        ],
        ticket,
      )?.id,
    ).toBe('vip');
    expect(matchPolicy([policy('urgent', 0, { priorities: ['urgent'] })], ticket)).toBeNull();
    expect(matchPolicy([policy('org', 0, { organizationIds: ['o1'] })], facts({ organizationId: null }))).toBeNull();
  });

  it('the next check is the earliest of warning, breach and each escalation not yet run', () => {
    const target = {
      metric: 'first_response' as const,
      dueAt: at('2026-03-02T16:00'),
      warnAt: at('2026-03-02T15:30'),
      metAt: null,
      warnedAt: null,
      breachedAt: null,
    };
    const levels = [
      { id: 'l1', trigger: 'at_risk' as const, metric: null, afterMinutes: 5 },
      { id: 'l2', trigger: 'breach' as const, metric: 'resolution' as const, afterMinutes: 0 },
    ];
    expect(nextCheckAt(target, levels, new Set())).toEqual(at('2026-03-02T15:30'));
    const warned = { ...target, warnedAt: at('2026-03-02T15:30') };
    expect(nextCheckAt(warned, levels, new Set())).toEqual(at('2026-03-02T15:35'));
    expect(dueEscalations(warned, levels, new Set(), at('2026-03-02T15:40')).map((e) => e.level.id)).toEqual(['l1']);
    expect(nextCheckAt(warned, levels, new Set([`l1|first_response|${at('2026-03-02T15:30').getTime()}`]))).toEqual(
      at('2026-03-02T16:00'),
    );
    expect(nextCheckAt({ ...target, metAt: at('2026-03-02T15:00') }, levels, new Set())).toBeNull();
  });
});
