import type { IncomingMessage, ServerResponse } from 'node:http';
import { incomingMessageToRequest } from '@trpc/server/adapters/node-http';
import { NO_FRAMING_HEADER, STATIC_SECURITY_HEADERS } from '@/lib/security/headers';
import { logError } from '@/server/errors';

export const TRPC_PATH = '/api/trpc/';

/** Calls bigger than this are refused (413): a procedure's input is a form, not a file. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A tRPC call answered by our own Node server (scripts/serve-web.ts) instead of Next's router. Next's routing
 * costs several milliseconds a request before any of our code runs, more than a ticket list itself costs,
 * and a procedure needs nothing from it: `handler` is the route of app/api/trpc (handleTrpcRequest, with its
 * origin check), and the headers are the ones next.config.ts gives. The response is streamed as it comes,
 * so subscriptions (server-sent events) work here too.
 */
export async function serveTrpcOverNode(
  handler: (req: Request) => Promise<Response>,
  req: IncomingMessage,
  res: ServerResponse,
) {
  try {
    const response = await handler(incomingMessageToRequest(req, res, { maxBodySize: MAX_BODY_BYTES }));
    res.statusCode = response.status;
    for (const { key, value } of [...STATIC_SECURITY_HEADERS, NO_FRAMING_HEADER]) res.setHeader(key, value);
    for (const [key, value] of response.headers) if (key !== 'set-cookie') res.setHeader(key, value);
    const cookies = response.headers.getSetCookie();
    if (cookies.length) res.setHeader('set-cookie', cookies);
    if (!response.body) return void res.end();
    res.flushHeaders();
    const reader = response.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      // Backpressure: a slow reader of a long subscription must not make us buffer without end.
      if (!res.write(chunk.value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) return void reader.cancel();
    }
    res.end();
  } catch (error) {
    logError({ where: 'serveTrpcOverNode', error });
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ error: 'Something went wrong on our side. Try again in a moment.' }));
    } else res.destroy();
  }
}
