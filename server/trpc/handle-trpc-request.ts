import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { checkRequestOrigin } from '@/server/auth/request-origin';
import { cookieReader } from '@/server/auth/resolve-caller';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/request-id';
import { appRouter } from '@/server/routers/_app';
import { createRequestContext, serializeCookie } from './request-context';

/**
 * Every tRPC call over HTTP, whoever serves it: Next's route (app/api/trpc) or, in production, our own Node
 * server before Next (server/trpc/serve-node.ts), which spares each call Next's routing. The origin check is
 * here as well as in proxy.ts because the second path never reaches the proxy.
 */
export async function handleTrpcRequest(req: Request): Promise<Response> {
  const verdict = await checkRequestOrigin(req);
  if (!verdict.allowed) return Response.json({ error: verdict.message }, { status: 403 });
  // One id for the context's logger and the response header, so a client can quote it in a report.
  const headers = new Headers(req.headers);
  const requestId = requestIdOf(headers);
  headers.set(REQUEST_ID_HEADER, requestId);
  // Latency is recorded per procedure (server/trpc/init.ts), not here: one batch carries several.
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => {
      resHeaders.set(REQUEST_ID_HEADER, requestId);
      return createRequestContext(headers, cookieReader(req.headers), (name, value, options) =>
        resHeaders.append('set-cookie', serializeCookie(name, value, options)),
      );
    },
  });
}
