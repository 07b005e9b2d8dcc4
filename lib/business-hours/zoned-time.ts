import { DAY_MS, HOUR_MS } from './time-units';
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

/** The offset as Intl reports it for a whole second: one formatToParts call, the slow part of every conversion. */
function measuredOffset(timeZone: string, wholeSecond: number): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const wall = utcMs(
    fields.year ?? 1970,
    fields.month ?? 1,
    fields.day ?? 1,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
  );
  return wall - wholeSecond;
}

// Offsets are remembered per zone and six-hour window of UTC time. A zone's clocks never change twice within
// half a day (dst-changes.ts samples on the same fact), so the same offset at both ends of a window holds all
// through it, and different ones mean exactly one change inside, pinned to the second by bisection once.
// An SLA computation converts thousands of wall times in a few windows: formatToParts was a sixth of the
// worker's CPU in the rules bench before this.
const WINDOW_MS = 6 * HOUR_MS;
const WINDOWS_KEPT_PER_ZONE = 50_000;
type OffsetWindow = { beforeMs: number; changeAtMs: number; afterMs: number };
const windowsByZone = new Map<string, Map<number, OffsetWindow>>();

function measureWindow(timeZone: string, index: number): OffsetWindow {
  const startMs = index * WINDOW_MS;
  const endMs = startMs + WINDOW_MS;
  const beforeMs = measuredOffset(timeZone, startMs);
  const afterMs = measuredOffset(timeZone, endMs);
  if (beforeMs === afterMs) return { beforeMs, changeAtMs: endMs, afterMs };
  // Invariant: the offset at `low` is the old one, at `high` the new one (whole seconds).
  let low = startMs;
  let high = endMs;
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (measuredOffset(timeZone, middle) === beforeMs) low = middle;
    else high = middle;
  }
  return { beforeMs, changeAtMs: high, afterMs };
}

/** The zone's UTC offset at an instant, in ms (positive east of Greenwich: Berlin in summer is +7,200,000). */
export function offsetAt(timeZone: string, instantMs: number): number {
  const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
  const index = Math.floor(wholeSecond / WINDOW_MS);
  let windows = windowsByZone.get(timeZone);
  if (!windows) windowsByZone.set(timeZone, (windows = new Map()));
  let window = windows.get(index);
  if (!window) {
    window = measureWindow(timeZone, index);
    if (windows.size >= WINDOWS_KEPT_PER_ZONE) windows.clear();
    windows.set(index, window);
  }
  return wholeSecond < window.changeAtMs ? window.beforeMs : window.afterMs;
}

/** What the zone's clock reads at an instant, as wall ms. */
export function utcToWall(timeZone: string, instantMs: number): number {
  return instantMs + offsetAt(timeZone, instantMs);
}

/**
 * The instant a local wall-clock reading stands for, by the rule of RFC 5545 (iCalendar, §3.3.5), the one
 * calendar programs use and the one we document:
 * - a wall time in a spring-forward gap does not exist; it is read with the UTC offset in force before the
 *   gap, i.e. shifted forward by the gap's length (New York 2025-03-09, clocks 02:00 → 03:00: 02:30 reads as
 *   03:30 EDT = 07:30Z). A shop that "opens at 02:30" that night opens half an hour after the jump, just as
 *   it would open two and a half hours after 00:00 on a clock that never jumped;
 * - an ambiguous fall-back time takes its first occurrence (New York 2025-11-02 01:30 → 01:30 EDT = 05:30Z).
 *
 * Outside a gap the mapping never runs backwards. Inside one it may put an opening after a later boundary of
 * the same night (02:30–03:00 reads as 03:30–03:00 EDT): such an interval is empty, and overlapping ones
 * merge, so open time is never counted twice. `readWallTime` tells which case applied, for explanations.
 *
 * Assumes at most one offset change within a day either side, which holds for every zone in the tz database
 * in the years a help desk cares about.
 */
export function wallToUtc(timeZone: string, wallMs: number): number {
  return readWallTime(timeZone, wallMs).instant;
}

export type WallTimeReading =
  | { readonly kind: 'exact'; readonly instant: number }
  /** The wall time did not exist; `shiftMs` is how far forward it was moved (the gap's length). */
  | { readonly kind: 'gap'; readonly instant: number; readonly shiftMs: number }
  /** The wall time happened twice; `instant` is the first, `laterInstant` the second. */
  | { readonly kind: 'ambiguous'; readonly instant: number; readonly laterInstant: number };

export function readWallTime(timeZone: string, wallMs: number): WallTimeReading {
  const offsetBefore = offsetAt(timeZone, wallMs - DAY_MS);
  const offsetAfter = offsetAt(timeZone, wallMs + DAY_MS);
  // The common case: no change anywhere near, one reading per instant.
  if (offsetBefore === offsetAfter) return { kind: 'exact', instant: wallMs - offsetBefore };
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter(
    (instant) => instant + offsetAt(timeZone, instant) === wallMs,
  );
  if (candidates.length === 2 && candidates[0] !== candidates[1]) {
    return { kind: 'ambiguous', instant: Math.min(...candidates), laterInstant: Math.max(...candidates) };
  }
  if (candidates.length > 0) return { kind: 'exact', instant: candidates[0]! };
  // In a gap: the offset before it applies (RFC 5545), which lands as far past the jump as the time was past
  // the gap's start.
  const instant = wallMs - offsetBefore;
  return { kind: 'gap', instant, shiftMs: utcToWall(timeZone, instant) - wallMs };
}
