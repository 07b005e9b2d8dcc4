import { addBusinessMs, countedMsIntervals } from './business-clock';
import { compileCalendar } from './compiled-calendar';
import { minutesToMs, validInstant } from './add-business-minutes';
import { intersectIntervals, totalLength } from './interval-math';
import { dayToIsoDate } from './local-date';
import { localDayInstants, localDayRange, openMsIntervals } from './open-intervals';
import { pausesToIntervals } from './pauses';
import { MINUTE_MS } from './time-units';
import type { BusinessCalendar, Pause } from './types';
import { toZonedInstant, type ZonedInstant } from './zoned-instant';

/** Why a due time is what it is: everything the UI needs to say so, in the calendar's local time and UTC. */
export interface DueExplanation {
  readonly calendar: { readonly name: string | null; readonly timeZone: string };
  readonly start: ZonedInstant;
  readonly targetMinutes: number;
  /** 'due': `due` is set. 'paused': a pause still running stops the clock before the target is met. */
  readonly status: 'due' | 'paused';
  readonly due: ZonedInstant | null;
  /** Each stretch of open, unpaused time that counted towards the target, in order; the last may be partial. */
  readonly counted: ReadonlyArray<{ readonly start: ZonedInstant; readonly end: ZonedInstant; readonly minutes: number }>;
  /** Business minutes counted so far: the target when due, less when paused. */
  readonly countedMinutes: number;
  /** Holidays between start and due on which the weekly hours would otherwise have been open. */
  readonly holidaysSkipped: ReadonlyArray<{ readonly date: string; readonly openMinutesSkipped: number }>;
  /**
   * Pauses overlapping the clock's run and how many open minutes each added back to the due time; the pause
   * still running when the status is 'paused' is listed last with `businessMinutes: null` (not known yet).
   */
  readonly pausesAddedBack: ReadonlyArray<{ readonly from: ZonedInstant; readonly to: ZonedInstant | null; readonly businessMinutes: number | null }>;
  /** Wall-clock minutes from start to due (null while paused): the closed time is the difference to the target. */
  readonly elapsedMinutes: number | null;
}

export function explainDue(calendar: BusinessCalendar, start: Date, minutes: number, pauses?: readonly Pause[]): DueExplanation {
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
    .filter((pause) => pause.end > startMs && (pause.start < endMs || (dueMs === null && pause.end === Number.POSITIVE_INFINITY)))
    .map((pause) => {
      const running = pause.end === Number.POSITIVE_INFINITY;
      return {
        from: at(pause.start),
        to: running ? null : at(pause.end),
        businessMinutes: running && dueMs === null ? null : totalLength(intersectIntervals(open, [pause])) / MINUTE_MS,
      };
    });

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
  };
}
