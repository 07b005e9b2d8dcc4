import { eq } from 'drizzle-orm';
import { STATUS_LABELS } from '@/lib/constants/ticket';
import type { MacroValues } from '@/lib/utils/macro-template';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { customers, tenants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { TicketRecord } from '@/server/services/ticket/load-ticket';
import { getTicketSettings } from '@/server/services/ticket/settings';

/**
 * The values of a rule's text placeholders: the same names as macros' ({{ ticket.number }}, {{ customer.name }}…).
 * A rule has no agent; {{ agent.name }} is the workspace's name, as its mails are signed.
 */
export async function rulePlaceholderValues(scope: TenantScope, ticket: TicketRecord): Promise<MacroValues> {
  const settings = await getTicketSettings(scope);
  const [customer] = await scope.db
    .select({ name: customers.name, email: customers.email })
    .from(customers)
    .where(eq(customers.id, ticket.requesterId));
  const [workspace] = await scope.db.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, scope.tenantId));
  return {
    'ticket.number': formatTicketNumber(settings, ticket.number, ticket.createdAt),
    'ticket.subject': ticket.subject,
    'ticket.status': STATUS_LABELS[ticket.status],
    'customer.name': customer?.name || customer?.email,
    'customer.email': customer?.email,
    'agent.name': workspace?.name,
    'workspace.name': workspace?.name,
  };
}
