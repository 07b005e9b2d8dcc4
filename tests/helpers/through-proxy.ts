import { NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { proxy } from '@/proxy';

/**
 * A request the way Next serves it: proxy.ts first, and the route handler only when the proxy lets the
 * request through (NextResponse.next()). The handler gets the request as the proxy forwarded it.
 */
export async function throughProxy(
  path: string,
  init: ConstructorParameters<typeof NextRequest>[1],
  handler: (req: NextRequest) => Promise<Response>,
) {
  const request = new NextRequest(new URL(path, env.APP_URL), init);
  const early = await proxy(request);
  if (early.headers.get('x-middleware-next') !== '1') return { response: early as Response, reachedHandler: false };
  return { response: await handler(request), reachedHandler: true };
}

/** Headers a browser sends with a form post or fetch from a page of `origin`. */
export const fromPage = (origin: string, site: 'same-origin' | 'same-site' | 'cross-site' = 'cross-site') => ({
  origin,
  'sec-fetch-site': site,
});

export const appOrigin = () => new URL(env.APP_URL).origin;
