'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Field, Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { labelledOptions, SelectOptions } from '@/components/ui/select-field';
import type { WorkingHours } from '@/lib/assignment/working-hours';
import { AGENT_AVAILABILITY, type AgentAvailability } from '@/lib/constants/assignment';
import { useTRPC } from '@/lib/trpc/client';
import { cn } from '@/lib/utils/cn';

const LABELS: Record<AgentAvailability, string> = { available: 'Available', away: 'Away' };
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** One end of the working hours. */
function TimeField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field id={id} label={label} className="flex-1">
      <Input id={id} type="time" value={value} onChange={(e) => onChange(e.target.value)} className="h-8" />
    </Field>
  );
}

function WorkingHoursForm({
  hours,
  onSave,
  saving,
}: {
  hours: WorkingHours | null;
  onSave: (hours: WorkingHours | null) => void;
  saving: boolean;
}) {
  const [timeZone, setTimeZone] = useState(hours?.timeZone ?? browserZone());
  const [days, setDays] = useState<number[]>(hours?.days ?? [1, 2, 3, 4, 5]);
  const [start, setStart] = useState(hours?.start ?? '09:00');
  const [end, setEnd] = useState(hours?.end ?? '17:00');
  const toggle = (day: number) => setDays((d) => (d.includes(day) ? d.filter((x) => x !== day) : [...d, day]));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSave({ timeZone, days, start, end });
  }

  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
      <fieldset>
        <legend className="text-xs font-medium text-slate-600">Days</legend>
        <div className="mt-1 flex flex-wrap gap-1">
          {DAYS.map((label, day) => (
            <label key={label} className="flex items-center gap-1 text-xs text-slate-700">
              <input type="checkbox" checked={days.includes(day)} onChange={() => toggle(day)} />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex gap-2">
        <TimeField id="my-hours-start" label="From" value={start} onChange={setStart} />
        <TimeField id="my-hours-end" label="To" value={end} onChange={setEnd} />
      </div>
      <Field id="my-hours-zone" label="Zone of these hours">
        <Input id="my-hours-zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} className="h-8" />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={saving}>
          {saving ? 'Saving…' : 'Save hours'}
        </Button>
        {hours ? (
          <Button type="button" size="sm" variant="ghost" disabled={saving} onClick={() => onSave(null)}>
            No set hours
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The agent's own status in the menu: only available agents (and within their hours, when set) receive
 * tickets from their teams' assignment policies.
 */
export function AvailabilityStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.assignment.myAvailability.queryOptions());
  const save = useMutation(
    trpc.assignment.setMyAvailability.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.assignment.myAvailability.queryKey(), data),
    }),
  );
  if (current.isPending) return <div className="h-10 animate-pulse rounded-md bg-slate-100" aria-hidden="true" />;
  if (current.isError) return <ErrorAlert error={current.error} onRetry={() => current.refetch()} />;
  const { availability, workingHours } = current.data;

  return (
    <div className="space-y-1">
      <label htmlFor="my-availability" className="flex items-center gap-2 text-xs font-medium text-slate-600">
        <span
          aria-hidden="true"
          className={cn('h-2 w-2 rounded-full', availability === 'available' ? 'bg-emerald-500' : 'bg-slate-400')}
        />
        Availability
      </label>
      <Select
        id="my-availability"
        value={availability}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ availability: e.target.value as AgentAvailability, workingHours })}
        className="h-9"
      >
        <SelectOptions options={labelledOptions(AGENT_AVAILABILITY, LABELS)} />
      </Select>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer rounded-md py-1">
          {workingHours
            ? `Hours: ${workingHours.days.map((d) => DAYS[d]).join(', ')} ${workingHours.start}–${workingHours.end}`
            : 'Working hours: any time'}
        </summary>
        <WorkingHoursForm
          hours={workingHours}
          saving={save.isPending}
          onSave={(hours) => save.mutate({ availability, workingHours: hours })}
        />
      </details>
      {save.error ? <ErrorAlert error={save.error} /> : null}
    </div>
  );
}
