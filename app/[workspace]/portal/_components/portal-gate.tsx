import type { ReactNode } from 'react';
import { PortalSignInForm } from '@/components/portal/portal-sign-in-form';
import { PORTAL_LINK_TTL_MINUTES, portalSignInErrorMessage } from '@/lib/constants/portal';
import type { CustomerCaller } from '@/server/auth/resolve-caller';
import { pageCaller } from '@/server/trpc/rsc';
import { linksFor, type PublicWorkspace } from '../../_lib/workspace';

type Props = {
  workspace: PublicWorkspace;
  /** Where the sign-in link should land: this page's `/{slug}/portal/...` path. */
  next?: string;
  /** The ?error= code from a failed sign-in link. */
  error?: string | string[];
  /**
   * The page needs a full account session: a session from one ticket's email link reaches that ticket
   * only (the server refuses anything else), so such visitors are asked to sign in instead.
   * `exceptTicketId`: the page shows that ticket, so a link session for it is enough.
   */
  requireAccount?: { reason: string; exceptTicketId?: string };
  /** Content, or a function of the session for pages that behave differently under a one-ticket link. */
  children: ReactNode | ((session: CustomerCaller) => ReactNode);
};

/**
 * Each portal page wraps its content in this (rather than the layout checking once): layouts are not
 * re-rendered on client navigation, pages are. The data itself is still guarded by portalProcedure.
 */
export async function PortalGate({ workspace, next, error, requireAccount, children }: Props) {
  // The portal's own cookie only: being signed in as staff does not make someone a customer here.
  const caller = await pageCaller(workspace.slug);
  const session = caller.kind === 'customer' ? caller : null;
  const linkTooNarrow = Boolean(
    requireAccount && session?.onlyTicketId && session.onlyTicketId !== requireAccount.exceptTicketId,
  );
  if (session && !linkTooNarrow) return typeof children === 'function' ? children(session) : children;
  return (
    <PortalSignInForm
      workspaceSlug={workspace.slug}
      workspaceName={workspace.name}
      next={next}
      linkMinutes={PORTAL_LINK_TTL_MINUTES}
      errorMessage={portalSignInErrorMessage(error)}
      notice={session ? requireAccount?.reason : undefined}
      guestRequestHref={(await linksFor(workspace.slug)).submitRequest}
    />
  );
}
