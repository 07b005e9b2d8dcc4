import { POST as trpcPost } from '@/app/api/trpc/[trpc]/route';
import { env } from '@/lib/env';

/**
 * A tRPC mutation as the browser's link sends it (POST, superjson body), through the real route handler:
 * context, middlewares, error formatting and HTTP status are all the app's own.
 */
export async function postMutation(path: string, input: unknown, headers: Record<string, string> = {}) {
  const req = new Request(`${env.APP_URL}/api/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ json: input }),
  });
  const res = await trpcPost(req);
  const body = (await res.json()) as {
    error?: { json: { message: string; data: { code: string; fieldErrors?: Record<string, string[]> } } };
    result?: unknown;
  };
  return { status: res.status, error: body.error?.json, result: body.result, setCookie: res.headers.getSetCookie() };
}
