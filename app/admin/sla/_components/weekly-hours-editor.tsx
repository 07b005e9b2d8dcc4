'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { WEEKDAY_NAMES } from '@/lib/business-hours/weekdays';
import { FieldError, type IssueMap } from './issue-map';
import { DISPLAY_DAYS } from './week-summary';

export type Interval = { start: string; end: string };
export type Weekly = Interval[][];

const ALL_DAY: Interval = { start: '00:00', end: '24:00' };
const OFFICE: Interval = { start: '09:00', end: '17:00' };

export const PRESETS: Record<string, { label: string; weekly: () => Weekly }> = {
  office: { label: 'Mon–Fri 09:00–17:00', weekly: () => [[], [OFFICE], [OFFICE], [OFFICE], [OFFICE], [OFFICE], []] },
  always: { label: 'Open 24×7', weekly: () => Array.from({ length: 7 }, () => [ALL_DAY]) },
};

/** An end at or before the start runs past midnight into the next day (24:00 is the day's own midnight). */
function isOvernight({ start, end }: Interval) {
  return /^\d{2}:\d{2}$/.test(start) && /^\d{2}:\d{2}$/.test(end) && end !== '24:00' && end <= start;
}

/**
 * The week's opening hours: several intervals per day, overnight ones allowed. Times are typed as HH:MM
 * text, because a time picker cannot say 24:00 (midnight at the end of the day).
 */
export function WeeklyHoursEditor({
  weekly,
  onChange,
  issues,
}: {
  weekly: Weekly;
  onChange: (weekly: Weekly) => void;
  issues: IssueMap;
}) {
  const setDay = (day: number, intervals: Interval[]) => onChange(weekly.map((d, i) => (i === day ? intervals : d)));
  const copyMondayToWeekdays = () =>
    onChange(weekly.map((d, i) => (i >= 1 && i <= 5 ? weekly[1]!.map((x) => ({ ...x })) : d)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Weekly hours</legend>
      <p className="text-xs text-slate-500">
        24-hour clock in the calendar&apos;s time zone. An end before the start runs overnight; 24:00 is midnight at the
        end of the day. No interval means closed.
      </p>
      <div className="flex flex-wrap gap-2">
        {Object.entries(PRESETS).map(([key, preset]) => (
          <Button key={key} type="button" variant="secondary" size="sm" onClick={() => onChange(preset.weekly())}>
            Use {preset.label}
          </Button>
        ))}
        <Button type="button" variant="ghost" size="sm" onClick={copyMondayToWeekdays}>
          Copy Monday to Tue–Fri
        </Button>
      </div>
      <FieldError id="weekly-error" message={issues.weekly} />
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {DISPLAY_DAYS.map((day) => {
          const name = WEEKDAY_NAMES[day]!;
          const intervals = weekly[day] ?? [];
          return (
            <li key={day} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-start">
              <span className="w-28 shrink-0 pt-2 text-sm font-medium text-slate-800">{name}</span>
              <div className="flex-1 space-y-2">
                {intervals.length === 0 ? <p className="pt-2 text-sm text-slate-500">Closed</p> : null}
                {intervals.map((interval, index) => {
                  const prefix = `weekly-${day}-${index}`;
                  const startError = issues[`weekly.${day}.${index}.start`];
                  const endError = issues[`weekly.${day}.${index}.end`];
                  const overlap = issues[`weekly.${day}.${index}`];
                  const update = (patch: Partial<Interval>) =>
                    setDay(
                      day,
                      intervals.map((x, i) => (i === index ? { ...x, ...patch } : x)),
                    );
                  return (
                    <div key={index} className="space-y-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <label htmlFor={`${prefix}-start`} className="sr-only">
                          {name} interval {index + 1} opens
                        </label>
                        <Input
                          id={`${prefix}-start`}
                          className="w-24!"
                          inputMode="numeric"
                          placeholder="09:00"
                          value={interval.start}
                          onChange={(e) => update({ start: e.target.value })}
                          aria-invalid={Boolean(startError || overlap)}
                        />
                        <span aria-hidden="true">–</span>
                        <label htmlFor={`${prefix}-end`} className="sr-only">
                          {name} interval {index + 1} closes
                        </label>
                        <Input
                          id={`${prefix}-end`}
                          className="w-24!"
                          inputMode="numeric"
                          placeholder="17:00"
                          value={interval.end}
                          onChange={(e) => update({ end: e.target.value })}
                          aria-invalid={Boolean(endError || overlap)}
                        />
                        {isOvernight(interval) ? (
                          <span className="text-xs text-slate-500">overnight, closes next day</span>
                        ) : null}
                        <Button
                          type="button"
                          variant="ghost"
                          size="sm"
                          aria-label={`Remove ${name} interval ${index + 1}`}
                          onClick={() =>
                            setDay(
                              day,
                              intervals.filter((_, i) => i !== index),
                            )
                          }
                        >
                          Remove
                        </Button>
                      </div>
                      <FieldError id={`${prefix}-error`} message={startError ?? endError ?? overlap} />
                    </div>
                  );
                })}
              </div>
              <Button
                type="button"
                variant="secondary"
                size="sm"
                className="self-start"
                aria-label={`Add hours on ${name}`}
                onClick={() => setDay(day, [...intervals, intervals.length ? { start: '', end: '' } : { ...OFFICE }])}
              >
                Add hours
              </Button>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
