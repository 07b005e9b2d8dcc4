import { dayToIsoDate, isoDateToDay } from './local-date';

/**
 * Holiday dates from an iCalendar (.ics) file: every all-day VEVENT (DTSTART;VALUE=DATE) contributes its
 * dates, a multi-day event each day up to its exclusive DTEND (or DURATION), one day when it has neither.
 * Timed events, cancelled events, RRULE repetitions, VTIMEZONE and alarms are ignored: public-holiday feeds
 * list each year's dates as separate all-day events, and a timed event is not a closed day.
 * Tolerates CRLF or LF line ends and folded lines. Returns sorted, unique 'YYYY-MM-DD' dates.
 */

// One event spanning more than a year is a data error, not a holiday; cap it rather than emit thousands of days.
const MAX_EVENT_DAYS = 366;

interface ContentLine {
  name: string;
  params: Record<string, string>;
  value: string;
}

export function parseIcsHolidays(text: string): string[] {
  const days = new Set<number>();
  const stack: string[] = [];
  let event: ContentLine[] | null = null;

  for (const line of unfoldLines(text)) {
    const parsed = parseContentLine(line);
    if (!parsed) continue;
    if (parsed.name === 'BEGIN') {
      stack.push(parsed.value.toUpperCase());
      if (parsed.value.toUpperCase() === 'VEVENT') event = [];
    } else if (parsed.name === 'END') {
      const closed = stack.pop();
      if (closed === 'VEVENT' && event) {
        for (const day of eventDays(event)) days.add(day);
        event = null;
      }
    } else if (event && stack[stack.length - 1] === 'VEVENT') {
      // Only the event's own properties: a nested VALARM's lines do not describe the event.
      event.push(parsed);
    }
  }
  return [...days].sort((a, b) => a - b).map(dayToIsoDate);
}

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
function unfoldLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/** NAME;PARAM=VALUE;PARAM="QUOTED":VALUE. The value starts at the first colon outside quotes. */
function parseContentLine(line: string): ContentLine | null {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ':' && !inQuotes) {
      colon = i;
      break;
    }
  }
  if (colon < 0) return null;
  const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const param of rawParams) {
    const equals = param.indexOf('=');
    if (equals > 0)
      params[param.slice(0, equals).trim().toUpperCase()] = param
        .slice(equals + 1)
        .trim()
        .replace(/^"|"$/g, '');
  }
  return { name: rawName.trim().toUpperCase(), params, value: line.slice(colon + 1).trim() };
}

function eventDays(properties: ContentLine[]): number[] {
  const find = (name: string) => properties.find((p) => p.name === name);
  if (find('STATUS')?.value.toUpperCase() === 'CANCELLED') return [];
  const dtStart = find('DTSTART');
  const first = dtStart ? allDayValue(dtStart) : null;
  if (first === null) return [];

  let endExclusive = first + 1;
  const dtEnd = find('DTEND');
  const duration = find('DURATION');
  if (dtEnd) {
    const end = allDayValue(dtEnd);
    if (end !== null && end > first) endExclusive = end;
  } else if (duration) {
    const length = durationDays(duration.value);
    if (length !== null && length > 0) endExclusive = first + length;
  }
  endExclusive = Math.min(endExclusive, first + MAX_EVENT_DAYS);
  return Array.from({ length: endExclusive - first }, (_, i) => first + i);
}

/**
 * The day number of a DATE value, or null for a DATE-TIME (timed event) or garbage. A bare 8-digit value
 * without VALUE=DATE is accepted too: some exporters omit the parameter and it is unambiguous.
 */
function allDayValue(property: ContentLine): number | null {
  const valueType = property.params.VALUE?.toUpperCase();
  if (valueType !== undefined && valueType !== 'DATE') return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(property.value);
  return match ? isoDateToDay(`${match[1]}-${match[2]}-${match[3]}`) : null;
}

/** Whole days of an RFC 5545 duration made only of weeks and days (P1D, P2W, P1W3D); null otherwise. */
function durationDays(value: string): number | null {
  const match = /^\+?P(?:(\d+)W)?(?:(\d+)D)?$/i.exec(value);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 7 + Number(match[2] ?? 0);
}
