/** How the dashboard writes its figures. */

export const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);
export const decimal = (n: number | null, digits = 2) =>
  n === null ? '—' : String(Math.round(n * 10 ** digits) / 10 ** digits);

/** 95 → "1 h 35 min"; 3000 → "2 d 2 h". */
export function duration(minutes: number | null): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const hours = Math.floor((minutes % 1440) / 60);
  return `${Math.floor(minutes / 1440)} d${hours ? ` ${hours} h` : ''}`;
}

/** The change from the previous period, as text: "+12% vs previous", or nothing to compare with. */
export function change(current: number | null, previous: number | null): string {
  if (current === null || previous === null) return 'no previous figure';
  if (previous === 0) return current === 0 ? 'same as previous period' : 'none in previous period';
  const pct = Math.round(((current - previous) / previous) * 100);
  return `${pct > 0 ? '+' : ''}${pct}% vs previous period`;
}

export const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
