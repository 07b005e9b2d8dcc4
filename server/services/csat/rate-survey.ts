import { eq } from 'drizzle-orm';
import { isRatingOnScale, type CsatChannel } from '@/lib/constants/csat';
import type { CsatResponseInput } from '@/lib/validators/csat';
import { csatRatingEvents, csatSurveys, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { recordEvent } from '@/server/services/outbox/record-event';
import { surveyState, surveyTicketColumns, type CsatSurvey } from './survey-round';

/** What a rating changed; the survey page and the portal show the survey as it now stands. */
export type RatingOutcome = { survey: CsatSurvey; ratingChanged: boolean };

/**
 * Records a rating on a survey (locked, so two clicks at once are applied one after the other). A rating
 * that differs from the current one adds a row to the history; a comment or answers given without one
 * keep what was there. `csat.received` goes to the outbox in this transaction whenever the rating or the
 * comment changed (`previousRating` tells a change from a first rating, for the rollups and rules).
 * `ignoreExpiry`: the signed-in portal customer is not held to the mail link's lifetime.
 */
export async function rateSurvey(
  scope: TenantScope,
  surveyId: string,
  response: CsatResponseInput,
  options: { channel: CsatChannel; ignoreExpiry?: boolean },
): Promise<RatingOutcome> {
  const [survey] = await scope.db.select().from(csatSurveys).where(eq(csatSurveys.id, surveyId)).for('update');
  if (!survey) throw new AppError('NOT_FOUND', 'This survey was not found. Open the link from your email again.');
  const [ticket] = await scope.db.select(surveyTicketColumns).from(tickets).where(eq(tickets.id, survey.ticketId));
  const state = ticket ? surveyState(survey, ticket) : 'superseded';
  if (state === 'superseded')
    throw new AppError(
      'CONFLICT',
      'This request was reopened after this survey was sent, so the survey has closed. We will ask again once it is solved.',
    );
  if (state === 'expired' && !options.ignoreExpiry)
    throw new AppError(
      'PRECONDITION_FAILED',
      'This survey link has expired. Sign in to the portal to rate the request.',
    );
  if (!isRatingOnScale(survey.scale, response.rating))
    throw new AppError('BAD_REQUEST', 'Choose one of the ratings offered.', { field: 'rating' });
  const unasked = Object.keys(response.answers ?? {}).filter((q) => !survey.questions.includes(q as never));
  if (unasked.length)
    throw new AppError('BAD_REQUEST', `This survey did not ask: ${unasked.join(', ')}. Leave those out.`, {
      field: 'answers',
    });

  const comment = response.comment ?? survey.comment;
  const ratingChanged = survey.rating !== response.rating;
  const commentChanged = comment !== survey.comment;
  const answers = response.answers ? { ...survey.answers, ...response.answers } : survey.answers;
  if (ratingChanged) {
    await scope.db.insert(csatRatingEvents).values({
      tenantId: scope.tenantId,
      surveyId,
      rating: response.rating,
      previousRating: survey.rating,
      channel: options.channel,
    });
  }
  const [updated] = await scope.db
    .update(csatSurveys)
    .set({
      rating: response.rating,
      comment,
      answers,
      ratedAt: ratingChanged ? new Date() : survey.ratedAt,
      updatedAt: new Date(),
    })
    .where(eq(csatSurveys.id, surveyId))
    .returning();
  if (ratingChanged || commentChanged) {
    // The contract with the analytics rollups and the automation rules: keep these names and shapes.
    await recordEvent(scope, 'csat.received', {
      ticketId: survey.ticketId,
      rating: response.rating,
      scale: survey.scale,
      previousRating: survey.rating,
      hasComment: comment.length > 0,
      agentId: ticket!.assigneeId,
      teamId: ticket!.teamId,
    });
  }
  return { survey: updated!, ratingChanged };
}
