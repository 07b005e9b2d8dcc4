import { eq, inArray } from 'drizzle-orm';
import { SLA_METRICS, SLA_METRIC_LABELS, type SlaMetric } from '@/lib/constants/sla';
import { env } from '@/lib/env';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { slaEscalationEmail } from '@/emails/sla-escalation';
import { tickets, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { addManyToOutbox } from '@/server/services/outbox/add-to-outbox';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { getTicketSettings } from '@/server/services/ticket/settings';
import { workspaceSender } from './sender';

const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const metricOf = (value: unknown) =>
  (SLA_METRICS as readonly unknown[]).includes(value) ? (value as SlaMetric) : null;

/**
 * The mail of an `sla.escalated` event to the agents its level names (the escalation run recorded who is
 * still in the workspace), in the workspace's own sender and brand as its ticket notifications use. The
 * same mail path as every notification: the event's consumer writes the outbox rows, the email job sends.
 */
export async function notifySlaEscalation(scope: TenantScope, event: DomainEvent) {
  const { data } = event;
  const userIds = strings(data.notifiedUserIds);
  const metric = metricOf(data.metric);
  if (!userIds.length || !metric) return [];
  const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, data.ticketId));
  const people = await scope.db.select({ email: users.email }).from(users).where(inArray(users.id, userIds));
  if (!ticket || !people.length) return [];
  const sender = await workspaceSender(scope);
  const settings = await getTicketSettings(scope);
  const dueAt = typeof data.dueAt === 'string' ? data.dueAt.replace('T', ' ').slice(0, 16) + ' UTC' : 'not set';
  const mails = await Promise.all(
    people.map(async (person) => ({
      payload: {
        to: person.email,
        ...(await slaEscalationEmail({
          brand: sender.brand,
          ticketNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
          subject: ticket.subject,
          metricLabel: SLA_METRIC_LABELS[metric],
          trigger: data.trigger === 'at_risk' ? 'at_risk' : 'breach',
          level: typeof data.level === 'number' ? data.level : 1,
          policyName: typeof data.policyName === 'string' ? data.policyName : 'SLA policy',
          dueAt,
          url: `${env.APP_URL}/agent/tickets/${ticket.id}`,
        })),
        from: sender.from,
        headers: { 'Auto-Submitted': 'auto-generated' },
      },
    })),
  );
  await addManyToOutbox(scope, 'email', mails);
  return people.map((p) => p.email);
}
