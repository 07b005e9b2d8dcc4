import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '@/lib/utils/ticket-number';

const created = new Date('2026-03-15T10:00:00Z');

describe('formatTicketNumber', () => {
  it('defaults to prefix, year and an 8-digit number', () => {
    expect(formatTicketNumber(undefined, 42, created)).toBe('SUP-2026-00000042');
    expect(formatTicketNumber({}, 1, created)).toBe('SUP-2026-00000001');
  });

  it('uses the year the ticket was created (UTC), not the current one', () => {
    expect(formatTicketNumber({}, 7, new Date('2025-12-31T23:30:00Z'))).toBe('SUP-2025-00000007');
    expect(formatTicketNumber({}, 7, new Date('2027-01-01T00:00:00Z'))).toBe('SUP-2027-00000007');
  });

  it('applies prefix, year, padding and suffix settings, leaving empty parts out', () => {
    expect(formatTicketNumber({ prefix: 'HELP', includeYear: false, padding: 4 }, 42, created)).toBe('HELP-0042');
    expect(formatTicketNumber({ prefix: '', includeYear: false, padding: 1 }, 42, created)).toBe('42');
    expect(formatTicketNumber({ prefix: '', includeYear: true, padding: 5, suffix: 'EU' }, 42, created)).toBe(
      '2026-00042-EU',
    );
    expect(formatTicketNumber({ prefix: 'T', includeYear: false, padding: 3, suffix: 'X' }, 5, created)).toBe(
      'T-005-X',
    );
  });

  it('never truncates a number longer than the padding', () => {
    expect(formatTicketNumber({ prefix: 'SUP', includeYear: false, padding: 2 }, 123456, created)).toBe('SUP-123456');
  });
});
