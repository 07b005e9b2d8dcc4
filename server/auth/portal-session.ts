import { jwtVerify, SignJWT } from 'jose';
import { authSecret } from './secret';

/**
 * Customers get their own cookie, one per workspace, signed with an audience staff tokens never carry:
 * a customer session cannot reach staff procedures and a staff session is not a customer session.
 */
export const PORTAL_AUDIENCE = 'cairn-portal';
export const PORTAL_SESSION_DAYS = 30;

export const portalCookieName = (slug: string) => `cairn_portal_${slug}`;

/** `ticketId` set: a session from a ticket's signed link, limited to that one ticket. */
export type PortalSession = { tenantId: string; customerId: string; ticketId?: string | null };

const key = () => new TextEncoder().encode(authSecret());

export function signPortalSession(session: PortalSession) {
  return new SignJWT({ tid: session.tenantId, ...(session.ticketId ? { tkt: session.ticketId } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(session.customerId)
    .setAudience(PORTAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${PORTAL_SESSION_DAYS}d`)
    .sign(key());
}

export async function verifyPortalSession(token: string | undefined): Promise<PortalSession | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { audience: PORTAL_AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return null;
    return {
      tenantId: payload.tid,
      customerId: payload.sub,
      ticketId: typeof payload.tkt === 'string' ? payload.tkt : null,
    };
  } catch {
    return null;
  }
}

const TICKET_LINK_AUDIENCE = 'cairn-ticket-link';
export const TICKET_LINK_DAYS = 30;

/** The token in a notification email's link: one ticket, one customer, expiring. */
export function signTicketLink(link: { tenantId: string; customerId: string; ticketId: string }) {
  return new SignJWT({ tid: link.tenantId, tkt: link.ticketId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(link.customerId)
    .setAudience(TICKET_LINK_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TICKET_LINK_DAYS}d`)
    .sign(key());
}

export async function verifyTicketLink(token: string | null | undefined) {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key(), { audience: TICKET_LINK_AUDIENCE, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string' || typeof payload.tkt !== 'string')
      return null;
    return { tenantId: payload.tid, customerId: payload.sub, ticketId: payload.tkt };
  } catch {
    return null;
  }
}
