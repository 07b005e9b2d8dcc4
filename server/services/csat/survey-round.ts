import { and, eq, sql } from 'drizzle-orm';
import { csatSurveys, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { recordEvent } from '@/server/services/outbox/record-event';
import { getCsatSettings } from './settings';

export type CsatSurvey = typeof csatSurveys.$inferSelect;
export type SurveyTicket = {
  id: string;
  status: string;
  solvedAt: Date | null;
  requesterId: string;
  assigneeId: string | null;
  teamId: string | null;
};

/** A solved request can be rated, and stays rateable once closed: closing only ends the conversation. */
const RATEABLE_STATUSES = new Set(['solved', 'closed']);

/**
 * Whether a survey still asks about the ticket as it is: a survey belongs to one solve round, and a
 * reopened ticket (no longer solved, or solved again since) has moved past it. Links also expire.
 */
export function surveyState(survey: CsatSurvey, ticket: SurveyTicket, now = new Date()) {
  const current = RATEABLE_STATUSES.has(ticket.status) && ticket.solvedAt?.getTime() === survey.solvedAt.getTime();
  if (!current) return 'superseded' as const;
  return survey.expiresAt <= now ? ('expired' as const) : ('open' as const);
}

export const surveyTicketColumns = {
  id: tickets.id,
  status: tickets.status,
  solvedAt: tickets.solvedAt,
  requesterId: tickets.requesterId,
  assigneeId: tickets.assigneeId,
  teamId: tickets.teamId,
};

export async function loadSurveyTicket(scope: TenantScope, ticketId: string): Promise<SurveyTicket | null> {
  const [ticket] = await scope.db.select(surveyTicketColumns).from(tickets).where(eq(tickets.id, ticketId));
  return ticket ?? null;
}

export async function findRoundSurvey(scope: TenantScope, ticket: SurveyTicket) {
  if (!ticket.solvedAt) return null;
  const [survey] = await scope.db
    .select()
    .from(csatSurveys)
    .where(and(eq(csatSurveys.ticketId, ticket.id), eq(csatSurveys.solvedAt, ticket.solvedAt)));
  return survey ?? null;
}

/**
 * The survey of the ticket's current solve round, created the first time it is asked for (the solved
 * mail, or the customer rating in the portal first) with the workspace's scale, questions and link
 * lifetime at that moment. Creating it records `csat.requested` in the same transaction. Null when the
 * ticket is not solved, or surveys are off and none was sent for this round.
 */
export async function openSurvey(scope: TenantScope, ticket: SurveyTicket): Promise<CsatSurvey | null> {
  if (!RATEABLE_STATUSES.has(ticket.status) || !ticket.solvedAt) return null;
  const existing = await findRoundSurvey(scope, ticket);
  if (existing) return existing;
  const settings = await getCsatSettings(scope);
  if (!settings.enabled) return null;
  const [created] = await scope.db
    .insert(csatSurveys)
    .values({
      tenantId: scope.tenantId,
      ticketId: ticket.id,
      customerId: ticket.requesterId,
      solvedAt: ticket.solvedAt,
      scale: settings.scale,
      questions: settings.questions,
      expiresAt: sql`now() + make_interval(days => ${settings.linkDays})`,
    })
    // Two callers at once (a dispatch retried while the portal rates): one row, one event.
    .onConflictDoNothing({ target: [csatSurveys.tenantId, csatSurveys.ticketId, csatSurveys.solvedAt] })
    .returning();
  if (!created) return findRoundSurvey(scope, ticket);
  await recordEvent(scope, 'csat.requested', { ticketId: ticket.id });
  return created;
}
