import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { invitationEmail } from '@/emails/invitation';
import { invitations, memberships, users } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { isUniqueViolation } from '@/server/db/errors';
import { AppError, notFound } from '@/server/errors';
import { createLinkToken, hashLinkToken } from '@/server/services/auth/tokens';
import { hashPassword } from '@/server/services/auth/password';
import { addToOutbox } from '@/server/services/outbox/add-to-outbox';
import { getWorkspace } from '@/server/services/workspace/update-workspace';
import type { StaffScope } from '@/server/services/types';
import type { MemberRole } from '@/lib/constants/workspace';

export const INVITATION_TTL_DAYS = 7;

export function listInvitations(scope: StaffScope) {
  return scope.db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(eq(invitations.tenantId, scope.tenantId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
}

export async function createInvitation(
  scope: StaffScope,
  input: { email: string; role: Exclude<MemberRole, 'owner'> },
) {
  const [alreadyMember] = await scope.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, input.email));
  if (alreadyMember)
    throw new AppError('CONFLICT', `${input.email} is already a member of this workspace.`, { field: 'email' });

  // A new invitation replaces any open one for the same address, so only the latest link works.
  await scope.db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.email, input.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));

  const { token, hash } = createLinkToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000);
  const [invitation] = await scope.db
    .insert(invitations)
    .values({
      tenantId: scope.tenantId,
      email: input.email,
      role: input.role,
      tokenHash: hash,
      invitedById: scope.actor.userId,
      expiresAt,
    })
    .returning();

  const workspace = await getWorkspace(scope);
  const [inviter] = await scope.db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, scope.actor.userId));
  const inviteUrl = `${env.APP_URL}/invite/${token}`;
  const mail = await invitationEmail({
    brand: { name: workspace.name, ...workspace.branding },
    inviterName: inviter?.name || inviter?.email || 'A teammate',
    role: input.role,
    url: inviteUrl,
    expiresInDays: INVITATION_TTL_DAYS,
  });
  await addToOutbox(scope, 'email', { to: input.email, ...mail, printLinksLocally: true });
  return {
    id: invitation!.id,
    email: invitation!.email,
    role: invitation!.role,
    expiresAt: invitation!.expiresAt,
    inviteUrl,
  };
}

export async function revokeInvitation(scope: StaffScope, input: { invitationId: string }) {
  const [row] = await scope.db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, input.invitationId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (!row) throw notFound('The open invitation');
  return { revoked: true as const, invitationId: row.id };
}

async function tenantOfToken(token: string) {
  const hash = hashLinkToken(token);
  const result = await runWithoutTenant((tx) =>
    tx.execute<{ tenant_id: string | null }>(sql`select cairn_invitation_tenant(${hash}) as tenant_id`),
  );
  const tenantId = result.rows[0]?.tenant_id;
  if (!tenantId)
    throw new AppError('NOT_FOUND', 'This invitation link is not valid. Ask your admin to send a new one.');
  return { tenantId, hash };
}

function openInvitationOrThrow(row: typeof invitations.$inferSelect | undefined) {
  if (!row) throw new AppError('NOT_FOUND', 'This invitation link is not valid. Ask your admin to send a new one.');
  if (row.acceptedAt) throw new AppError('PRECONDITION_FAILED', 'This invitation was already used. Sign in instead.');
  if (row.revokedAt)
    throw new AppError('PRECONDITION_FAILED', 'This invitation was withdrawn. Ask your admin for a new one.');
  if (row.expiresAt.getTime() < Date.now())
    throw new AppError('PRECONDITION_FAILED', 'This invitation has expired. Ask your admin to send a new one.');
  return row;
}

/** What the invitation page shows before anyone signs in. */
export async function describeInvitation(token: string) {
  const { tenantId, hash } = await tenantOfToken(token);
  return runInTenant(tenantId, async (scope) => {
    const [row] = await scope.db.select().from(invitations).where(eq(invitations.tokenHash, hash));
    const invitation = openInvitationOrThrow(row);
    const workspace = await getWorkspace(scope);
    const [existing] = await scope.db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email));
    return {
      workspaceName: workspace.name,
      workspaceSlug: workspace.slug,
      email: invitation.email,
      role: invitation.role,
      hasAccount: Boolean(existing),
    };
  });
}

/**
 * Accepts once: the row is locked and stamped in the same transaction that adds the membership.
 * A person with an account must be signed in as the invited address; a new person sets a password.
 */
export async function acceptInvitation(
  input: { token: string; name?: string; password?: string },
  signedInUserId: string | null,
) {
  const { tenantId, hash } = await tenantOfToken(input.token);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  try {
    return await runInTenant(
      tenantId,
      async (scope) => {
        const [row] = await scope.db.select().from(invitations).where(eq(invitations.tokenHash, hash)).for('update');
        const invitation = openInvitationOrThrow(row);
        const [existing] = await scope.db.select().from(users).where(eq(users.email, invitation.email));
        let userId: string;
        if (existing) {
          if (existing.id !== signedInUserId) {
            throw new AppError('UNAUTHORIZED', `Sign in as ${invitation.email} to accept this invitation.`);
          }
          userId = existing.id;
        } else {
          if (!input.name || !passwordHash)
            throw new AppError('BAD_REQUEST', 'Enter your name and a password to create your account.');
          const [created] = await scope.db
            .insert(users)
            .values({ name: input.name, email: invitation.email, passwordHash, emailVerified: new Date() })
            .returning({ id: users.id });
          userId = created!.id;
        }
        await scope.db.insert(memberships).values({ tenantId, userId, role: invitation.role });
        await scope.db.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
        return { workspaceId: tenantId, email: invitation.email, userId };
      },
      signedInUserId,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'memberships_tenant_user_key'))
      throw new AppError('CONFLICT', 'You are already a member of this workspace.');
    throw error;
  }
}
