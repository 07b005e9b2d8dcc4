import { describe, expect, it } from 'vitest';
import { computeSlaDueDates } from '@/lib/business-hours';
import { DEFAULT_SLA_TARGETS } from '@/lib/constants/sla';
import { TICKET_PRIORITIES } from '@/lib/constants/ticket';
import { BERLIN, HOUR, nineToFive, utc } from './fixtures';

describe('computeSlaDueDates', () => {
  it('uses the default table on a 24×7 calendar when given no calendar', () => {
    const createdAt = utc('2025-06-02T10:00');
    for (const priority of TICKET_PRIORITIES) {
      const { firstResponse, resolution } = computeSlaDueDates({ createdAt, priority });
      const targets = DEFAULT_SLA_TARGETS[priority];
      expect(firstResponse).toEqual({
        targetMinutes: targets.firstResponse,
        due: new Date(createdAt.getTime() + targets.firstResponse * 60_000),
      });
      expect(resolution).toEqual({
        targetMinutes: targets.resolution,
        due: new Date(createdAt.getTime() + targets.resolution * 60_000),
      });
    }
    expect(computeSlaDueDates({ createdAt, priority: 'urgent' }).firstResponse.due).toEqual(
      new Date(createdAt.getTime() + 2 * HOUR),
    );
  });

  it('counts business time on the calendar', () => {
    // Berlin weekdays 09:00–17:00, urgent created Fri 2025-06-06 16:00 CEST (14:00Z):
    // first response 2 h → Mon 10:00 CEST; resolution 24 h = three 8-hour days → Wed 16:00 CEST.
    const due = computeSlaDueDates({
      calendar: nineToFive(BERLIN),
      createdAt: utc('2025-06-06T14:00'),
      priority: 'urgent',
    });
    expect(due.firstResponse.due).toEqual(utc('2025-06-09T08:00'));
    expect(due.resolution.due).toEqual(utc('2025-06-11T14:00'));
  });

  it('adds paused time back and takes a workspace table', () => {
    const targets = { ...DEFAULT_SLA_TARGETS, high: { firstResponse: 30, resolution: 90 } };
    const due = computeSlaDueDates({
      calendar: nineToFive(BERLIN),
      createdAt: utc('2025-06-02T07:00'),
      priority: 'high',
      targets,
      pauses: [{ from: utc('2025-06-02T07:15'), to: utc('2025-06-02T08:15') }],
    });
    expect(due.firstResponse).toEqual({ targetMinutes: 30, due: utc('2025-06-02T08:30') });
    expect(due.resolution).toEqual({ targetMinutes: 90, due: utc('2025-06-02T09:30') });
  });

  it('leaves due times unknown while a pause is still running', () => {
    const due = computeSlaDueDates({
      createdAt: utc('2025-06-02T07:00'),
      priority: 'low',
      pauses: [{ from: utc('2025-06-02T08:00'), to: null }],
    });
    expect(due.firstResponse.due).toBeNull();
    expect(due.resolution.due).toBeNull();
  });
});
