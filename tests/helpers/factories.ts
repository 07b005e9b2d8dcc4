import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { MemberRole } from '@/lib/constants/workspace';
import { memberships, teamMembers, users, workspaceDomains } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { createCustomer, createOrganization } from '@/server/services/customer/customers';
import { addDomain } from '@/server/services/domain/domains';
import { createInvitation } from '@/server/services/invitation/invitations';
import { createTeam } from '@/server/services/team/teams';
import type { Actor, StaffScope } from '@/server/services/types';
import { signUpWithWorkspace } from '@/server/services/workspace/create-workspace';

// Test data through the same services the app uses. Every email, slug and name carries a random suffix so
// files and repeated runs never collide on unique keys.

export const TEST_PASSWORD = 'correct horse battery staple';

export const uniqueSuffix = () => randomBytes(4).toString('hex');
/**
 * A made-up word no other test writes: ten random letters after the prefix. Hex suffixes with digits
 * swapped for one letter look alike to pg_trgm (`kbzzbzazzz` ~ `kbzzzzbzaz`), which made fuzzy search
 * find another workspace's word and isolation checks flaky; random letters share almost no trigrams.
 */
export const uniqueWord = (prefix: string) =>
  prefix + Array.from(randomBytes(10), (byte) => String.fromCharCode(97 + (byte % 26))).join('');
export const uniqueEmail = (label = 'person') => `${label}-${uniqueSuffix()}@example.test`;
export const uniqueSlug = (label = 'ws') => `${label}-${uniqueSuffix()}`;
export const uniqueDomain = (label = 'help') => `${label}-${uniqueSuffix()}.example.test`;

export type TestMember = { userId: string; email: string; name: string; membershipId: string; role: MemberRole };
export type TestWorkspace = { id: string; slug: string; name: string; owner: TestMember };

/** Runs work as a staff member of a workspace, the way tenantProcedure does. */
export function asStaff<T>(workspaceId: string, actor: Actor, work: (scope: StaffScope) => Promise<T>) {
  return runInTenant(workspaceId, (scope) => work({ ...scope, actor }), actor.userId);
}

/** A workspace and its owner, created by the sign-up service. */
export async function createWorkspace(
  opts: { name?: string; slug?: string; ownerEmail?: string; ownerName?: string } = {},
): Promise<TestWorkspace> {
  const slug = opts.slug ?? uniqueSlug();
  const email = opts.ownerEmail ?? uniqueEmail('owner');
  const name = opts.ownerName ?? `Owner ${slug}`;
  const { userId, workspace } = await signUpWithWorkspace({
    name,
    email,
    password: TEST_PASSWORD,
    workspaceName: opts.name ?? `Workspace ${slug}`,
    workspaceSlug: slug,
  });
  const [membership] = await runInTenant(workspace.id, ({ db }) =>
    db.select({ id: memberships.id }).from(memberships).where(eq(memberships.userId, userId)),
  );
  return {
    id: workspace.id,
    slug: workspace.slug,
    name: workspace.name,
    owner: { userId, email, name, membershipId: membership!.id, role: 'owner' },
  };
}

/** A staff identity without any workspace. No password: tests sign people in by putting their id in the context. */
export async function createUser(opts: { email?: string; name?: string } = {}) {
  const email = opts.email ?? uniqueEmail();
  const name = opts.name ?? `Person ${uniqueSuffix()}`;
  const [user] = await runWithoutTenant((tx) =>
    tx.insert(users).values({ email, name, emailVerified: new Date() }).returning({ id: users.id }),
  );
  return { userId: user!.id, email, name };
}

/** A new person (or an existing one, by userId) joining the workspace with a role. */
export async function addMember(
  workspaceId: string,
  role: MemberRole,
  opts: { userId?: string; email?: string; name?: string } = {},
): Promise<TestMember> {
  const person = opts.userId
    ? {
        userId: opts.userId,
        ...(await runWithoutTenant(
          async (tx) =>
            (
              await tx.select({ email: users.email, name: users.name }).from(users).where(eq(users.id, opts.userId!))
            )[0]!,
        )),
      }
    : await createUser(opts);
  const [membership] = await runInTenant(workspaceId, ({ db }) =>
    db
      .insert(memberships)
      .values({ tenantId: workspaceId, userId: person.userId, role })
      .returning({ id: memberships.id }),
  );
  return { userId: person.userId, email: person.email, name: person.name ?? '', membershipId: membership!.id, role };
}

export function createTestCustomer(
  workspaceId: string,
  opts: { email?: string; name?: string; organizationId?: string } = {},
) {
  return runInTenant(workspaceId, (scope) =>
    createCustomer(scope, {
      email: opts.email ?? uniqueEmail('customer'),
      name: opts.name ?? 'Test Customer',
      organizationId: opts.organizationId,
    }),
  );
}

export function createTestOrganization(workspaceId: string, opts: { name?: string } = {}) {
  return runInTenant(workspaceId, (scope) => createOrganization(scope, { name: opts.name ?? `Org ${uniqueSuffix()}` }));
}

/** A team, optionally with members (user ids that already belong to the workspace). */
export async function createTestTeam(workspaceId: string, opts: { name?: string; memberUserIds?: string[] } = {}) {
  return runInTenant(workspaceId, async (scope) => {
    const team = await createTeam(scope, { name: opts.name ?? `Team ${uniqueSuffix()}`, description: '' });
    for (const userId of opts.memberUserIds ?? [])
      await scope.db.insert(teamMembers).values({ tenantId: workspaceId, teamId: team.id, userId });
    return team;
  });
}

/** A claimed domain; `verified` marks it as if its TXT record had been found (served, and closed to other claims). */
export function addTestDomain(workspaceId: string, domain = uniqueDomain(), opts: { verified?: boolean } = {}) {
  return runInTenant(workspaceId, async (scope) => {
    const added = await addDomain(scope, { domain });
    if (!opts.verified) return added;
    const [verified] = await scope.db
      .update(workspaceDomains)
      .set({ verifiedAt: new Date() })
      .where(eq(workspaceDomains.id, added.id))
      .returning();
    return { ...added, ...verified! };
  });
}

/** An open invitation through the real service (an outbox email included), with its raw token. */
export async function createTestInvitation(
  workspaceId: string,
  inviter: Actor,
  opts: { email?: string; role?: Exclude<MemberRole, 'owner'> } = {},
) {
  const invitation = await asStaff(workspaceId, inviter, (scope) =>
    createInvitation(scope, { email: opts.email ?? uniqueEmail('invitee'), role: opts.role ?? 'agent' }),
  );
  const token = invitation.inviteUrl.split('/invite/')[1]!;
  return { ...invitation, token };
}
