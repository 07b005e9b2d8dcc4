'use client';

import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input } from '@/components/ui/input';
import { parseIcsHolidays } from '@/lib/business-hours';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { FieldError, type IssueMap } from './issue-map';

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () =>
      reject(new Error('That file could not be read. Try saving it again and choose it once more.'));
    reader.readAsText(file);
  });
}

/**
 * Closed dates: added one by one or imported from an iCal file. A saved calendar imports on the server
 * (importHolidays), which stores them at once; a calendar not saved yet reads the file here with the same
 * parser, and the dates are saved with it.
 */
export function HolidaysEditor({
  calendarId,
  holidays,
  onChange,
  issues,
}: {
  calendarId?: string;
  holidays: string[];
  onChange: (holidays: string[]) => void;
  issues: IssueMap;
}) {
  const trpc = useTRPC();
  const [date, setDate] = useState('');
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const importHolidays = useMutation(trpc.businessCalendar.importHolidays.mutationOptions());
  const merge = (dates: string[]) => [...new Set([...holidays, ...dates])].sort();

  async function onFile(file: File | undefined) {
    setNotice(null);
    if (!file) return;
    try {
      const ics = await readFile(file);
      if (calendarId) {
        const result = await importHolidays.mutateAsync({ calendarId, ics });
        onChange(merge(result.calendar.holidays));
        setNotice({
          tone: 'success',
          text: `Found ${result.found} all-day events; ${result.added} new holidays added and saved.`,
        });
      } else {
        const found = parseIcsHolidays(ics);
        if (!found.length)
          throw new Error(
            'No all-day events found in that file. Export the holidays as an iCal (.ics) calendar of all-day events.',
          );
        const next = merge(found);
        onChange(next);
        setNotice({
          tone: 'success',
          text: `Found ${found.length} all-day events; ${next.length - holidays.length} new holidays added. Save the calendar to keep them.`,
        });
      }
    } catch (error) {
      setNotice({ tone: 'error', text: describeError(error).message });
    } finally {
      if (fileRef.current) fileRef.current.value = '';
    }
  }

  const listError = Object.entries(issues).find(([key]) => key === 'holidays' || key.startsWith('holidays.'))?.[1];
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-slate-700">Holidays</legend>
      <p className="text-xs text-slate-500">
        Closed all day, whatever the weekly hours say. Dates are in the calendar&apos;s time zone.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div>
          <label htmlFor="holiday-date" className="mb-1 block text-sm text-slate-700">
            Date
          </label>
          <Input
            id="holiday-date"
            type="date"
            className="sm:w-44!"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <Button
          type="button"
          variant="secondary"
          disabled={!date}
          onClick={() => {
            onChange(merge([date]));
            setDate('');
          }}
        >
          Add holiday
        </Button>
        <div className="sm:ml-auto">
          <label htmlFor="holiday-ics" className="mb-1 block text-sm text-slate-700">
            Import from an iCal (.ics) file
          </label>
          <input
            ref={fileRef}
            id="holiday-ics"
            type="file"
            accept=".ics,text/calendar"
            disabled={importHolidays.isPending}
            onChange={(e) => void onFile(e.target.files?.[0])}
            className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
          />
        </div>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <FieldError id="holidays-error" message={listError} />
      {holidays.length === 0 ? (
        <p className="text-sm text-slate-500">No holidays yet.</p>
      ) : (
        <ul aria-label="Holidays" className="flex max-h-60 flex-wrap gap-2 overflow-y-auto">
          {holidays.map((day) => (
            <li
              key={day}
              className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-1 pl-3 pr-1 font-mono text-xs text-slate-800"
            >
              {day}
              <button
                type="button"
                className="rounded-full px-2 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                aria-label={`Remove holiday ${day}`}
                onClick={() => onChange(holidays.filter((h) => h !== day))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
