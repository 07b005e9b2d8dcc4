import { DAY_MS } from './time-units';
import { utcMs } from './local-date';

/**
 * Wall-clock time in an IANA zone ⇄ UTC instants, on the platform's Intl data (no library).
 *
 * A "wall ms" is what the zone's clock reads, written as epoch milliseconds as if that reading were UTC:
 * local 2025-03-30 09:00 is `Date.UTC(2025, 2, 30, 9)` whatever the zone. Day numbers times DAY_MS are the
 * wall ms of local midnights, so weekly hours turn into wall ms with integer arithmetic.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23: midnight reads 00, never 24. Every field numeric so formatToParts is trivially parsed.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows the zone (accepts aliases such as 'UTC' or 'US/Eastern'; refuses offsets). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!timeZone.trim() || /^[+-]/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's UTC offset at an instant, in ms (positive east of Greenwich: Berlin in summer is +7,200,000). */
export function offsetAt(timeZone: string, instantMs: number): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = utcMs(fields.year ?? 1970, fields.month ?? 1, fields.day ?? 1, fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0);
  return wall - wholeSecond;
}

/** What the zone's clock reads at an instant, as wall ms. */
export function utcToWall(timeZone: string, instantMs: number): number {
  return instantMs + offsetAt(timeZone, instantMs);
}

/**
 * The instant at which the zone's clock first reads `wallMs` or later.
 *
 * One rule covers both daylight-saving edges, and it is monotonic, so intervals built from it never invert
 * and back-to-back intervals still touch:
 * - a wall time in a spring-forward gap does not exist and moves forward to the moment the clocks jump
 *   (New York 2025-03-09 02:30 → 03:00 EDT = 07:00Z): a shop that "closes at 02:30" closes when the clock
 *   jumps past it;
 * - an ambiguous fall-back time takes its first occurrence (New York 2025-11-02 01:30 → 01:30 EDT = 05:30Z).
 *
 * Assumes at most one offset change within a day either side, which holds for every zone in the tz database
 * in the years a help desk cares about.
 */
export function wallToUtc(timeZone: string, wallMs: number): number {
  const earlierOffset = offsetAt(timeZone, wallMs - DAY_MS);
  const laterOffset = offsetAt(timeZone, wallMs + DAY_MS);
  // The common case: no change anywhere near, one reading per instant.
  if (earlierOffset === laterOffset) return wallMs - earlierOffset;
  const candidates = [wallMs - earlierOffset, wallMs - laterOffset].filter(
    (instant) => instant + offsetAt(timeZone, instant) === wallMs,
  );
  if (candidates.length > 0) return Math.min(...candidates);

  // In a gap: find the transition, the first instant whose reading is past the requested wall time.
  let low = Math.min(wallMs - earlierOffset, wallMs - laterOffset);
  let high = Math.max(wallMs - earlierOffset, wallMs - laterOffset);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(timeZone, middle) >= wallMs) high = middle;
    else low = middle;
  }
  return high;
}
