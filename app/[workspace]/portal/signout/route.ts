import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import { toPublicPath } from '@/lib/utils/customer-paths';
import { CUSTOM_DOMAIN_HEADER } from '@/lib/utils/domain-rewrite';
import { portalCookieName } from '@/server/auth/portal-session';
import { withRouteMetrics } from '@/server/metrics/http';

/** Clears this workspace's portal cookie (and only it: a staff session on the same host is untouched). */
async function handlePost(request: NextRequest, { params }: { params: Promise<{ workspace: string }> }) {
  const slug = (await params).workspace.toLowerCase();
  if (!WORKSPACE_SLUG_PATTERN.test(slug)) return new NextResponse('Not found', { status: 404 });

  const onCustomDomain = request.headers.get(CUSTOM_DOMAIN_HEADER) === slug;
  // 303 so the browser follows with a GET; relative so it stays on the host the form was posted to.
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: toPublicPath(`/${slug}/portal`, slug, onCustomDomain), 'Cache-Control': 'no-store' },
  });
  response.cookies.set(portalCookieName(slug), '', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.APP_URL.startsWith('https://'),
    path: '/',
    maxAge: 0,
  });
  return response;
}

export const POST = withRouteMetrics('/[workspace]/portal/signout', handlePost);
