import { saveCalendarInput, saveSlaPolicyInput, type SaveSlaPolicyInput } from '@/lib/validators/sla';
import { runInTenant } from '@/server/db/tenant';
import { saveCalendar } from '@/server/services/sla/calendars';
import { saveSlaPolicy } from '@/server/services/sla/policies';
import { uniqueSuffix } from './factories';

// SLA test data through the same services and input schemas the admin pages use.

const WEEKDAYS_9_TO_5 = [[], ...Array.from({ length: 5 }, () => [{ start: '09:00', end: '17:00' }]), []];

export function createTestCalendar(
  workspaceId: string,
  opts: {
    name?: string;
    timeZone?: string;
    weekly?: Array<Array<{ start: string; end: string }>>;
    holidays?: string[];
  } = {},
) {
  const input = saveCalendarInput.parse({
    calendar: {
      name: opts.name ?? `Hours ${uniqueSuffix()}`,
      timeZone: opts.timeZone ?? 'Europe/Berlin',
      weekly: opts.weekly ?? WEEKDAYS_9_TO_5,
      holidays: opts.holidays ?? [],
    },
  });
  return runInTenant(workspaceId, (scope) => saveCalendar(scope, input));
}

/**
 * A policy for every ticket unless conditions say otherwise; targets default to 60 min first response for every
 * priority.
 */
export function createTestPolicy(workspaceId: string, opts: Partial<SaveSlaPolicyInput> = {}) {
  const everyPriority = { first_response: 60, next_response: 60, resolution: 480 };
  const input = saveSlaPolicyInput.parse({
    name: `Policy ${uniqueSuffix()}`,
    targets: { low: everyPriority, normal: everyPriority, high: everyPriority, urgent: everyPriority },
    ...opts,
  });
  return runInTenant(workspaceId, (scope) => saveSlaPolicy(scope, input));
}
