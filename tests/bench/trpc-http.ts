import { encode } from 'next-auth/jwt';
import superjson from 'superjson';
import { startStaffSession } from '@/server/services/auth/sessions';
import { WORKSPACE_COOKIE } from '@/server/trpc/context';

// Calls tRPC the way the browser's httpLink does, one procedure per request (no batching): GET with a
// superjson-encoded `input` for queries, POST with a JSON body for mutations. Node's fetch keeps
// connections alive, so the figures are per-request cost, not connection set-up. Mutations carry the
// Origin a browser on the app's own pages sends, which proxy.ts's cross-site check requires.

/**
 * An Auth.js session cookie for the user, as the sign-in would set it (JWT sessions, plain http): with the
 * `sessions` row the sign-in records, since every request checks that row (server/auth/staff-session.ts).
 */
export async function staffCookie(user: { id: string; email: string; name: string }, tenantId: string, secret: string) {
  const salt = 'authjs.session-token';
  const sid = await startStaffSession({ userId: user.id, userAgent: 'cairn-bench', ip: '127.0.0.1' });
  const jwt = await encode({
    token: { sub: user.id, uid: user.id, sid, email: user.email, name: user.name },
    secret,
    salt,
    maxAge: 86_400,
  });
  return `${salt}=${jwt}; ${WORKSPACE_COOKIE}=${tenantId}`;
}

export class TrpcError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${path} answered HTTP ${status}: ${body.slice(0, 400)}`);
  }
}

export class TrpcHttp {
  private readonly origin: string;

  constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
  ) {
    // The server runs with APP_URL = baseUrl, so this is the app's own origin.
    this.origin = new URL(baseUrl).origin;
  }

  private async read<T>(path: string, res: Response): Promise<T> {
    const text = await res.text();
    if (!res.ok) throw new TrpcError(path, res.status, text);
    const body = JSON.parse(text) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    return superjson.deserialize<T>(body.result.data);
  }

  /** The HTTP status only, for calls expected to be refused. */
  async status(path: string): Promise<number> {
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}`, {
      headers: this.cookie ? { cookie: this.cookie } : {},
      signal: AbortSignal.timeout(30_000),
    });
    await res.text();
    return res.status;
  }

  async query<T>(path: string, input?: unknown): Promise<T> {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}${query}`, {
      headers: { cookie: this.cookie },
      signal: AbortSignal.timeout(30_000),
    });
    return this.read<T>(path, res);
  }

  async mutation<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}`, {
      method: 'POST',
      headers: { cookie: this.cookie, 'content-type': 'application/json', origin: this.origin },
      body: JSON.stringify(superjson.serialize(input)),
      signal: AbortSignal.timeout(30_000),
    });
    return this.read<T>(path, res);
  }
}
