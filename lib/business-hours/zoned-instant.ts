import { pad2, weekdayOfDay } from './local-date';
import { DAY_MS, MINUTE_MS } from './time-units';
import { offsetAt } from './zoned-time';

/** An instant with how the calendar's clock showed it, for explanations a person can check. */
export interface ZonedInstant {
  readonly utc: Date;
  /** 'YYYY-MM-DD HH:MM' (':SS' added when not on a whole minute) on the calendar's wall clock. */
  readonly local: string;
  /** 0 = Sunday … 6 = Saturday, local. */
  readonly weekday: number;
  /** UTC offset in force at that instant, '+01:00' / '-04:00'. */
  readonly offset: string;
}

export function toZonedInstant(timeZone: string, instantMs: number): ZonedInstant {
  const offsetMs = offsetAt(timeZone, instantMs);
  const wall = new Date(instantMs + offsetMs);
  const seconds = wall.getUTCSeconds();
  const local =
    `${String(wall.getUTCFullYear()).padStart(4, '0')}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())} ` +
    `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}${seconds ? `:${pad2(seconds)}` : ''}`;
  return {
    utc: new Date(instantMs),
    local,
    weekday: weekdayOfDay(Math.floor((instantMs + offsetMs) / DAY_MS)),
    offset: formatOffset(offsetMs),
  };
}

export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / MINUTE_MS);
  return `${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}
