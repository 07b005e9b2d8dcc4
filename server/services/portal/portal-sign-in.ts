import { and, eq, gt, isNull } from 'drizzle-orm';
import { env } from '@/lib/env';
import { PORTAL_LINK_TTL_MINUTES, safePortalPath } from '@/lib/constants/portal';
import { signInLinkEmail } from '@/emails/sign-in-link';
import { customerLoginTokens } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import { createLinkToken, hashLinkToken } from '@/server/services/auth/tokens';
import { upsertCustomerByEmail } from '@/server/services/customer/customers';
import { addToOutbox } from '@/server/services/outbox/add-to-outbox';
import { findWorkspaceBySlug } from '@/server/services/workspace/queries';

/** Emails a single-use sign-in link. Answers the same whether or not the address is known. */
export async function requestPortalLink(input: { workspace: string; email: string; next?: string }) {
  const workspace = await findWorkspaceBySlug(input.workspace);
  if (!workspace) throw new AppError('NOT_FOUND', 'This help center does not exist. Check the address.');
  await runInTenant(workspace.id, async (scope) => {
    const { token, hash } = createLinkToken();
    await scope.db.insert(customerLoginTokens).values({
      tenantId: workspace.id,
      email: input.email,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + PORTAL_LINK_TTL_MINUTES * 60_000),
    });
    const url = new URL(`/${workspace.slug}/portal/auth`, env.APP_URL);
    url.searchParams.set('token', token);
    url.searchParams.set('next', safePortalPath(workspace.slug, input.next));
    const mail = await signInLinkEmail({
      brand: { name: workspace.name, ...workspace.branding },
      url: url.toString(),
      expiresInMinutes: PORTAL_LINK_TTL_MINUTES,
      audience: 'customer',
    });
    await addToOutbox(scope, 'email', { to: input.email, ...mail, printLinksLocally: true });
  });
  return { sent: true as const };
}

/** Spends the link: stamped used in the same transaction that finds or creates the customer. */
export async function verifyPortalLink(input: { workspace: string; token: string }) {
  const workspace = await findWorkspaceBySlug(input.workspace);
  if (!workspace) throw new AppError('NOT_FOUND', 'This help center does not exist. Check the address.');
  return runInTenant(workspace.id, async (scope) => {
    const [row] = await scope.db
      .update(customerLoginTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(customerLoginTokens.tokenHash, hashLinkToken(input.token)),
          isNull(customerLoginTokens.usedAt),
          gt(customerLoginTokens.expiresAt, new Date()),
        ),
      )
      .returning();
    if (!row)
      throw new AppError('UNAUTHORIZED', 'This sign-in link has expired or was already used. Ask for a new one.');
    const customer = await upsertCustomerByEmail(scope, { email: row.email });
    return { tenantId: workspace.id, slug: workspace.slug, customerId: customer.id };
  });
}
