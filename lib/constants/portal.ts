/** Why a portal sign-in failed, passed as ?error= from the auth route to the sign-in page. */
export const PORTAL_SIGN_IN_ERRORS = {
  link: 'This sign-in link has expired or was already used. Ask for a new one.',
  unavailable: "We couldn't sign you in just now. Open the link again in a minute, or ask for a new one.",
} as const;
export type PortalSignInError = keyof typeof PORTAL_SIGN_IN_ERRORS;

export function portalSignInErrorMessage(code: string | string[] | undefined): string | undefined {
  if (typeof code !== 'string' || !Object.hasOwn(PORTAL_SIGN_IN_ERRORS, code)) return undefined;
  return PORTAL_SIGN_IN_ERRORS[code as PortalSignInError];
}

/** Workspace slugs as they may appear in a URL; anything else is a 404 without asking the database. */
export const WORKSPACE_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** How long a portal sign-in link stays good; the sign-in form tells the customer. */
export const PORTAL_LINK_TTL_MINUTES = 20;

/** Keeps `next` on this workspace's portal so a sign-in link can't be used as an open redirect. */
export function safePortalPath(slug: string, next: string | undefined) {
  const base = `/${slug}/portal`;
  return next && next.startsWith(`${base}/`) && !next.includes('//') ? next : base;
}
