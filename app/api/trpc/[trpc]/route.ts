import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { REQUEST_ID_HEADER, requestIdOf } from '@/server/request-id';
import { cookieReader } from '@/server/auth/resolve-caller';
import { appRouter } from '@/server/routers/_app';
import { createRequestContext, serializeCookie } from '@/server/trpc/request-context';

// Latency is recorded per procedure (server/trpc/init.ts), not here: one batch carries several.
const handler = (req: Request) => {
  // One id for the context's logger and the response header, so a client can quote it in a report.
  const headers = new Headers(req.headers);
  const requestId = requestIdOf(headers);
  headers.set(REQUEST_ID_HEADER, requestId);
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
};

export { handler as GET, handler as POST };
