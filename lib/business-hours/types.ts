/**
 * The shapes the business-hours arithmetic works on. Instants are `Date`s at the edges of the API and plain
 * epoch milliseconds inside, so the hot loops allocate nothing.
 */

/** A weekly opening on one weekday, in the calendar's local wall-clock time ('HH:MM', 24-hour clock). */
export interface ClockInterval {
  readonly start: string;
  /** `end <= start` means the interval runs overnight into the next day; '24:00' means midnight at day end. */
  readonly end: string;
}

export interface BusinessCalendar {
  /** Shown in explanations; the database row's name when there is one. */
  readonly name?: string;
  /** IANA zone, e.g. 'Europe/Berlin'. All weekly times and holiday dates are local to it. */
  readonly timeZone: string;
  /** Seven lists, index 0 = Sunday … 6 = Saturday. Several intervals per day are allowed. */
  readonly weekly: ReadonlyArray<ReadonlyArray<ClockInterval>>;
  /** Local dates 'YYYY-MM-DD' that are closed from 00:00 to 24:00, whatever the weekly hours say. */
  readonly holidays: readonly string[];
}

/** A stretch during which the SLA clock is stopped (ticket pending or on hold). `to: null` = still paused. */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
}

export interface ClosedPause extends Pause {
  readonly to: Date;
}

/** A half-open UTC interval [start, end). */
export interface UtcInterval {
  readonly start: Date;
  readonly end: Date;
}

/** Internal form of an interval: epoch milliseconds, half-open [start, end). */
export interface MsInterval {
  readonly start: number;
  readonly end: number;
}
