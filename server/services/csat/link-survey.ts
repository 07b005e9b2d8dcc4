import { eq } from 'drizzle-orm';
import type { CsatResponseInput } from '@/lib/validators/csat';
import { verifyCsatLink, type CsatLink } from '@/server/auth/csat-link';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { csatSurveys, tickets } from '@/server/db/schema';
import { runInTenant, type TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import { rateSurvey } from './rate-survey';
import { surveyState, surveyTicketColumns } from './survey-round';
import { customerSurvey, type CustomerSurvey } from './survey-view';

/**
 * What the survey page shows for a link. Never an error for a bad link: `invalid` (forged, damaged, another
 * workspace's), `expired` and `superseded` (the request was reopened) each get their own clear page.
 */
export type LinkSurveyView =
  { state: 'invalid' | 'expired' | 'superseded' } | { state: 'open'; survey: CustomerSurvey; recorded: boolean };

type OpenLink = { link: CsatLink; tenantId: string };

/**
 * A link is good here only if this workspace signed it: a token replayed under another slug opens nothing.
 * Counted per address and per token before the signature is checked, so probing for tokens is slow too.
 */
async function openLink(slug: string, token: string, ip: string): Promise<OpenLink | LinkSurveyView> {
  await consumeRateLimit('csatLinkPerIp', ip);
  await consumeRateLimit('csatLinkPerToken', token);
  const checked = await verifyCsatLink(token);
  if (!checked.ok) return { state: checked.reason };
  const workspace = await findWorkspaceBySlug(slug);
  if (!workspace || workspace.id !== checked.link.tenantId) return { state: 'invalid' };
  return { link: checked.link, tenantId: workspace.id };
}

async function surveyOfLink(scope: TenantScope, link: CsatLink) {
  const [row] = await scope.db
    .select({ survey: csatSurveys, ticket: surveyTicketColumns })
    .from(csatSurveys)
    .innerJoin(tickets, eq(tickets.id, csatSurveys.ticketId))
    .where(eq(csatSurveys.id, link.surveyId));
  return row ?? null;
}

/** Reads the survey a link points at, changing nothing: the page's GET, safe for mail scanners to fetch. */
export async function viewSurveyByLink(slug: string, token: string, ip: string): Promise<LinkSurveyView> {
  const opened = await openLink(slug, token, ip);
  if ('state' in opened) return opened;
  return runInTenant(opened.tenantId, async (scope) => {
    const row = await surveyOfLink(scope, opened.link);
    if (!row) return { state: 'invalid' };
    const state = surveyState(row.survey, row.ticket);
    if (state !== 'open') return { state };
    return { state: 'open', survey: await customerSurvey(scope, row.survey), recorded: false };
  });
}

/**
 * Records what a link says: the one-click rating it carries (`response` absent, from the page's automatic
 * POST), or the customer's edit on the survey page. Expired or superseded links record nothing.
 */
export async function rateByLink(
  link: { slug: string; token: string; ip: string },
  response?: CsatResponseInput,
): Promise<LinkSurveyView> {
  const opened = await openLink(link.slug, link.token, link.ip);
  if ('state' in opened) return opened;
  const rating = response?.rating ?? opened.link.rating;
  if (rating === null)
    throw new AppError('BAD_REQUEST', 'Choose a rating before sending the survey.', { field: 'rating' });
  return runInTenant(opened.tenantId, async (scope) => {
    const row = await surveyOfLink(scope, opened.link);
    if (!row) return { state: 'invalid' };
    const state = surveyState(row.survey, row.ticket);
    if (state !== 'open') return { state };
    const outcome = await rateSurvey(
      scope,
      row.survey.id,
      { ...response, rating },
      { channel: response ? 'survey_page' : 'mail_link' },
    );
    return { state: 'open', survey: await customerSurvey(scope, outcome.survey), recorded: true };
  });
}
