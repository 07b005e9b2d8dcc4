import { errors, jwtVerify, SignJWT } from 'jose';
import { authSecret } from './secret';

/**
 * The one-click rating links of the solved mail. Each link is a JWT (HS256, the server secret) naming the
 * workspace, the survey (one ticket's one solve round) and the rating it gives; its own audience, so no
 * other token of ours (portal session, ticket link) can stand in for it, nor it for them.
 */
const CSAT_LINK_AUDIENCE = 'cairn-csat';

export type CsatLink = { tenantId: string; surveyId: string; rating: number | null };
export type CsatLinkCheck = { ok: true; link: CsatLink } | { ok: false; reason: 'invalid' | 'expired' };

const key = () => new TextEncoder().encode(authSecret());

export function signCsatLink(link: CsatLink, expiresAt: Date) {
  return new SignJWT({ tid: link.tenantId, ...(link.rating === null ? {} : { r: link.rating }) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(link.surveyId)
    .setAudience(CSAT_LINK_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key());
}

/** Expired is told apart from forged or damaged: the customer gets a page that says which. */
export async function verifyCsatLink(token: string): Promise<CsatLinkCheck> {
  try {
    const { payload } = await jwtVerify(token, key(), { audience: CSAT_LINK_AUDIENCE, algorithms: ['HS256'] });
    const rating = payload.r;
    if (typeof payload.sub !== 'string' || typeof payload.tid !== 'string') return { ok: false, reason: 'invalid' };
    if (rating !== undefined && !(Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= 5))
      return { ok: false, reason: 'invalid' };
    return {
      ok: true,
      link: { tenantId: payload.tid, surveyId: payload.sub, rating: (rating as number | undefined) ?? null },
    };
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
}
