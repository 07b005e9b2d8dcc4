import 'server-only';
import type { MemberRole } from '@/lib/constants/workspace';
import { portalCookieName, verifyPortalSession } from '@/server/auth/portal-session';
import { readStaffSession } from '@/server/auth/staff-session';
import { resolveMembership } from '@/server/services/member/resolve-membership';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';
import type { WidgetIdentity } from '@/lib/validators/widget';
import { verifyWidgetIdentity, type VerifiedVisitor } from '@/server/services/widget/widget-identity';
import type { WidgetSettings } from '@/server/services/widget/widget-settings';
import { isUuid } from '@/lib/utils/uuid';

export const WORKSPACE_COOKIE = 'cairn_workspace';
/** A random id for an anonymous help-center reader: one vote per article, and rate limits per reader. */
export const VISITOR_COOKIE = 'cairn_visitor';
/** Sent by portal and help pages: which workspace's portal cookie speaks for the caller. */
export const PORTAL_WORKSPACE_HEADER = 'x-cairn-portal';

export type CookieReader = (name: string) => string | undefined;
export type Membership = { tenantId: string; role: MemberRole };

/** A signed-in staff member, with their membership in the workspace they chose, looked up on use. */
export type StaffCaller = {
  kind: 'staff';
  userId: string;
  /** The staff session the request came with, so a person can tell it apart and end the others. */
  sessionId: string | null;
  /** Which issue of that session (its JWT id): cached answers about the caller are keyed on it. */
  sessionVersion: string | null;
  /** The workspace the staff member last chose: only a hint, checked against their memberships. */
  preferredWorkspaceId: string | null;
  /** The membership in that workspace, or their first one; null when they belong to none. */
  membership: () => Promise<Membership | null>;
};

/**
 * A customer signed in to one workspace's portal. `onlyTicketId` set: the session came from a ticket's
 * signed link and reaches that ticket only. Whether the customer still exists (not erased) is checked in
 * the tenant transaction that uses it (server/auth/active-customer.ts), not here.
 */
export type CustomerCaller = { kind: 'customer'; tenantId: string; customerId: string; onlyTicketId: string | null };

/** An anonymous help-center reader who already holds our visitor cookie. */
export type VisitorCaller = { kind: 'visitor'; visitorId: string };

/**
 * A visitor of the embedded support panel. The panel runs in a third-party iframe where cookies are not
 * dependable, so the host's identity travels with each call and is verified here against the workspace's
 * widget secrets: `verified` null means anonymous, whatever was claimed. `claimed` may only prefill a form
 * (when the workspace does not require verification); it never opens anyone's tickets.
 */
export type WidgetVisitorCaller = {
  kind: 'widget';
  tenantId: string;
  verified: VerifiedVisitor | null;
  claimed: { email: string | null; name: string | null } | null;
};

export function resolveWidgetVisitor(
  tenantId: string,
  settings: Pick<WidgetSettings, 'secret' | 'previousSecret' | 'requireVerifiedIdentity'>,
  identity: WidgetIdentity | null | undefined,
): WidgetVisitorCaller {
  const verified = verifyWidgetIdentity(settings, identity);
  const trustsClaims = !settings.secret || !settings.requireVerifiedIdentity;
  const claimed =
    identity && (verified || trustsClaims) ? { email: identity.email ?? null, name: identity.name ?? null } : null;
  return { kind: 'widget', tenantId, verified, claimed };
}

export type Caller = StaffCaller | CustomerCaller | VisitorCaller | { kind: 'anonymous' };

/** What resolveCaller reads: a fetch Request, or the headers and cookies Next gives a server component. */
export type CallerRequest = {
  headers: Headers;
  /** Defaults to the Cookie header. */
  readCookie?: CookieReader;
  /** A Request's URL: plain links (file downloads) cannot send headers, so a portal page adds ?portal=slug. */
  url?: string;
  /** The portal a route under /[workspace]/portal belongs to: its path names the workspace. */
  portal?: string;
};

export function cookieReader(headers: Headers): CookieReader {
  const jar = new Map<string, string>();
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const raw = part.slice(index + 1).trim();
    try {
      jar.set(part.slice(0, index).trim(), decodeURIComponent(raw));
    } catch {
      // A malformed escape in someone else's cookie must not turn the request into a 500.
      jar.set(part.slice(0, index).trim(), raw);
    }
  }
  return (name) => jar.get(name);
}

/**
 * Builds a staff caller. The membership is looked up when a procedure needs it, not for every request:
 * resolveMembership keeps the answer a few seconds per session, so a batch of calls pays one lookup, and a
 * role change made in this process applies to the very next call (a long-lived context included).
 */
export function staffCaller(session: Omit<StaffCaller, 'kind' | 'membership'>): StaffCaller {
  return {
    kind: 'staff',
    ...session,
    membership: () => resolveMembership(session.userId, session.preferredWorkspaceId, session.sessionVersion),
  };
}

/** Any client can send any value here: it only labels a reader, so anything but a uuid is ignored. */
export function readVisitorId(readCookie: CookieReader) {
  const value = readCookie(VISITOR_COOKIE)?.toLowerCase();
  return value && isUuid(value) ? value : null;
}

const SLUG = /^[a-z0-9-]{1,40}$/;

/** The portal the request names: the route's own, the header its pages send, or ?portal= on a plain link. */
function portalSlugOf(request: CallerRequest) {
  const named =
    request.portal ||
    request.headers.get(PORTAL_WORKSPACE_HEADER) ||
    (request.url ? new URL(request.url).searchParams.get('portal') : null);
  // An empty value names no portal, as before: the request is then read for a staff session.
  return named ? named.toLowerCase() : null;
}

/** The customer session from the cookie of that workspace's portal, when that workspace issued it. */
async function readCustomer(slug: string, readCookie: CookieReader): Promise<CustomerCaller | null> {
  if (!SLUG.test(slug)) return null;
  const session = await verifyPortalSession(readCookie(portalCookieName(slug)));
  if (!session) return null;
  // A token minted for another workspace (say, one that used this slug before) is no session here.
  const workspace = await findWorkspaceBySlug(slug);
  if (workspace?.id !== session.tenantId) return null;
  return {
    kind: 'customer',
    tenantId: session.tenantId,
    customerId: session.customerId,
    onlyTicketId: session.ticketId ?? null,
  };
}

/**
 * Who is calling, decided once for tRPC's context, server components and every route handler.
 * A request that names a portal speaks as that portal's customer or nobody: the staff session is not
 * consulted there, since being an agent does not make someone a customer. Anything else speaks as the
 * staff member whose session cookie (and live session row) it carries. Failing both, an anonymous reader.
 */
export async function resolveCaller(request: CallerRequest): Promise<Caller> {
  const readCookie = request.readCookie ?? cookieReader(request.headers);
  const portalSlug = portalSlugOf(request);
  if (portalSlug !== null) {
    const customer = await readCustomer(portalSlug, readCookie);
    if (customer) return customer;
  } else {
    // The session cookie decrypted directly (server/auth/staff-session.ts), not through auth(): most of the
    // per-request floor was Auth.js's full round for what is one JWE decryption.
    const session = await readStaffSession(readCookie);
    if (session)
      return staffCaller({
        userId: session.userId,
        sessionId: session.sessionId,
        sessionVersion: session.version,
        preferredWorkspaceId: readCookie(WORKSPACE_COOKIE) ?? null,
      });
  }
  const visitorId = readVisitorId(readCookie);
  return visitorId ? { kind: 'visitor', visitorId } : { kind: 'anonymous' };
}
