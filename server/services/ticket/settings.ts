import { eq } from 'drizzle-orm';
import { DEFAULT_TICKET_NUMBER_FORMAT } from '@/lib/constants/ticket';
import { tenants, type TicketSettings } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';

export const DEFAULT_TICKET_SETTINGS: TicketSettings = { ...DEFAULT_TICKET_NUMBER_FORMAT, autoCloseAfterDays: 4 };

export async function getTicketSettings(scope: TenantScope): Promise<TicketSettings> {
  const [row] = await scope.db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, scope.tenantId));
  return { ...DEFAULT_TICKET_SETTINGS, ...row?.settings.tickets };
}

export async function updateTicketSettings(scope: TenantScope, input: TicketSettings) {
  const [row] = await scope.db
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, scope.tenantId));
  await scope.db
    .update(tenants)
    .set({ settings: { ...row?.settings, tickets: input }, updatedAt: new Date() })
    .where(eq(tenants.id, scope.tenantId));
  return input;
}
