import { asc, eq } from 'drizzle-orm';
import { parseIcsHolidays, type BusinessCalendarInput } from '@/lib/business-hours';
import { businessCalendarSchema, MAX_HOLIDAYS } from '@/lib/business-hours/schema';
import { businessCalendars, slaPolicies } from '@/server/db/schema';
import { withUniqueViolationAs } from '@/server/db/errors';
import { insertInWorkspace } from '@/server/db/insert-in-workspace';
import { deleteExisting } from '@/server/db/exists-in-workspace';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import { requestWorkspaceRecompute } from './recompute-workspace-sla';

export function listCalendars(scope: TenantScope) {
  return scope.db.select().from(businessCalendars).orderBy(asc(businessCalendars.name));
}

const nameTaken = (name: string) =>
  new AppError('CONFLICT', `A calendar called "${name}" already exists. Choose another name.`, { field: 'name' });

/** Creates or replaces a calendar; clocks on it are recomputed by the worker, since due times move with it. */
export async function saveCalendar(
  scope: TenantScope,
  input: { calendarId?: string; calendar: BusinessCalendarInput & { name?: string } },
) {
  const calendar = businessCalendarSchema.parse(input.calendar);
  const values = {
    name: calendar.name!,
    timeZone: calendar.timeZone,
    weekly: calendar.weekly,
    holidays: calendar.holidays,
    updatedAt: new Date(),
  };
  const calendarId = input.calendarId;
  return withUniqueViolationAs(
    () => nameTaken(values.name),
    async () => {
      if (!calendarId) return insertInWorkspace(scope, businessCalendars, values);
      const [row] = await scope.db
        .update(businessCalendars)
        .set(values)
        .where(eq(businessCalendars.id, calendarId))
        .returning();
      if (!row) throw notFound('The calendar');
      requestWorkspaceRecompute(scope);
      return row;
    },
  );
}

/** Refused while a policy counts on it: deleting it would silently switch those policies to 24×7. */
export async function deleteCalendar(scope: TenantScope, input: { calendarId: string }) {
  const users = await scope.db
    .select({ name: slaPolicies.name })
    .from(slaPolicies)
    .where(eq(slaPolicies.calendarId, input.calendarId));
  if (users.length) {
    throw new AppError(
      'PRECONDITION_FAILED',
      `This calendar is used by ${users.map((p) => `"${p.name}"`).join(', ')}. Give those policies another calendar first.`,
    );
  }
  await deleteExisting(scope, businessCalendars.id, input.calendarId, 'The calendar');
  return { deleted: true as const, calendarId: input.calendarId };
}

/** Adds the all-day events of an iCal feed as holidays; the dates already there stay. */
export async function importCalendarHolidays(scope: TenantScope, input: { calendarId: string; ics: string }) {
  const [calendar] = await scope.db.select().from(businessCalendars).where(eq(businessCalendars.id, input.calendarId));
  if (!calendar) throw notFound('The calendar');
  const imported = parseIcsHolidays(input.ics);
  if (!imported.length)
    throw new AppError(
      'BAD_REQUEST',
      'No all-day events found in that file. Export the holidays as an iCal (.ics) calendar of all-day events.',
    );
  const holidays = [...new Set([...calendar.holidays, ...imported])].sort();
  if (holidays.length > MAX_HOLIDAYS)
    throw new AppError(
      'BAD_REQUEST',
      `That would make ${holidays.length} holidays; ${MAX_HOLIDAYS} is the most. Remove past years first.`,
    );
  const [row] = await scope.db
    .update(businessCalendars)
    .set({ holidays, updatedAt: new Date() })
    .where(eq(businessCalendars.id, input.calendarId))
    .returning();
  requestWorkspaceRecompute(scope);
  return { calendar: row!, added: holidays.length - calendar.holidays.length, found: imported.length };
}
