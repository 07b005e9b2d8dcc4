/** Business-hours calendars and SLA time arithmetic: pure, time-zone and DST correct, no database. */
export type { BusinessCalendar, ClockInterval, ClosedPause, Pause, UtcInterval } from './types';
export { ALWAYS_OPEN_CALENDAR } from './default-calendar';
export {
  businessCalendarSchema,
  clockIntervalSchema,
  holidayDateSchema,
  timeZoneSchema,
  type BusinessCalendarInput,
} from './schema';
export { openIntervalsBetween } from './open-intervals';
export { addBusinessMinutes, businessMinutesBetween } from './add-business-minutes';
export { explainDue, type DueExplanation } from './explain-due';
export { offsetChangesBetween, type OffsetChange } from './dst-changes';
export { parseIcsHolidays } from './parse-ics-holidays';
export {
  computeSlaDueDates,
  type SlaDue,
  type SlaDueDates,
  type SlaTargetMinutes,
  type SlaTargetTable,
} from './sla-due-dates';
export { isKnownTimeZone, wallToUtc, utcToWall, offsetAt, readWallTime, type WallTimeReading } from './zoned-time';
export { toZonedInstant, type ZonedInstant } from './zoned-instant';
export { WEEKDAY_NAMES } from './weekdays';
