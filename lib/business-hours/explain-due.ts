import { addBusinessMs, countedMsIntervals } from './business-clock';
import { compileCalendar } from './compiled-calendar';
import { minutesToMs, validInstant } from './add-business-minutes';
import { intersectIntervals, totalLength } from './interval-math';
import { dstBoundariesBetween, offsetChangesBetween } from './dst-changes';
import { dayToIsoDate } from './local-date';
import { localDayInstants, localDayRange, openMsIntervals } from './open-intervals';
import { pausesToIntervals } from './pauses';
import { DAY_MS, MINUTE_MS } from './time-units';
import type { BusinessCalendar, Pause } from './types';
import { formatOffset, toZonedInstant, type ZonedInstant } from './zoned-instant';
import { formatClockTime } from './clock-time';

/** Why a due time is what it is: everything the UI needs to say so, in the calendar's local time and UTC. */
export interface DueExplanation {
  readonly calendar: { readonly name: string | null; readonly timeZone: string };
  readonly start: ZonedInstant;
  readonly targetMinutes: number;
  /** 'due': `due` is set. 'paused': a pause still running stops the clock before the target is met. */
  readonly status: 'due' | 'paused';
  readonly due: ZonedInstant | null;
  /** Each stretch of open, unpaused time that counted towards the target, in order; the last may be partial. */
  readonly counted: ReadonlyArray<{
    readonly start: ZonedInstant;
    readonly end: ZonedInstant;
    readonly minutes: number;
  }>;
  /** Business minutes counted so far: the target when due, less when paused. */
  readonly countedMinutes: number;
  /** Holidays between start and due on which the weekly hours would otherwise have been open. */
  readonly holidaysSkipped: ReadonlyArray<{ readonly date: string; readonly openMinutesSkipped: number }>;
  /**
   * Pauses overlapping the clock's run and how many open minutes each added back to the due time; the pause
   * still running when the status is 'paused' is listed last with `businessMinutes: null` (not known yet).
   */
  readonly pausesAddedBack: ReadonlyArray<{
    readonly from: ZonedInstant;
    readonly to: ZonedInstant | null;
    readonly businessMinutes: number | null;
  }>;
  /** Wall-clock minutes from start to due (null while paused): the closed time is the difference to the target. */
  readonly elapsedMinutes: number | null;
  /**
   * Daylight-saving changes between start and due (or the pause): the calendar's wall-clock hours moved
   * against UTC, so open hours that night or day were longer or shorter in real time. `from`/`to` are the
   * local readings either side of the jump ('02:00' → '03:00').
   */
  readonly dstChanges: ReadonlyArray<{
    readonly at: ZonedInstant;
    readonly from: string;
    readonly to: string;
    readonly offsetBefore: string;
    readonly offsetAfter: string;
  }>;
  /**
   * Opening or closing times that fell into a skipped hour (did not exist) or a repeated one (happened twice)
   * while the clock ran, and how they were read: RFC 5545, a missing time moves forward by the gap's length,
   * a repeated one takes its first occurrence.
   */
  readonly dstBoundaries: ReadonlyArray<{
    readonly date: string;
    readonly wallTime: string;
    readonly edge: 'opens' | 'closes';
    readonly kind: 'gap' | 'ambiguous';
    readonly readAs: ZonedInstant;
    readonly convention: 'rfc5545_shift_forward' | 'first_occurrence';
  }>;
  /**
   * How a target of 0 minutes was read (null for any other target): due at the start when the calendar was
   * open and unpaused then, otherwise at the next opening.
   */
  readonly zeroTarget: 'at_start' | 'next_opening' | null;
}

export function explainDue(
  calendar: BusinessCalendar,
  start: Date,
  minutes: number,
  pauses?: readonly Pause[],
): DueExplanation {
  const compiled = compileCalendar(calendar);
  const zone = compiled.timeZone;
  const at = (ms: number) => toZonedInstant(zone, ms);
  const startMs = validInstant(start, 'start');
  const pauseIntervals = pausesToIntervals(pauses);
  const dueMs = addBusinessMs(compiled, startMs, minutesToMs(minutes), pauseIntervals);
  // While paused for good, explain up to the moment the clock stopped.
  const endMs = dueMs ?? pauseIntervals.find((p) => p.end === Number.POSITIVE_INFINITY)?.start ?? startMs;

  const counted = countedMsIntervals(compiled, startMs, endMs, pauseIntervals);
  const open = openMsIntervals(compiled, startMs, endMs);
  const openIgnoringHolidays = openMsIntervals(compiled, startMs, endMs, { skipHolidays: false });

  const holidaysSkipped: Array<{ date: string; openMinutesSkipped: number }> = [];
  const { firstDay, lastDay } = localDayRange(compiled, startMs, endMs);
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!compiled.holidayDays.has(day)) continue;
    const skipped = totalLength(intersectIntervals(openIgnoringHolidays, [localDayInstants(compiled, day)]));
    if (skipped > 0) holidaysSkipped.push({ date: dayToIsoDate(day), openMinutesSkipped: skipped / MINUTE_MS });
  }

  const pausesAddedBack = pauseIntervals
    .filter(
      (pause) =>
        pause.end > startMs && (pause.start < endMs || (dueMs === null && pause.end === Number.POSITIVE_INFINITY)),
    )
    .map((pause) => {
      const running = pause.end === Number.POSITIVE_INFINITY;
      return {
        from: at(pause.start),
        to: running ? null : at(pause.end),
        businessMinutes: running && dueMs === null ? null : totalLength(intersectIntervals(open, [pause])) / MINUTE_MS,
      };
    });

  const changes = offsetChangesBetween(zone, startMs, endMs);
  const dstChanges = changes.map((change) => ({
    at: at(change.atMs),
    from: formatClockTime(wallMinuteOfDay(change.atMs + change.offsetBeforeMs)),
    to: formatClockTime(wallMinuteOfDay(change.atMs + change.offsetAfterMs)),
    offsetBefore: formatOffset(change.offsetBeforeMs),
    offsetAfter: formatOffset(change.offsetAfterMs),
  }));
  const dstBoundaries = dstBoundariesBetween(compiled, startMs, endMs, changes).map((boundary) => ({
    date: boundary.date,
    wallTime: boundary.wallTime,
    edge: boundary.edge,
    kind: boundary.kind,
    readAs: at(boundary.instantMs),
    convention: boundary.kind === 'gap' ? ('rfc5545_shift_forward' as const) : ('first_occurrence' as const),
  }));

  return {
    calendar: { name: compiled.name, timeZone: zone },
    start: at(startMs),
    targetMinutes: minutes,
    status: dueMs === null ? 'paused' : 'due',
    due: dueMs === null ? null : at(dueMs),
    counted: counted.map((i) => ({ start: at(i.start), end: at(i.end), minutes: (i.end - i.start) / MINUTE_MS })),
    countedMinutes: totalLength(counted) / MINUTE_MS,
    holidaysSkipped,
    pausesAddedBack,
    elapsedMinutes: dueMs === null ? null : (dueMs - startMs) / MINUTE_MS,
    dstChanges,
    dstBoundaries,
    zeroTarget: minutes !== 0 || dueMs === null ? null : dueMs === startMs ? 'at_start' : 'next_opening',
  };
}

/** Minutes after local midnight of a wall reading (wall ms). */
function wallMinuteOfDay(wallMs: number): number {
  return Math.floor((((wallMs % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}
