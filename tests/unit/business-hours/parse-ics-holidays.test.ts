import { describe, expect, it } from 'vitest';
import { parseIcsHolidays } from '@/lib/business-hours';

const ics = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('parseIcsHolidays', () => {
  it('reads all-day events, one date each', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'UID:1',
      'DTSTART;VALUE=DATE:20251225',
      'DTEND;VALUE=DATE:20251226',
      'SUMMARY:Christmas Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:2',
      'DTSTART;VALUE=DATE:20250101',
      'SUMMARY:New Year',
      'END:VEVENT',
    );
    expect(parseIcsHolidays(text)).toEqual(['2025-01-01', '2025-12-25']);
  });

  it('expands a multi-day event up to its exclusive DTEND, or by DURATION', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20251229',
      'DTEND;VALUE=DATE:20260102',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250418',
      'DURATION:P4D',
      'END:VEVENT',
    );
    expect(parseIcsHolidays(text)).toEqual([
      '2025-04-18',
      '2025-04-19',
      '2025-04-20',
      '2025-04-21',
      '2025-12-29',
      '2025-12-30',
      '2025-12-31',
      '2026-01-01',
    ]);
  });

  it('ignores timed events, cancelled events, VTIMEZONE and alarm lines', () => {
    const text = ics(
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Europe/Berlin:20250601T090000',
      'DTEND;TZID=Europe/Berlin:20250601T100000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART:20250602T090000Z',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250603',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250604',
      'BEGIN:VALARM',
      'DTSTART;VALUE=DATE:20990101',
      'END:VALARM',
      'END:VEVENT',
      'BEGIN:VTODO',
      'DTSTART;VALUE=DATE:20250605',
      'END:VTODO',
    );
    expect(parseIcsHolidays(text)).toEqual(['2025-06-04']);
  });

  it('unfolds folded lines and copes with LF-only files, lower case and quoted parameters', () => {
    const text = [
      '\uFEFFBEGIN:VCALENDAR',
      'begin:vevent',
      'SUMMARY:A very long holiday name that an exporter folded onto the next',
      '  line',
      'DTSTART;X-NOTE="a:b;c";VALUE=',
      ' DATE:2025',
      '\t0501',
      'end:vevent',
      'END:VCALENDAR',
    ].join('\n');
    expect(parseIcsHolidays(text)).toEqual(['2025-05-01']);
  });

  it('accepts a bare 8-digit DTSTART, drops duplicates and nonsense dates', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'DTSTART:20250501',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250501',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250230',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:2025050',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'SUMMARY:no start',
      'END:VEVENT',
    );
    expect(parseIcsHolidays(text)).toEqual(['2025-05-01']);
  });

  it('treats a DTEND not after DTSTART as one day and caps absurd spans at a year', () => {
    const text = ics(
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20250501',
      'DTEND;VALUE=DATE:20250501',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20300101',
      'DTEND;VALUE=DATE:20400101',
      'END:VEVENT',
    );
    const dates = parseIcsHolidays(text);
    expect(dates[0]).toBe('2025-05-01');
    expect(dates).toHaveLength(1 + 366);
    expect(dates.at(-1)).toBe('2031-01-01');
  });

  it('returns nothing for text that is not a calendar', () => {
    expect(parseIcsHolidays('')).toEqual([]);
    expect(parseIcsHolidays('hello: world\nDTSTART;VALUE=DATE:20250101')).toEqual([]);
  });
});
