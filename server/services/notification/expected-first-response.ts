import { DEFAULT_SLA_TARGETS, describeDuration } from '@/lib/constants/sla';
import type { TicketPriority } from '@/lib/constants/ticket';
import type { TenantScope } from '@/server/db/tenant';

/**
 * What the confirmation mail promises. For now the default target by priority; the SLA policy's due time
 * replaces this (same signature) once policies exist. Business hours are not counted here.
 */
export async function expectedFirstResponse(_scope: TenantScope, ticket: { priority: TicketPriority; createdAt: Date }) {
  const minutes = DEFAULT_SLA_TARGETS[ticket.priority].firstResponse;
  return { dueAt: new Date(ticket.createdAt.getTime() + minutes * 60_000), text: describeDuration(minutes) };
}
