import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { safePortalPath, WORKSPACE_SLUG_PATTERN, type PortalSignInError } from '@/lib/constants/portal';
import { toPublicPath } from '@/lib/utils/customer-paths';
import { CUSTOM_DOMAIN_HEADER } from '@/lib/utils/domain-rewrite';
import { spendPortalSignInLink } from '@/server/auth/portal-links';
import { PORTAL_SESSION_DAYS, portalCookieName } from '@/server/auth/portal-session';
import { AppError, logError } from '@/server/errors';
import { withRouteMetrics } from '@/server/metrics/http';

type Params = { params: Promise<{ workspace: string }> };

/**
 * A relative Location keeps the browser on the host it came to, the one the cookie was just set for
 * (the app host, or the workspace's custom domain). no-store: a redirect that sets a session is never cached.
 */
function redirectTo(path: string) {
  return new NextResponse(null, { status: 303, headers: { Location: path, 'Cache-Control': 'no-store' } });
}

/** The sign-in link from the email: spends the token, sets the portal cookie, lands on `next`. */
async function handleGet(request: NextRequest, { params }: Params) {
  const slug = (await params).workspace.toLowerCase();
  if (!WORKSPACE_SLUG_PATTERN.test(slug)) return new NextResponse('Not found', { status: 404 });

  const onCustomDomain = request.headers.get(CUSTOM_DOMAIN_HEADER) === slug;
  const failed = (code: PortalSignInError) =>
    redirectTo(toPublicPath(`/${slug}/portal?error=${code}`, slug, onCustomDomain));

  const token = request.nextUrl.searchParams.get('token');
  if (!token || token.length > 200) return failed('link');

  try {
    const signedIn = await spendPortalSignInLink(slug, token);
    const next = request.nextUrl.searchParams.get('next') ?? undefined;
    const response = redirectTo(toPublicPath(safePortalPath(signedIn.slug, next), signedIn.slug, onCustomDomain));
    response.cookies.set(portalCookieName(signedIn.slug), signedIn.session, {
      httpOnly: true,
      sameSite: 'lax',
      secure: env.APP_URL.startsWith('https://'),
      path: '/',
      maxAge: PORTAL_SESSION_DAYS * 24 * 60 * 60,
    });
    return response;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'UNAUTHORIZED' || error.code === 'NOT_FOUND'))
      return failed('link');
    // The token is spent in the same transaction that failed, so it is still good for another try.
    logError({ where: 'portal sign-in link', error });
    return failed('unavailable');
  }
}

export const GET = withRouteMetrics('/[workspace]/portal/auth', handleGet);
