import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { csatRatingEvents, csatSurveys, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { notFound } from '@/server/errors';

/** Every survey of a ticket, newest round first, each with its rating history, for the agent's ticket page. */
export async function getTicketCsat(scope: TenantScope, ticketId: string) {
  const [ticket] = await scope.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) throw notFound('The ticket');
  const surveys = await scope.db
    .select()
    .from(csatSurveys)
    .where(eq(csatSurveys.ticketId, ticketId))
    .orderBy(desc(csatSurveys.solvedAt));
  const history = surveys.length
    ? await scope.db
        .select()
        .from(csatRatingEvents)
        .where(
          inArray(
            csatRatingEvents.surveyId,
            surveys.map((s) => s.id),
          ),
        )
        .orderBy(asc(csatRatingEvents.createdAt))
    : [];
  return surveys.map((survey) => ({
    id: survey.id,
    solvedAt: survey.solvedAt,
    scale: survey.scale,
    questions: survey.questions,
    rating: survey.rating,
    comment: survey.comment,
    answers: survey.answers,
    ratedAt: survey.ratedAt,
    expiresAt: survey.expiresAt,
    history: history
      .filter((h) => h.surveyId === survey.id)
      .map((h) => ({ rating: h.rating, previousRating: h.previousRating, channel: h.channel, at: h.createdAt })),
  }));
}

/**
 * The latest rating of each listed ticket (its newest rated survey), for the queue's rating column: one
 * statement for the page, served by csat_surveys_ticket_idx.
 */
export async function latestRatings(scope: TenantScope, ticketIds: string[]) {
  if (!ticketIds.length) return new Map<string, { rating: number; scale: 'five' | 'good_bad' }>();
  const rows = await scope.db
    .selectDistinctOn([csatSurveys.ticketId], {
      ticketId: csatSurveys.ticketId,
      rating: csatSurveys.rating,
      scale: csatSurveys.scale,
    })
    .from(csatSurveys)
    .where(
      and(
        eq(csatSurveys.tenantId, scope.tenantId),
        inArray(csatSurveys.ticketId, ticketIds),
        sql`${csatSurveys.rating} is not null`,
      ),
    )
    .orderBy(csatSurveys.ticketId, desc(csatSurveys.solvedAt));
  return new Map(rows.map((r) => [r.ticketId, { rating: r.rating!, scale: r.scale }]));
}
