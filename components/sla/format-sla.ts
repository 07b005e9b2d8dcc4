import type { SlaTargetState } from '@/lib/constants/sla';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3d 4h", "2h 14m", "14m", "4m 05s", "45s": coarse far away, to the second when it is close. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) {
    const hours = Math.floor((abs % DAY) / HOUR);
    return `${Math.floor(abs / DAY)}d${hours ? ` ${hours}h` : ''}`;
  }
  if (abs >= HOUR) {
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return `${Math.floor(abs / HOUR)}h${minutes ? ` ${minutes}m` : ''}`;
  }
  if (abs >= 10 * MINUTE) return `${Math.floor(abs / MINUTE)}m`;
  const seconds = Math.floor((abs % MINUTE) / 1000);
  if (abs >= MINUTE) return `${Math.floor(abs / MINUTE)}m ${String(seconds).padStart(2, '0')}s`;
  return `${seconds}s`;
}

/**
 * A target length as people say it: "90 min (1h 30m)", "3 days" around the clock; on a business-hours
 * calendar never in days ("48 business hours (2880 min)"), since a business day is not 24 hours and days
 * would make a 9–17 desk's 2,880 minutes read as two days instead of six.
 */
export function formatTargetMinutes(minutes: number, options: { businessHours: boolean }): string {
  if (minutes < 60) return `${minutes} ${options.businessHours ? 'business ' : ''}min`;
  if (options.businessHours)
    return `${formatHours(minutes)} business hour${minutes === 60 ? '' : 's'} (${minutes} min)`;
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)} day${minutes === 24 * 60 ? '' : 's'} (${minutes} min)`;
  if (minutes % 60 === 0) return `${minutes / 60} h (${minutes} min)`;
  return `${formatSpan(minutes * MINUTE)} (${minutes} min)`;
}

/** Hours with at most two decimals: "4", "1.5", "48". */
function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Where a clock stands by the viewer's clock: a running target whose due time passed reads as breached. */
export function liveState(
  state: SlaTargetState,
  dueAt: Date | null,
  warnAt: Date | null | undefined,
  now: number,
): SlaTargetState {
  if (state === 'met' || state === 'paused' || !dueAt) return state;
  if (dueAt.getTime() <= now) return 'breached';
  if (warnAt && warnAt.getTime() <= now) return 'at_risk';
  return state;
}

export const STATE_LABELS: Record<SlaTargetState, string> = {
  active: 'On track',
  at_risk: 'At risk',
  breached: 'Breached',
  paused: 'Paused',
  met: 'Met',
};

/** The badge's words: the countdown itself, or what stopped it. */
export function countdownText(
  state: SlaTargetState,
  dueAt: Date | null,
  now: number,
  metInTime?: boolean | null,
): string {
  if (state === 'met') return metInTime === false ? 'Met late' : 'Met';
  if (state === 'paused' || !dueAt) return 'Paused';
  const left = dueAt.getTime() - now;
  return left <= 0 ? `Overdue ${formatSpan(left)}` : `${formatSpan(left)} left`;
}

const viewerFormat = new Intl.DateTimeFormat('en', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** The viewer's own local time, with the weekday so "tomorrow 09:00" reads at a glance. */
export function formatViewerTime(date: Date): string {
  return viewerFormat.format(date);
}

/**
 * A whole-minute length, short: "45 min", "2h 30m", "3d" around the clock; in hours on a business-hours
 * calendar ("48h", never "2d": a business day is not 24 hours).
 */
export function formatMinutesShort(minutes: number, options: { businessHours: boolean }): string {
  if (minutes < 60) return `${minutes} min`;
  if (options.businessHours) return `${Math.floor(minutes / 60)}h${minutes % 60 ? ` ${minutes % 60}m` : ''}`;
  return formatSpan(minutes * 60_000);
}
