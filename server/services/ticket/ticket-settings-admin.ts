import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { ticketNumberFormatInput } from '@/lib/validators/ticket';
import { ticketCounters, type TicketSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { syncAutoCloseRule } from '@/server/services/automation/auto-close-rule';
import { getTicketSettings, updateTicketSettings } from './settings';

/** How the next ticket will be numbered, so the settings page shows the format before it is saved. */
async function withPreview(scope: TenantScope, settings: TicketSettings) {
  const [counter] = await scope.db
    .select({ lastNumber: ticketCounters.lastNumber })
    .from(ticketCounters)
    .where(eq(ticketCounters.tenantId, scope.tenantId));
  return { ...settings, nextNumberPreview: formatTicketNumber(settings, (counter?.lastNumber ?? 0) + 1, new Date()) };
}

export async function getTicketSettingsForAdmin(scope: TenantScope) {
  return withPreview(scope, await getTicketSettings(scope));
}

/**
 * Numbers are stored bare and formatted when read, so a new format applies to every ticket at once,
 * old ones included; links by number keep working because they resolve the bare number.
 */
export async function updateTicketNumberFormat(scope: TenantScope, input: z.output<typeof ticketNumberFormatInput>) {
  const saved = await updateTicketSettings(scope, {
    prefix: input.prefix,
    includeYear: input.includeYear,
    padding: input.padding,
    suffix: input.suffix,
    autoCloseAfterDays: input.autoCloseAfterDays,
  });
  // The auto-close days are the built-in time rule's hours: the rule is what closes tickets.
  await syncAutoCloseRule(scope, input.autoCloseAfterDays);
  return withPreview(scope, saved);
}
