import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import { toPublicPath } from '@/lib/utils/customer-paths';
import { CUSTOM_DOMAIN_HEADER } from '@/lib/utils/domain-rewrite';
import { openTicketLink } from '@/server/auth/portal-links';
import { portalCookieName, signPortalSession, TICKET_LINK_DAYS } from '@/server/auth/portal-session';
import { resolveCaller } from '@/server/auth/resolve-caller';
import { withRouteMetrics } from '@/server/metrics/http';

type Params = { params: Promise<{ workspace: string }> };

function redirectTo(path: string) {
  return new NextResponse(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}

/**
 * The link in a ticket's notification emails: opens that one ticket without an account. It grants a
 * session limited to the ticket; a customer already signed in to this portal keeps their full session.
 */
async function handleGet(request: NextRequest, { params }: Params) {
  const slug = (await params).workspace.toLowerCase();
  if (!WORKSPACE_SLUG_PATTERN.test(slug)) return new NextResponse('Not found', { status: 404 });
  const onCustomDomain = request.headers.get(CUSTOM_DOMAIN_HEADER) === slug;
  const link = await openTicketLink(slug, request.nextUrl.searchParams.get('token'));
  if (!link) return redirectTo(toPublicPath(`/${slug}/portal?error=link`, slug, onCustomDomain));

  const response = redirectTo(toPublicPath(`/${slug}/portal/tickets/${link.ticketId}`, slug, onCustomDomain));
  const current = await resolveCaller({ headers: request.headers, portal: slug });
  const hasFullSession =
    current.kind === 'customer' &&
    !current.onlyTicketId &&
    current.tenantId === link.tenantId &&
    current.customerId === link.customerId;
  if (!hasFullSession) {
    response.cookies.set(portalCookieName(slug), await signPortalSession(link), {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.APP_URL.startsWith('https://'),
      path: '/',
      maxAge: TICKET_LINK_DAYS * 24 * 60 * 60,
    });
  }
  return response;
}

export const GET = withRouteMetrics('/[workspace]/portal/access', handleGet);
