/**
 * What a customer is told about a response target, worded from the due time the SLA computed, never from
 * the target's minutes divided by 24 hours: a 2,880-minute target on a 9:00–17:00 calendar is six business
 * days away, not "2 business days".
 *
 * - The due time itself is always given, in the calendar's zone with its abbreviation ("by Tuesday
 *   3 March, 13:00 CET"), so the promise can be checked against the clock that enforces it.
 * - "within 4 hours" is added only when it is true in plain wall-clock time: the desk is open, unpaused,
 *   from the start to the due time (any 24×7 calendar; a short target received in office hours).
 * - "within 4 business hours" is added for targets under a day when closed time lies between: a business
 *   hour is an hour the desk is open, which is what the target counts. Longer targets get the date alone,
 *   because "N business days" would need every open day to be equally long.
 */

export interface PromiseInput {
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly targetMinutes: number;
  /** The calendar's IANA zone; the due time is written on its clock. */
  readonly timeZone: string;
  /** BCP 47 language of the customer-facing text; the mail and portal wording is English today. */
  readonly locale?: string;
}

const MINUTE_MS = 60_000;
const HOUR_MINUTES = 60;
const DAY_MINUTES = 24 * HOUR_MINUTES;

/** "within 4 hours, by Tuesday 3 March, 14:00 CET" / "within 4 business hours, by …" / "by …". */
export function describeResponsePromise(input: PromiseInput): string {
  const by = `by ${formatDueTime(input.dueAt, input.timeZone, { locale: input.locale, yearOf: input.startedAt })}`;
  const minutes = input.targetMinutes;
  if (minutes <= 0) return input.dueAt.getTime() <= input.startedAt.getTime() ? 'right away' : `when we open, ${by}`;
  const elapsedMinutes = (input.dueAt.getTime() - input.startedAt.getTime()) / MINUTE_MS;
  if (elapsedMinutes === minutes) return `within ${describeLength(minutes)}, ${by}`;
  if (minutes < DAY_MINUTES) return `within ${describeLength(minutes, 'business ')}, ${by}`;
  return by;
}

/** "4 hours", "90 minutes", "3 days" (days only for whole days, and only where the clock never stops). */
function describeLength(minutes: number, qualifier = ''): string {
  const plural = (n: number, unit: string) => `${n} ${qualifier}${unit}${n === 1 ? '' : 's'}`;
  if (!qualifier && minutes % DAY_MINUTES === 0 && minutes >= 2 * DAY_MINUTES)
    return plural(minutes / DAY_MINUTES, 'day');
  if (minutes % HOUR_MINUTES === 0) return plural(minutes / HOUR_MINUTES, 'hour');
  return plural(Math.round(minutes), 'minute');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) formatters.set(key, (cached = new Intl.DateTimeFormat(locale, { timeZone, ...options })));
  return cached;
}

/**
 * "Tuesday 3 March, 13:00 CET" on the zone's clock (the year is added when it differs from `yearOf`'s).
 * The zone's letters come from whichever English convention has them (CET from en-GB, EST from en-US),
 * otherwise its offset ("GMT+9"), so the reader can always tell which clock is meant.
 */
export function formatDueTime(dueAt: Date, timeZone: string, options: { locale?: string; yearOf?: Date } = {}): string {
  const locale = options.locale ?? 'en-GB';
  const year = (date: Date) => formatter(locale, timeZone, { year: 'numeric' }).format(date);
  const withYear = options.yearOf !== undefined && year(options.yearOf) !== year(dueAt);
  const dateFormat = formatter(locale, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(withYear ? { year: 'numeric' } : {}),
  });
  // English reads "Friday 1 January 2027" with or without the year (en-GB adds a comma before a year).
  const part = (type: string) => dateFormat.formatToParts(dueAt).find((p) => p.type === type)?.value ?? '';
  const date = locale.startsWith('en')
    ? [part('weekday'), part('day'), part('month'), withYear ? part('year') : ''].filter(Boolean).join(' ')
    : dateFormat.format(dueAt);
  const time = formatter(locale, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(dueAt);
  return `${date}, ${time} ${zoneAbbreviation(dueAt, timeZone)}`;
}

function zoneAbbreviation(at: Date, timeZone: string): string {
  const names = ['en-GB', 'en-US'].map(
    (locale) =>
      formatter(locale, timeZone, { timeZoneName: 'short' })
        .formatToParts(at)
        .find((part) => part.type === 'timeZoneName')?.value ?? '',
  );
  return names.find((name) => name && !/^(GMT|UTC)[+-−]/.test(name)) ?? names[0] ?? timeZone;
}
