import { WEEKDAY_NAMES } from '@/lib/business-hours/weekdays';

type Weekly = ReadonlyArray<ReadonlyArray<{ start: string; end: string }>>;

/** Monday first, as people read a week; the stored week starts on Sunday (index 0). */
export const DISPLAY_DAYS = [1, 2, 3, 4, 5, 6, 0] as const;

const short = (day: number) => WEEKDAY_NAMES[day]!.slice(0, 3);
const hours = (intervals: ReadonlyArray<{ start: string; end: string }>) =>
  intervals.map((i) => `${i.start}–${i.end}`).join(', ');

/** "Mon–Fri 09:00–17:00 · Sat 10:00–14:00" (closed days left out), or "Open 24×7". */
export function summarizeWeek(weekly: Weekly): string {
  if (weekly.every((day) => day.length === 1 && day[0]!.start === '00:00' && day[0]!.end === '24:00'))
    return 'Open 24×7';
  const groups: Array<{ from: number; to: number; text: string }> = [];
  for (const day of DISPLAY_DAYS) {
    const text = hours(weekly[day] ?? []);
    const last = groups.at(-1);
    if (last && last.text === text) last.to = day;
    else groups.push({ from: day, to: day, text });
  }
  const open = groups.filter((g) => g.text);
  if (!open.length) return 'Never open';
  return open.map((g) => `${short(g.from)}${g.to !== g.from ? `–${short(g.to)}` : ''} ${g.text}`).join(' · ');
}
