import type { BusinessCalendar } from './types';

const ALL_DAY = [{ start: '00:00', end: '24:00' }] as const;

/** Open around the clock with no holidays: business time equals wall-clock time. The default for every workspace. */
export const ALWAYS_OPEN_CALENDAR: BusinessCalendar = Object.freeze({
  name: '24×7',
  timeZone: 'UTC',
  weekly: Object.freeze([ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY, ALL_DAY]),
  holidays: Object.freeze([]),
});
