import type { CsatChannel } from '@/lib/constants/csat';
import type { CsatResponseInput } from '@/lib/validators/csat';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';
import { customerReachesTicket } from '@/server/services/ticket/customer-reach';
import { getCsatSettings } from './settings';
import { rateSurvey } from './rate-survey';
import { findRoundSurvey, loadSurveyTicket, openSurvey, type SurveyTicket } from './survey-round';
import { customerSurvey, type CustomerSurvey } from './survey-view';

type PortalCustomer = { id: string; onlyTicketId?: string | null };

async function customersTicket(scope: TenantScope, customer: PortalCustomer, ticketId: string) {
  const ticket = await loadSurveyTicket(scope, ticketId);
  if (!ticket || !customerReachesTicket({ customerId: customer.id, onlyTicketId: customer.onlyTicketId }, ticket))
    throw notFound('The request');
  return ticket;
}

const solved = (ticket: SurveyTicket) => ticket.solvedAt && (ticket.status === 'solved' || ticket.status === 'closed');

/**
 * The survey on the customer's solved request in the portal: the round's survey when the solved mail sent
 * one, else what it would ask (created only when the customer rates: reading the page writes nothing).
 * Null while the request is not solved, or when surveys are off and none was sent.
 */
export async function getPortalSurvey(
  scope: TenantScope,
  customer: PortalCustomer,
  ticketId: string,
): Promise<CustomerSurvey | null> {
  const ticket = await customersTicket(scope, customer, ticketId);
  if (!solved(ticket)) return null;
  const survey = await findRoundSurvey(scope, ticket);
  if (survey) return customerSurvey(scope, survey);
  const settings = await getCsatSettings(scope);
  if (!settings.enabled) return null;
  return customerSurvey(scope, {
    ticketId,
    scale: settings.scale,
    questions: settings.questions,
    rating: null,
    comment: '',
    answers: {},
  });
}

/**
 * The signed-in customer rates (or re-rates) their solved request; the link's lifetime does not apply. The
 * widget's verified visitor rates through here too, recorded under its own channel.
 */
export async function rateInPortal(
  scope: TenantScope,
  customer: PortalCustomer,
  input: { ticketId: string; response: CsatResponseInput },
  channel: Extract<CsatChannel, 'portal' | 'widget'> = 'portal',
): Promise<CustomerSurvey> {
  const ticket = await customersTicket(scope, customer, input.ticketId);
  if (!solved(ticket))
    throw new AppError('CONFLICT', 'You can rate a request once it is solved. This one is still open.');
  const survey = await openSurvey(scope, ticket);
  if (!survey) throw new AppError('PRECONDITION_FAILED', 'This workspace is not collecting ratings at the moment.');
  const outcome = await rateSurvey(scope, survey.id, input.response, { channel, ignoreExpiry: true });
  return customerSurvey(scope, outcome.survey);
}
