import type { CsatResponseInput } from '@/lib/validators/csat';
import { notFound } from '@/server/errors';
import { getPortalSurvey, rateInPortal } from '@/server/services/csat/portal-survey';
import { visitorCustomer } from './visitor-conversations';
import type { WidgetScope } from './with-widget';

/**
 * The satisfaction survey in the panel's "my conversations": the portal's own survey and rating, for the
 * customer the verified visitor is (same reach check, same one-rating-per-round, same csat.received). An
 * anonymous, unsigned or forged visitor is nobody: "not found", whatever ticket it names.
 */
async function surveyCustomer(scope: WidgetScope) {
  const customer = await visitorCustomer(scope);
  if (!customer) throw notFound('The conversation');
  return { id: customer.id };
}

export async function getWidgetSurvey(scope: WidgetScope, ticketId: string) {
  return getPortalSurvey(scope, await surveyCustomer(scope), ticketId);
}

export async function rateInWidget(scope: WidgetScope, input: { ticketId: string; response: CsatResponseInput }) {
  return rateInPortal(scope, await surveyCustomer(scope), input, 'widget');
}
