import { env } from '@/lib/env';
import { csatChoices } from '@/lib/constants/csat';
import { signCsatLink } from '@/server/auth/csat-link';
import type { CsatSurvey } from './survey-round';

/**
 * The survey page of a link: under the portal, so a workspace's custom domain serves it too. `record=1`
 * asks the page to post the link's rating once it runs in a browser (the GET itself records nothing).
 */
export async function surveyPageUrl(workspaceSlug: string, token: string) {
  const url = new URL(`/${workspaceSlug}/portal/rate`, env.APP_URL);
  url.searchParams.set('token', token);
  url.searchParams.set('record', '1');
  return url.toString();
}

/** One signed link per choice of the survey's scale, each expiring with the survey. */
export function ratingLinks(workspaceSlug: string, tenantId: string, survey: CsatSurvey) {
  return Promise.all(
    csatChoices(survey.scale).map(async (choice) => ({
      label: choice.label,
      url: await surveyPageUrl(
        workspaceSlug,
        await signCsatLink({ tenantId, surveyId: survey.id, rating: choice.rating }, survey.expiresAt),
      ),
    })),
  );
}
