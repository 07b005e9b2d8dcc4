'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Card } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { saveCalendarInput } from '@/lib/validators/sla';
import { useTRPC } from '@/lib/trpc/client';
import { EditorActions } from './editor-actions';
import { HolidaysEditor } from './holidays-editor';
import { issueMap, type IssueMap } from './issue-map';
import { TimeZoneInput } from './time-zone-input';
import { PRESETS, WeeklyHoursEditor, type Weekly } from './weekly-hours-editor';

type Draft = { name: string; timeZone: string; weekly: Weekly; holidays: string[] };

function CalendarForm({ calendarId, initial }: { calendarId?: string; initial: Draft }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(initial);
  const [issues, setIssues] = useState<IssueMap>({});
  // A new calendar starts in the admin's own zone; read after mounting, since the server cannot know it.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!calendarId && zone) setDraft((d) => (d.timeZone === 'UTC' ? { ...d, timeZone: zone } : d));
  }, [calendarId]);
  const save = useMutation(
    trpc.businessCalendar.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.businessCalendar.list.queryKey() });
        router.push('/admin/sla');
      },
    }),
  );
  const server = formErrors(save.error, ['name', 'timeZone'] as const);
  const nameError = issues.name ?? server.fields.name;
  const zoneError = issues.timeZone ?? server.fields.timeZone;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { calendarId, calendar: draft };
    // The procedure's own schema, run first here so each message lands beside its input.
    const parsed = saveCalendarInput.safeParse(input);
    setIssues(parsed.success ? {} : issueMap(parsed.error, 1));
    if (parsed.success) save.mutate(input);
  }

  const issueCount = Object.keys(issues).length;
  return (
    <Card className="p-4 sm:p-6">
      <form
        onSubmit={onSubmit}
        className="space-y-6"
        noValidate
        aria-label={calendarId ? 'Edit calendar' : 'New calendar'}
      >
        {issueCount ? (
          <Alert>Fix the {issueCount === 1 ? 'field' : `${issueCount} fields`} marked below, then save again.</Alert>
        ) : null}
        {server.message ? <Alert>{server.message}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="calendar-name" label="Name" error={nameError}>
            <Input
              id="calendar-name"
              value={draft.name}
              placeholder="Berlin office hours"
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              aria-invalid={Boolean(nameError)}
              aria-describedby={nameError ? 'calendar-name-error' : undefined}
            />
          </Field>
          <Field id="calendar-zone" label="Time zone" hint="IANA name; start typing for suggestions." error={zoneError}>
            <TimeZoneInput
              id="calendar-zone"
              value={draft.timeZone}
              onChange={(timeZone) => setDraft({ ...draft, timeZone })}
              invalid={Boolean(zoneError)}
            />
          </Field>
        </div>
        <WeeklyHoursEditor
          weekly={draft.weekly}
          onChange={(weekly) => setDraft({ ...draft, weekly })}
          issues={issues}
        />
        <HolidaysEditor
          calendarId={calendarId}
          holidays={draft.holidays}
          onChange={(holidays) => setDraft({ ...draft, holidays })}
          issues={issues}
        />
        <EditorActions what="calendar" pending={save.isPending} />
      </form>
    </Card>
  );
}

/** Create (no id) or edit a business-hours calendar. */
export function CalendarEditor({ calendarId }: { calendarId?: string }) {
  const trpc = useTRPC();
  const calendars = useQuery({ ...trpc.businessCalendar.list.queryOptions(), enabled: Boolean(calendarId) });
  if (!calendarId) {
    return <CalendarForm initial={{ name: '', timeZone: 'UTC', weekly: PRESETS.office!.weekly(), holidays: [] }} />;
  }
  if (calendars.isPending) return <SkeletonList rows={4} label="Loading calendar" />;
  const calendar = calendars.data?.find((c) => c.id === calendarId);
  if (!calendar) {
    return (
      <Alert>
        This calendar no longer exists.{' '}
        <Link href="/admin/sla" className="underline">
          Back to SLA settings
        </Link>
      </Alert>
    );
  }
  return (
    <CalendarForm
      calendarId={calendar.id}
      initial={{
        name: calendar.name,
        timeZone: calendar.timeZone,
        weekly: calendar.weekly,
        holidays: calendar.holidays,
      }}
    />
  );
}
