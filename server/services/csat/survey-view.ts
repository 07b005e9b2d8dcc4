import { eq } from 'drizzle-orm';
import type { CsatAnswers } from '@/server/db/schema';
import { tickets } from '@/server/db/schema';
import type { CsatQuestion, CsatScale } from '@/lib/constants/csat';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import type { TenantScope } from '@/server/db/tenant';
import { getTicketSettings } from '@/server/services/ticket/settings';
import type { CsatSurvey } from './survey-round';

/** A survey as the customer sees it: what they were asked and what they answered, nothing of the desk's. */
export type CustomerSurvey = {
  ticket: { displayNumber: string; subject: string };
  scale: CsatScale;
  questions: CsatQuestion[];
  rating: number | null;
  comment: string;
  answers: CsatAnswers;
};

type SurveyFields = Pick<CsatSurvey, 'ticketId' | 'scale' | 'questions' | 'rating' | 'comment' | 'answers'>;

export async function customerSurvey(scope: TenantScope, survey: SurveyFields): Promise<CustomerSurvey> {
  const settings = await getTicketSettings(scope);
  const [ticket] = await scope.db
    .select({ number: tickets.number, subject: tickets.subject, createdAt: tickets.createdAt })
    .from(tickets)
    .where(eq(tickets.id, survey.ticketId));
  return {
    ticket: {
      displayNumber: ticket ? formatTicketNumber(settings, ticket.number, ticket.createdAt) : '',
      subject: ticket?.subject ?? '',
    },
    scale: survey.scale,
    questions: survey.questions,
    rating: survey.rating,
    comment: survey.comment,
    answers: survey.answers,
  };
}
