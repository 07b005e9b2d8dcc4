import type { PortalSession } from '@/server/auth/portal-session';
import type { Logger } from '@/server/log';

export const WORKSPACE_COOKIE = 'cairn_workspace';
/** A random id for an anonymous help-center reader: one vote per article, and rate limits per reader. */
export const VISITOR_COOKIE = 'cairn_visitor';
export const PORTAL_WORKSPACE_HEADER = 'x-cairn-portal';

type CookieOptions = {
  maxAge?: number;
  httpOnly?: boolean;
  sameSite?: 'lax' | 'strict';
  secure?: boolean;
  path?: string;
};

/** Everything a procedure may know about the caller, resolved on the server from the session cookies. */
export type Context = {
  /** The signed-in staff member, from the Auth.js session. */
  userId: string | null;
  /** Which issue of that session (its JWT id): cached answers about the caller are keyed on it. */
  sessionVersion?: string | null;
  /** The staff session the request came with, so a person can tell it apart and end the others. */
  sessionId: string | null;
  /** The workspace the staff member last chose; only a hint, checked against memberships. */
  preferredWorkspaceId: string | null;
  /** The customer signed in to the portal the request came from. */
  portal: PortalSession | null;
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
