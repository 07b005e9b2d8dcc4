import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/routers/_app';
import { createRequestContext, serializeCookie } from '@/server/trpc/request-context';

function readCookies(req: Request) {
  const jar = new Map<string, string>();
  for (const part of (req.headers.get('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  return (name: string) => jar.get(name);
}

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createRequestContext(req.headers, readCookies(req), (name, value, options) => resHeaders.append('set-cookie', serializeCookie(name, value, options))),
  });

export { handler as GET, handler as POST };
