import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { explainDue, type BusinessCalendar } from '@/lib/business-hours';
import { SlaExplanation } from '@/components/sla/sla-explanation';

// The "why this due time" panel as the agent sees it, rendered from explanations the SLA arithmetic gives.

const newYork = (intervals: Array<{ start: string; end: string }>, days: number[]): BusinessCalendar => ({
  name: 'US nights',
  timeZone: 'America/New_York',
  weekly: Array.from({ length: 7 }, (_, day) => (days.includes(day) ? intervals : [])),
  holidays: [],
});

const render = (explanation: ReturnType<typeof explainDue>) =>
  renderToStaticMarkup(
    createElement(SlaExplanation, {
      explanation,
      policyName: 'Night shift',
      calendarLabel: 'US nights (America/New_York)',
      businessHours: true,
    }),
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, ' ');

describe('SlaExplanation', () => {
  it('names the daylight-saving change crossed, the skipped opening time and the RFC 5545 convention', () => {
    // Sundays 02:30–06:00; on 2026-03-08 New York jumps 02:00 → 03:00, so 02:30 opens at 03:30 EDT.
    const text = render(
      explainDue(newYork([{ start: '02:30', end: '06:00' }], [0]), new Date('2026-03-08T05:00:00Z'), 60),
    );
    expect(text).toContain('Daylight-saving changes');
    expect(text).toContain('2026-03-08: clocks went forward from 02:00 to 03:00 (UTC-05:00 → UTC-04:00)');
    expect(text).toContain(
      'Opening time 02:30 on 2026-03-08 did not exist (skipped hour); read as Sun 2026-03-08 03:30 (UTC-04:00), moved forward by the jump (RFC 5545).',
    );
    expect(text).toContain('a time skipped when clocks spring forward moves forward by the length of the jump');
    expect(text).toContain('counts 1 business hour (60 min) of open time');
  });

  it('names a fall-back change and the occurrence used for a repeated time', () => {
    const text = render(
      explainDue(newYork([{ start: '01:30', end: '05:00' }], [0]), new Date('2026-11-01T04:00:00Z'), 60),
    );
    expect(text).toContain('clocks went back from 02:00 to 01:00 (UTC-04:00 → UTC-05:00)');
    expect(text).toContain(
      'Opening time 01:30 on 2026-11-01 happened twice; the first, Sun 2026-11-01 01:30 (UTC-04:00), was used (RFC 5545).',
    );
  });

  it('says so when no change was crossed, without the convention', () => {
    const text = render(
      explainDue(newYork([{ start: '09:00', end: '17:00' }], [1, 2, 3, 4, 5]), new Date('2026-06-01T14:00:00Z'), 60),
    );
    expect(text).toContain("None while this clock ran: the calendar's hours kept the same offset from UTC.");
    expect(text).not.toContain('RFC 5545');
  });

  it('explains a zero target received in closed hours as due at the next opening', () => {
    // Saturday 2026-06-06 10:00 EDT: the desk opens Monday 09:00 EDT.
    const text = render(
      explainDue(newYork([{ start: '09:00', end: '17:00' }], [1, 2, 3, 4, 5]), new Date('2026-06-06T14:00:00Z'), 0),
    );
    expect(text).toContain(
      'A 0-minute target that starts outside open hours (or while paused) is due when the desk next opens: Mon 2026-06-08 09:00.',
    );
    const open = render(
      explainDue(newYork([{ start: '09:00', end: '17:00' }], [1, 2, 3, 4, 5]), new Date('2026-06-08T14:00:00Z'), 0),
    );
    expect(open).toContain('A 0-minute target is due at once when it starts in open hours, as this one did.');
  });
});
