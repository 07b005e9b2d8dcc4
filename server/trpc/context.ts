import type { Caller } from '@/server/auth/resolve-caller';
import type { Logger } from '@/server/log';

export { PORTAL_WORKSPACE_HEADER, VISITOR_COOKIE, WORKSPACE_COOKIE } from '@/server/auth/resolve-caller';

type CookieOptions = {
  maxAge?: number;
  httpOnly?: boolean;
  sameSite?: 'lax' | 'strict';
  secure?: boolean;
  path?: string;
};

/** Everything a procedure may know about the caller, resolved on the server from the session cookies. */
export type Context = {
  /** Who is calling (staff, customer, visitor or anonymous), as server/auth/resolve-caller.ts decided. */
  caller: Caller;
  /** The client's address as server/auth/client-ip.ts resolves it; what rate limits key on. */
  ip: string;
  /** The anonymous reader's id from VISITOR_COOKIE (a uuid), or null before the first vote. */
  visitorId: string | null;
  /** Ties this request's log lines together (x-request-id); answered back in the same header. */
  requestId: string;
  /** Carries requestId, and workspaceId once a tenant procedure has resolved it. Ids only, never personal data. */
  log: Logger;
  setCookie: (name: string, value: string, options?: CookieOptions) => void;
};
