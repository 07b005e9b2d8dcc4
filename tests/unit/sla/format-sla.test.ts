import { describe, expect, it } from 'vitest';
import { formatMinutesShort, formatTargetMinutes } from '@/components/sla/format-sla';

// Target lengths in the agent and admin UI: a business day is not 24 hours, so business-hours targets are
// never shown in days (2,880 minutes on a 9–17 desk is six business days, not two).

describe('formatTargetMinutes', () => {
  it('around the clock, days are days', () => {
    expect(formatTargetMinutes(2880, { businessHours: false })).toBe('2 days (2880 min)');
    expect(formatTargetMinutes(240, { businessHours: false })).toBe('4 h (240 min)');
  });

  it('on a business-hours calendar, always business hours', () => {
    expect(formatTargetMinutes(2880, { businessHours: true })).toBe('48 business hours (2880 min)');
    expect(formatTargetMinutes(60, { businessHours: true })).toBe('1 business hour (60 min)');
    expect(formatTargetMinutes(90, { businessHours: true })).toBe('1.5 business hours (90 min)');
    expect(formatTargetMinutes(30, { businessHours: true })).toBe('30 business min');
  });
});

describe('formatMinutesShort', () => {
  it('uses days only around the clock', () => {
    expect(formatMinutesShort(2880, { businessHours: false })).toBe('2d');
    expect(formatMinutesShort(2880, { businessHours: true })).toBe('48h');
    expect(formatMinutesShort(150, { businessHours: true })).toBe('2h 30m');
    expect(formatMinutesShort(45, { businessHours: true })).toBe('45 min');
  });
});
