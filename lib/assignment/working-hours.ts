/** Optional working hours of an agent: days 0 (Sunday) to 6, "HH:MM" in their time zone, end exclusive. */
export type WorkingHours = { timeZone: string; days: number[]; start: string; end: string };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/**
 * Whether `now` falls inside the agent's hours, read on their wall clock. A span whose end is before its
 * start runs past midnight (22:00–06:00): the day it starts on is the one that must be listed.
 */
export function isWithinWorkingHours(hours: WorkingHours, now: Date) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: hours.timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const day = WEEKDAYS.indexOf(part('weekday'));
  const minute = Number(part('hour')) * 60 + Number(part('minute'));
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start <= end) return hours.days.includes(day) && minute >= start && minute < end;
  if (minute >= start) return hours.days.includes(day);
  return minute < end && hours.days.includes((day + 6) % 7);
}
