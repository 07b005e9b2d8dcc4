import { and, eq, inArray } from 'drizzle-orm';
import { CSAT_BAD_AT_MOST, CSAT_SCALES, csatLabel, type CsatScale } from '@/lib/constants/csat';
import { ADMIN_ROLES } from '@/lib/constants/workspace';
import { env } from '@/lib/env';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { csatBadRatingEmail } from '@/emails/csat-bad-rating';
import { csatSurveys, memberships, teams, tickets, users } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { addManyToOutbox } from '@/server/services/outbox/add-to-outbox';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { getTicketSettings } from '@/server/services/ticket/settings';
import { notificationMailId } from './mail-id';
import { workspaceSender } from './sender';

const isBad = (rating: unknown) => typeof rating === 'number' && rating <= CSAT_BAD_AT_MOST;

/** The team's lead; without a team or a lead, the workspace's admins, so a bad rating never goes unheard. */
async function leadsOf(scope: TenantScope, teamId: string | null) {
  if (teamId) {
    const [lead] = await scope.db
      .select({ email: users.email, teamName: teams.name })
      .from(teams)
      .innerJoin(users, eq(users.id, teams.leadUserId))
      .where(eq(teams.id, teamId));
    if (lead) return { teamName: lead.teamName, people: [{ email: lead.email }] };
  }
  const admins = await scope.db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, scope.tenantId), inArray(memberships.role, [...ADMIN_ROLES])));
  return { teamName: null, people: admins };
}

/**
 * A `csat.received` that makes the rating bad (a first bad rating, or a good one changed to bad) mails the
 * team lead, through the outbox like every notification; a comment added to a bad rating, or a bad rating
 * changed to another bad one, mails nobody twice. Mail ids derive from the event, so a rerun adds none.
 */
export async function notifyBadRating(scope: TenantScope, event: DomainEvent & { id: string }) {
  const { data } = event;
  if (!isBad(data.rating) || isBad(data.previousRating)) return [];
  const [ticket] = await scope.db.select().from(tickets).where(eq(tickets.id, data.ticketId));
  if (!ticket) return [];
  const [survey] = await scope.db
    .select({ comment: csatSurveys.comment })
    .from(csatSurveys)
    .where(and(eq(csatSurveys.ticketId, ticket.id), eq(csatSurveys.solvedAt, ticket.solvedAt ?? new Date(0))));
  const { teamName, people } = await leadsOf(scope, typeof data.teamId === 'string' ? data.teamId : null);
  if (!people.length) return [];
  const sender = await workspaceSender(scope);
  const settings = await getTicketSettings(scope);
  const scale: CsatScale = (CSAT_SCALES as readonly unknown[]).includes(data.scale)
    ? (data.scale as CsatScale)
    : 'five';
  const rendered = await csatBadRatingEmail({
    brand: sender.brand,
    ticketNumber: formatTicketNumber(settings, ticket.number, ticket.createdAt),
    subject: ticket.subject,
    ratingLabel: csatLabel(scale, data.rating as number),
    comment: survey?.comment ?? '',
    teamName,
    url: `${env.APP_URL}/agent/tickets/${ticket.id}`,
  });
  await addManyToOutbox(
    scope,
    'email',
    people.map((person) => ({
      id: notificationMailId(event.id, 'csat_bad_rating', person.email),
      payload: {
        to: person.email,
        ...rendered,
        from: sender.from,
        headers: { 'Auto-Submitted': 'auto-generated' },
      },
    })),
  );
  return people.map((p) => p.email);
}
