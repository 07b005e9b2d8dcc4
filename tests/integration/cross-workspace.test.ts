import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKSPACE_COOKIE } from '@/server/trpc/context';
import {
  attachments,
  customerLoginTokens,
  customers,
  invitations,
  macros,
  memberships,
  organizations,
  outbox,
  savedViews,
  teamMembers,
  teams,
  tenants,
  ticketCategories,
  ticketFields,
  ticketMessages,
  tickets,
  ticketTypes,
  users,
  workspaceDomains,
} from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { allProcedurePaths, callerFor, callerWithCookies, type Caller } from '../helpers/caller';
import {
  addMember,
  addTestDomain,
  createTestCustomer,
  createTestInvitation,
  createTestOrganization,
  createTestTeam,
  createWorkspace,
  TEST_PASSWORD,
  uniqueDomain,
  uniqueEmail,
  uniqueSlug,
  uniqueWord,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { stopLiveHub, subscribeLive } from '../helpers/live';
import { helpIsolationCases } from '../helpers/help-isolation';
import { slaIsolationCases } from '../helpers/sla-isolation';
import { reportIsolationCases } from '../helpers/report-isolation';
import { notificationIsolationCases } from '../helpers/notification-isolation';
import { inboundIsolationCases } from '../helpers/inbound-isolation';
import { privacyIsolationCases } from '../helpers/privacy-isolation';
import { jobIsolationCases } from '../helpers/job-isolation';
import { automationIsolationCases } from '../helpers/automation-isolation';
import { sessionIsolationCases } from '../helpers/session-isolation';
import { widgetIsolationCases } from '../helpers/widget-isolation';
import { csatIsolationCases } from '../helpers/csat-isolation';
import { supportIsolationCases } from '../helpers/support-isolation';
import { assignmentIsolationCases } from '../helpers/assignment-isolation';
import {
  createTestCategory,
  createTestTicketType,
  createTestField,
  createTestMacro,
  createTestSavedView,
  createTestTicket,
  uploadTestAttachment,
} from '../helpers/ticket-factories';

// The first tenant wall (STYLE §2): a signed-in owner of workspace A tries everything against workspace B.
// Every procedure of the app router needs a case here; a new procedure without one fails the suite.

type World = {
  ws: TestWorkspace;
  agent: TestMember;
  team: { id: string; name: string };
  customer: { id: string; email: string; name: string };
  org: { id: string; name: string };
  domain: { id: string; domain: string };
  invitation: { id: string; email: string; token: string };
  /** Filed by `customer`; its subject carries a word found in no other workspace. */
  ticket: { id: string; number: number; subject: string; word: string };
  category: { id: string; name: string };
  /** A type only this workspace has (its key carries a random suffix); the ticket holds it. */
  ticketType: { id: string; key: string; name: string };
  field: { id: string; key: string };
  /** The agent's personal view and a shared one. */
  view: { id: string };
  sharedView: { id: string };
  macro: { id: string; name: string };
  /** Uploaded by the agent, not yet attached. */
  file: { id: string };
};

let A: World;
let B: World;
let asA: Caller;
/** Member of both: admin in A, agent in B. Their B membership is visible to them through own_memberships. */
let dual: { userId: string; inA: TestMember; inB: TestMember };
/** B's invitation addressed to A's agent, who already has an account. */
let bInvitesAAgent: { id: string; token: string };

async function buildWorld(): Promise<World> {
  const ws = await createWorkspace();
  const agent = await addMember(ws.id, 'agent');
  const team = await createTestTeam(ws.id, { memberUserIds: [agent.userId] });
  const org = await createTestOrganization(ws.id);
  const customer = await createTestCustomer(ws.id, { organizationId: org.id });
  const domain = await addTestDomain(ws.id, undefined, { verified: true });
  const invitation = await createTestInvitation(ws.id, { userId: ws.owner.userId, role: 'owner' });
  const word = uniqueWord('zebra');
  const ticketType = await createTestTicketType(ws.id);
  const ticket = await createTestTicket(ws.id, {
    requesterId: customer.id,
    subject: `Billing page ${word} is blank`,
    type: ticketType.key,
  });
  const category = await createTestCategory(ws.id);
  const field = await createTestField(ws.id);
  const view = await createTestSavedView(ws.id, { userId: agent.userId, role: 'agent' });
  const sharedView = await createTestSavedView(ws.id, ws.owner, { shared: true });
  const macro = await createTestMacro(ws.id, ws.owner, {
    visibility: 'everyone',
    actions: { priority: 'urgent', addTags: ['macro'] },
  });
  const file = await uploadTestAttachment(ws.id, { type: 'agent', userId: agent.userId });
  return {
    ws,
    agent,
    team,
    customer,
    org,
    domain,
    invitation,
    ticket: { id: ticket.id, number: ticket.number, subject: ticket.subject, word },
    category,
    ticketType,
    field,
    view,
    sharedView,
    macro,
    file,
  };
}

/** B's ticket as stored, to check that A's attempts changed nothing. */
const bTicketState = async () => {
  const [row] = await inB(({ db }) => db.select().from(tickets).where(eq(tickets.id, B.ticket.id)));
  const messages = await inB(({ db }) =>
    db.select({ id: ticketMessages.id }).from(ticketMessages).where(eq(ticketMessages.ticketId, B.ticket.id)),
  );
  return {
    status: row!.status,
    priority: row!.priority,
    assigneeId: row!.assigneeId,
    teamId: row!.teamId,
    categoryId: row!.categoryId,
    type: row!.type,
    tags: row!.tags,
    updatedAt: row!.updatedAt,
    messages: messages.length,
  };
};
const asACustomer = () => callerFor({ portal: { tenantId: A.ws.id, customerId: A.customer.id } });

const inB = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(B.ws.id, work);
const inA = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(A.ws.id, work);
const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });

afterAll(stopLiveHub);

beforeAll(async () => {
  A = await buildWorld();
  B = await buildWorld();
  asA = callerFor({ userId: A.ws.owner.userId, workspaceId: A.ws.id });
  const inAAsAdmin = await addMember(A.ws.id, 'admin');
  const inBAsAgent = await addMember(B.ws.id, 'agent', { userId: inAAsAdmin.userId });
  dual = { userId: inAAsAdmin.userId, inA: inAAsAdmin, inB: inBAsAgent };
  bInvitesAAgent = await createTestInvitation(
    B.ws.id,
    { userId: B.ws.owner.userId, role: 'owner' },
    { email: A.agent.email, role: 'viewer' },
  );
});

type IsolationCase = {
  /** takes-id: B's ids answer NOT_FOUND and change nothing. scoped: reads and writes stay in A. */
  kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal';
  why: string;
  run: () => Promise<void>;
};

const CASES: Record<string, IsolationCase> = {
  // ── auth: public entry points; the workspace comes from the token or slug, never from the caller ──
  'auth.signUp': {
    kind: 'tenant-independent',
    why: 'creates a new workspace; an existing one cannot be claimed by its slug',
    run: async () => {
      const email = uniqueEmail('claimer');
      const call = callerFor({ userId: A.ws.owner.userId }).auth.signUp({
        name: 'Claimer',
        email,
        password: TEST_PASSWORD,
        workspaceName: 'Claimed',
        workspaceSlug: B.ws.slug,
      });
      await expect(call).rejects.toMatchObject({ code: 'CONFLICT' });
      const stored = await runWithoutTenant((tx) => tx.select().from(users).where(eq(users.email, email)));
      expect(stored).toEqual([]);
      const bOwners = await inB(({ db }) =>
        db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.role, 'owner')),
      );
      expect(bOwners.map((m) => m.userId)).toEqual([B.ws.owner.userId]);
    },
  },
  'auth.invitation': {
    kind: 'tenant-independent',
    why: "the token alone names its workspace; the caller's own workspace plays no part",
    run: async () => {
      const described = await asA.auth.invitation({ token: B.invitation.token });
      expect(described).toMatchObject({ workspaceSlug: B.ws.slug, email: B.invitation.email });
      await notFound(asA.auth.invitation({ token: 'x'.repeat(43) }));
    },
  },
  'auth.acceptInvitation': {
    kind: 'tenant-independent',
    why: "accepting B's invitation needs the invited person's own session and grants only B's membership",
    run: async () => {
      // A's owner holds the link to an invitation for A's agent: refused, nothing granted to anyone.
      await expect(asA.auth.acceptInvitation({ token: bInvitesAAgent.token })).rejects.toMatchObject({
        code: 'UNAUTHORIZED',
      });
      const inBMembers = await inB(({ db }) => db.select({ userId: memberships.userId }).from(memberships));
      expect(inBMembers.map((m) => m.userId)).not.toContain(A.ws.owner.userId);
      expect(inBMembers.map((m) => m.userId)).not.toContain(A.agent.userId);
      // The invited person accepts: a B membership with the invited role; their role in A is untouched.
      const accepted = await callerFor({ userId: A.agent.userId }).auth.acceptInvitation({
        token: bInvitesAAgent.token,
      });
      expect(accepted).toMatchObject({ workspaceId: B.ws.id, userId: A.agent.userId });
      const [inBRow] = await inB(({ db }) =>
        db.select().from(memberships).where(eq(memberships.userId, A.agent.userId)),
      );
      expect(inBRow?.role).toBe('viewer');
      const [inARow] = await inA(({ db }) =>
        db.select().from(memberships).where(eq(memberships.userId, A.agent.userId)),
      );
      expect(inARow?.role).toBe('agent');
    },
  },
  'auth.requestPortalLink': {
    kind: 'tenant-independent',
    why: "the workspace comes from the portal's slug; the link and its mail are written to that workspace only",
    run: async () => {
      const email = uniqueEmail('portal');
      await expect(asA.auth.requestPortalLink({ workspace: B.ws.slug, email })).resolves.toEqual({ sent: true });
      const inBTokens = await inB(({ db }) =>
        db.select().from(customerLoginTokens).where(eq(customerLoginTokens.email, email)),
      );
      const inATokens = await inA(({ db }) =>
        db.select().from(customerLoginTokens).where(eq(customerLoginTokens.email, email)),
      );
      expect(inBTokens).toHaveLength(1);
      expect(inATokens).toEqual([]);
      const aMail = await inA(({ db }) => db.select({ payload: outbox.payload }).from(outbox));
      expect(aMail.map((r) => r.payload.to)).not.toContain(email);
    },
  },

  // ── workspace ──
  'workspace.list': {
    kind: 'scoped',
    why: 'lists only workspaces the caller belongs to',
    run: async () => {
      const mine = await asA.workspace.list();
      expect(mine.map((w) => w.id)).toContain(A.ws.id);
      expect(mine.map((w) => w.id)).not.toContain(B.ws.id);
    },
  },
  'workspace.lookup': {
    kind: 'tenant-independent',
    why: 'answers the public face of the workspace named by the address, whoever asks; no other fields, no other workspace',
    run: async () => {
      for (const caller of [asA, callerFor()]) {
        const found = await caller.workspace.lookup({ workspace: B.ws.slug });
        expect(found).toEqual({ id: B.ws.id, slug: B.ws.slug, name: B.ws.name, branding: expect.any(Object) });
      }
      await expect(asA.workspace.lookup({ workspace: `${A.ws.slug}-gone` })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    },
  },
  'workspace.current': {
    kind: 'scoped',
    why: 'a workspace cookie naming B is only a hint: the caller still lands in A, the workspace they belong to',
    run: async () => {
      const current = await callerFor({ userId: A.ws.owner.userId, workspaceId: B.ws.id }).workspace.current();
      expect(current).toMatchObject({ id: A.ws.id, slug: A.ws.slug, role: 'owner' });
    },
  },
  'workspace.create': {
    kind: 'tenant-independent',
    why: 'creates a fresh workspace owned by the caller; it holds nothing of A or B',
    run: async () => {
      const { caller, cookies } = callerWithCookies({ userId: A.ws.owner.userId });
      const created = await caller.workspace.create({ name: 'Third', slug: uniqueSlug('third') });
      expect(cookies).toEqual([expect.objectContaining({ name: WORKSPACE_COOKIE, value: created.id })]);
      const members = await callerFor({ userId: A.ws.owner.userId, workspaceId: created.id }).member.list();
      expect(members.map((m) => m.userId)).toEqual([A.ws.owner.userId]);
      await expect(caller.workspace.create({ name: 'Copy of B', slug: B.ws.slug })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    },
  },
  'workspace.switch': {
    kind: 'takes-id',
    why: "switching to B's id answers NOT_FOUND and sets no cookie",
    run: async () => {
      const { caller, cookies } = callerWithCookies({ userId: A.ws.owner.userId });
      await notFound(caller.workspace.switch({ workspaceId: B.ws.id }));
      expect(cookies).toEqual([]);
      await expect(caller.workspace.switch({ workspaceId: A.ws.id })).resolves.toMatchObject({ id: A.ws.id });
      expect(cookies).toEqual([expect.objectContaining({ name: WORKSPACE_COOKIE, value: A.ws.id })]);
    },
  },
  'workspace.update': {
    kind: 'scoped',
    why: 'updates the caller’s workspace only',
    run: async () => {
      const updated = await asA.workspace.update({ name: 'A renamed', branding: { primaryColor: '#123456' } });
      expect(updated.id).toBe(A.ws.id);
      const [b] = await inB(({ db }) => db.select().from(tenants));
      expect(b).toMatchObject({ id: B.ws.id, name: B.ws.name, branding: {} });
    },
  },

  // ── members ──
  'member.list': {
    kind: 'scoped',
    why: "lists A's members only, even for a person who also belongs to B",
    run: async () => {
      const list = await callerFor({ userId: dual.userId, workspaceId: A.ws.id }).member.list();
      expect(list.map((m) => m.id)).toEqual(
        expect.arrayContaining([A.ws.owner.membershipId, A.agent.membershipId, dual.inA.membershipId]),
      );
      expect(list.map((m) => m.id)).not.toContain(dual.inB.membershipId);
      expect(list.map((m) => m.userId)).not.toContain(B.ws.owner.userId);
    },
  },
  'member.updateRole': {
    kind: 'takes-id',
    why: "B's membership ids answer NOT_FOUND, including one's own membership in B",
    run: async () => {
      await notFound(asA.member.updateRole({ membershipId: B.agent.membershipId, role: 'admin' }));
      await notFound(
        callerFor({ userId: dual.userId, workspaceId: A.ws.id }).member.updateRole({
          membershipId: dual.inB.membershipId,
          role: 'owner',
        }),
      );
      const rows = await inB(({ db }) => db.select({ id: memberships.id, role: memberships.role }).from(memberships));
      expect(rows).toEqual(
        expect.arrayContaining([
          { id: B.agent.membershipId, role: 'agent' },
          { id: dual.inB.membershipId, role: 'agent' },
        ]),
      );
    },
  },
  'member.remove': {
    kind: 'takes-id',
    why: "B's membership ids answer NOT_FOUND and nobody leaves B",
    run: async () => {
      await notFound(asA.member.remove({ membershipId: B.ws.owner.membershipId }));
      await notFound(
        callerFor({ userId: dual.userId, workspaceId: A.ws.id }).member.remove({ membershipId: dual.inB.membershipId }),
      );
      const ids = (await inB(({ db }) => db.select({ id: memberships.id }).from(memberships))).map((r) => r.id);
      expect(ids).toEqual(
        expect.arrayContaining([B.ws.owner.membershipId, dual.inB.membershipId, B.agent.membershipId]),
      );
    },
  },

  // ── invitations ──
  'invitation.list': {
    kind: 'scoped',
    why: "lists A's invitations only",
    run: async () => {
      const ids = (await asA.invitation.list()).map((i) => i.id);
      expect(ids).toContain(A.invitation.id);
      expect(ids).not.toContain(B.invitation.id);
    },
  },
  'invitation.create': {
    kind: 'scoped',
    why: "lands in A; B's members and open invitations are invisible to it and stay as they were",
    run: async () => {
      // B's open invitation for the same address is not withdrawn by A's new one.
      const created = await asA.invitation.create({ email: B.invitation.email, role: 'viewer' });
      const [row] = await inA(({ db }) => db.select().from(invitations).where(eq(invitations.id, created.id)));
      expect(row?.tenantId).toBe(A.ws.id);
      const [bRow] = await inB(({ db }) => db.select().from(invitations).where(eq(invitations.id, B.invitation.id)));
      expect(bRow?.revokedAt).toBeNull();
      // Being a member of B does not make someone "already a member" of A.
      await expect(asA.invitation.create({ email: B.agent.email, role: 'agent' })).resolves.toMatchObject({
        email: B.agent.email,
      });
    },
  },
  'invitation.revoke': {
    kind: 'takes-id',
    why: "B's invitation ids answer NOT_FOUND and the invitation stays open",
    run: async () => {
      await notFound(asA.invitation.revoke({ invitationId: B.invitation.id }));
      const [row] = await inB(({ db }) => db.select().from(invitations).where(eq(invitations.id, B.invitation.id)));
      expect(row).toMatchObject({ revokedAt: null, acceptedAt: null });
    },
  },

  // ── teams ──
  'team.list': {
    kind: 'scoped',
    why: "lists A's teams, with A's members only",
    run: async () => {
      const list = await asA.team.list();
      expect(list.map((t) => t.id)).toContain(A.team.id);
      expect(list.map((t) => t.id)).not.toContain(B.team.id);
      const memberIds = list.flatMap((t) => t.members.map((m) => m.userId));
      expect(memberIds).not.toContain(B.agent.userId);
    },
  },
  'team.create': {
    kind: 'scoped',
    why: "lands in A; B's team names do not collide with A's",
    run: async () => {
      const team = await asA.team.create({ name: B.team.name });
      expect(team.tenantId).toBe(A.ws.id);
      const bTeams = await inB(({ db }) => db.select({ id: teams.id }).from(teams));
      expect(bTeams.map((t) => t.id)).toEqual([B.team.id]);
    },
  },
  'team.update': {
    kind: 'takes-id',
    why: "B's team ids answer NOT_FOUND and the team keeps its name",
    run: async () => {
      await notFound(asA.team.update({ teamId: B.team.id, name: 'Hijacked' }));
      const [row] = await inB(({ db }) => db.select().from(teams).where(eq(teams.id, B.team.id)));
      expect(row?.name).toBe(B.team.name);
    },
  },
  'team.delete': {
    kind: 'takes-id',
    why: "B's team ids answer NOT_FOUND and the team survives",
    run: async () => {
      await notFound(asA.team.delete({ teamId: B.team.id }));
      const rows = await inB(({ db }) => db.select().from(teams).where(eq(teams.id, B.team.id)));
      expect(rows).toHaveLength(1);
    },
  },
  'team.addMember': {
    kind: 'takes-id',
    why: "B's teams and B's people answer NOT_FOUND; no team gains a member across workspaces",
    run: async () => {
      await notFound(asA.team.addMember({ teamId: B.team.id, userId: A.agent.userId }));
      await notFound(asA.team.addMember({ teamId: A.team.id, userId: B.agent.userId }));
      const bMembers = await inB(({ db }) =>
        db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, B.team.id)),
      );
      expect(bMembers.map((m) => m.userId)).toEqual([B.agent.userId]);
      const aMembers = await inA(({ db }) =>
        db.select({ userId: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, A.team.id)),
      );
      expect(aMembers.map((m) => m.userId)).toEqual([A.agent.userId]);
    },
  },
  'team.removeMember': {
    kind: 'takes-id',
    why: "B's team membership answers NOT_FOUND and stays",
    run: async () => {
      await notFound(asA.team.removeMember({ teamId: B.team.id, userId: B.agent.userId }));
      const rows = await inB(({ db }) =>
        db
          .select()
          .from(teamMembers)
          .where(and(eq(teamMembers.teamId, B.team.id), eq(teamMembers.userId, B.agent.userId))),
      );
      expect(rows).toHaveLength(1);
    },
  },

  // ── customers and organizations ──
  'customer.list': {
    kind: 'scoped',
    why: "lists A's customers; searching for B's customer finds nothing",
    run: async () => {
      const page = await asA.customer.list({});
      expect(page.items.map((c) => c.id)).toContain(A.customer.id);
      expect(page.items.map((c) => c.id)).not.toContain(B.customer.id);
      expect((await asA.customer.list({ search: B.customer.email })).items).toEqual([]);
    },
  },
  'customer.get': {
    kind: 'takes-id',
    why: "B's customer ids answer NOT_FOUND",
    run: async () => {
      await notFound(asA.customer.get({ customerId: B.customer.id }));
      await expect(asA.customer.get({ customerId: A.customer.id })).resolves.toMatchObject({ id: A.customer.id });
    },
  },
  'customer.create': {
    kind: 'scoped',
    why: "lands in A (B's customer email is free in A); B's organization ids answer NOT_FOUND",
    run: async () => {
      const created = await asA.customer.create({ email: B.customer.email, name: 'Same address, other workspace' });
      expect(created.tenantId).toBe(A.ws.id);
      await notFound(asA.customer.create({ email: uniqueEmail('c'), organizationId: B.org.id }));
      const [bCustomer] = await inB(({ db }) => db.select().from(customers).where(eq(customers.id, B.customer.id)));
      expect(bCustomer?.name).toBe(B.customer.name);
    },
  },
  'customer.update': {
    kind: 'takes-id',
    why: "B's customer and organization ids answer NOT_FOUND; nothing changes",
    run: async () => {
      await notFound(asA.customer.update({ customerId: B.customer.id, name: 'Hijacked' }));
      await notFound(asA.customer.update({ customerId: A.customer.id, organizationId: B.org.id }));
      const [bCustomer] = await inB(({ db }) => db.select().from(customers).where(eq(customers.id, B.customer.id)));
      expect(bCustomer?.name).toBe(B.customer.name);
      const [aCustomer] = await inA(({ db }) => db.select().from(customers).where(eq(customers.id, A.customer.id)));
      expect(aCustomer?.organizationId).toBe(A.org.id);
    },
  },
  'organization.list': {
    kind: 'scoped',
    why: "lists A's organizations only",
    run: async () => {
      const ids = (await asA.organization.list()).map((o) => o.id);
      expect(ids).toContain(A.org.id);
      expect(ids).not.toContain(B.org.id);
    },
  },
  'organization.create': {
    kind: 'scoped',
    why: "lands in A; B's organization names do not collide",
    run: async () => {
      const org = await asA.organization.create({ name: B.org.name });
      expect(org.tenantId).toBe(A.ws.id);
      const bOrgs = await inB(({ db }) => db.select({ id: organizations.id }).from(organizations));
      expect(bOrgs.map((o) => o.id)).toEqual([B.org.id]);
    },
  },

  // ── domains ──
  'domain.list': {
    kind: 'scoped',
    why: "lists A's domains only",
    run: async () => {
      const names = (await asA.domain.list()).map((d) => d.domain);
      expect(names).toContain(A.domain.domain);
      expect(names).not.toContain(B.domain.domain);
    },
  },
  'domain.add': {
    kind: 'scoped',
    why: "lands in A; B's domain is refused without saying whose it is",
    run: async () => {
      const error = await asA.domain.add({ domain: B.domain.domain }).then(
        () => null,
        (e: unknown) => e as { code: string; message: string },
      );
      expect(error?.code).toBe('CONFLICT');
      expect(error?.message).not.toContain(B.ws.slug);
      expect(error?.message).not.toContain(B.ws.name);
      const [bDomain] = await inB(({ db }) =>
        db.select().from(workspaceDomains).where(eq(workspaceDomains.id, B.domain.id)),
      );
      expect(bDomain?.tenantId).toBe(B.ws.id);
      const added = await asA.domain.add({ domain: uniqueDomain() });
      expect(added.tenantId).toBe(A.ws.id);
    },
  },
  'domain.verify': {
    kind: 'takes-id',
    why: "B's domain ids answer NOT_FOUND and queue no look-up",
    run: async () => {
      await notFound(asA.domain.verify({ domainId: B.domain.id }));
      const [bDomain] = await inB(({ db }) =>
        db.select().from(workspaceDomains).where(eq(workspaceDomains.id, B.domain.id)),
      );
      expect(bDomain?.checkedAt).toBeNull();
    },
  },
  'domain.remove': {
    kind: 'takes-id',
    why: "B's domain ids answer NOT_FOUND and the domain stays connected",
    run: async () => {
      await notFound(asA.domain.remove({ domainId: B.domain.id }));
      const rows = await inB(({ db }) =>
        db.select().from(workspaceDomains).where(eq(workspaceDomains.id, B.domain.id)),
      );
      expect(rows).toHaveLength(1);
    },
  },

  // ── portal ──
  'portal.me': {
    kind: 'portal',
    why: "a customer session of A shows A's customer; a session naming B's customer under A (or the reverse) is refused",
    run: async () => {
      const me = await callerFor({ portal: { tenantId: A.ws.id, customerId: A.customer.id } }).portal.me();
      expect(me).toEqual({ id: A.customer.id, email: A.customer.email, name: A.customer.name });
      await expect(
        callerFor({ portal: { tenantId: A.ws.id, customerId: B.customer.id } }).portal.me(),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(
        callerFor({ portal: { tenantId: B.ws.id, customerId: A.customer.id } }).portal.me(),
      ).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    },
  },
  'portal.categories': {
    kind: 'portal',
    why: "a customer of A sees A's categories only",
    run: async () => {
      const names = (await asACustomer().portal.categories()).map((c) => c.id);
      expect(names).toContain(A.category.id);
      expect(names).not.toContain(B.category.id);
    },
  },
  'portal.createTicket': {
    kind: 'portal',
    why: "files into A; B's category ids answer NOT_FOUND and nothing is filed",
    run: async () => {
      const before = await inB(({ db }) => db.select({ id: tickets.id }).from(tickets));
      await notFound(
        asACustomer().portal.createTicket({ subject: 'Wrong category', body: 'Hello', categoryId: B.category.id }),
      );
      const created = await asACustomer().portal.createTicket({ subject: 'Right place', body: 'Hello' });
      const [row] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, created.id)));
      expect(row).toMatchObject({ tenantId: A.ws.id, requesterId: A.customer.id });
      expect(await inB(({ db }) => db.select({ id: tickets.id }).from(tickets))).toHaveLength(before.length);
    },
  },
  'portal.tickets': {
    kind: 'portal',
    why: "lists the A customer's own tickets only",
    run: async () => {
      const ids = (await asACustomer().portal.tickets({})).items.map((t) => t.id);
      expect(ids).toContain(A.ticket.id);
      expect(ids).not.toContain(B.ticket.id);
    },
  },
  'portal.ticket': {
    kind: 'portal',
    why: "B's ticket ids answer NOT_FOUND, even to the same person's session in A",
    run: async () => {
      await notFound(asACustomer().portal.ticket({ ticketId: B.ticket.id }));
      await expect(asACustomer().portal.ticket({ ticketId: A.ticket.id })).resolves.toMatchObject({
        ticket: { id: A.ticket.id },
      });
    },
  },
  'portal.reply': {
    kind: 'portal',
    why: "B's ticket ids answer NOT_FOUND and B's thread stays as it was",
    run: async () => {
      const before = await bTicketState();
      await notFound(asACustomer().portal.reply({ ticketId: B.ticket.id, body: 'Injected' }));
      expect(await bTicketState()).toEqual(before);
    },
  },
  'portal.close': {
    kind: 'portal',
    why: "B's ticket ids answer NOT_FOUND and the ticket stays open",
    run: async () => {
      const before = await bTicketState();
      await notFound(asACustomer().portal.close({ ticketId: B.ticket.id }));
      expect(await bTicketState()).toEqual(before);
    },
  },

  // ── tickets (agent side) ──
  'ticket.list': {
    kind: 'scoped',
    why: "lists A's tickets; filters naming B's people or categories match nothing; B's saved view answers NOT_FOUND",
    run: async () => {
      const ids = (await asA.ticket.list({ view: 'all_open', limit: 100 })).items.map((t) => t.id);
      expect(ids).toContain(A.ticket.id);
      expect(ids).not.toContain(B.ticket.id);
      expect((await asA.ticket.list({ filters: { text: B.ticket.word } })).items).toEqual([]);
      expect((await asA.ticket.list({ filters: { assigneeIds: [B.agent.userId] } })).items).toEqual([]);
      expect(
        (await asA.ticket.list({ filters: { categoryIds: [B.category.id], requesterId: B.customer.id } })).items,
      ).toEqual([]);
      await notFound(asA.ticket.list({ savedViewId: B.sharedView.id }));
    },
  },
  'ticket.viewCounts': {
    kind: 'scoped',
    why: "counts A's tickets only",
    run: async () => {
      const counts = await asA.ticket.viewCounts();
      const aUnsolved = await inA(({ db }) =>
        db
          .select({ id: tickets.id })
          .from(tickets)
          .where(inArray(tickets.status, ['new', 'open', 'pending', 'on_hold'])),
      );
      expect(counts.all_open).toBe(aUnsolved.length);
      expect(counts.unassigned).toBeLessThanOrEqual(aUnsolved.length);
    },
  },
  'ticket.get': {
    kind: 'takes-id',
    why: "B's ticket ids answer NOT_FOUND",
    run: async () => {
      await notFound(asA.ticket.get({ ticketId: B.ticket.id }));
      const detail = await asA.ticket.get({ ticketId: A.ticket.id });
      expect(detail.ticket.id).toBe(A.ticket.id);
      expect(detail.requesterTickets.map((t) => t.id)).not.toContain(B.ticket.id);
    },
  },
  'ticket.getByNumber': {
    kind: 'takes-id',
    why: 'a number that exists only in B answers NOT_FOUND',
    run: async () => {
      const aNumbers = (await inA(({ db }) => db.select({ number: tickets.number }).from(tickets))).map(
        (t) => t.number,
      );
      let bTicket = await createTestTicket(B.ws.id, { requesterId: B.customer.id });
      while (bTicket.number <= Math.max(...aNumbers))
        bTicket = await createTestTicket(B.ws.id, { requesterId: B.customer.id });
      await notFound(asA.ticket.getByNumber({ number: bTicket.number }));
      await expect(asA.ticket.getByNumber({ number: A.ticket.number })).resolves.toEqual({ id: A.ticket.id });
    },
  },
  'ticket.search': {
    kind: 'scoped',
    why: "a word only B's ticket contains finds nothing in A",
    run: async () => {
      expect((await asA.ticket.search({ query: B.ticket.word })).items).toEqual([]);
      expect((await asA.ticket.search({ query: A.ticket.word })).items.map((t) => t.id)).toEqual([A.ticket.id]);
    },
  },
  'ticket.assignees': {
    kind: 'scoped',
    why: "lists A's agents only",
    run: async () => {
      const ids = (await asA.ticket.assignees()).map((a) => a.id);
      expect(ids).toContain(A.agent.userId);
      expect(ids).not.toContain(B.agent.userId);
      expect(ids).not.toContain(B.ws.owner.userId);
    },
  },
  'ticket.create': {
    kind: 'scoped',
    why: "lands in A; B's customer, category, agent and team ids answer NOT_FOUND; B's customer address makes a new A customer",
    run: async () => {
      const base = { subject: 'Phoned in', body: 'The customer called.' };
      await notFound(asA.ticket.create({ ...base, requester: { customerId: B.customer.id } }));
      await notFound(
        asA.ticket.create({ ...base, requester: { customerId: A.customer.id }, categoryId: B.category.id }),
      );
      await notFound(
        asA.ticket.create({ ...base, requester: { customerId: A.customer.id }, assigneeId: B.agent.userId }),
      );
      await notFound(asA.ticket.create({ ...base, requester: { customerId: A.customer.id }, teamId: B.team.id }));
      await notFound(asA.ticket.create({ ...base, requester: { customerId: A.customer.id }, type: B.ticketType.key }));
      const created = await asA.ticket.create({ ...base, requester: { email: B.customer.email } });
      const [row] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, created.id)));
      expect(row?.tenantId).toBe(A.ws.id);
      expect(row?.requesterId).not.toBe(B.customer.id);
      const bTickets = await inB(({ db }) =>
        db.select({ id: tickets.id }).from(tickets).where(eq(tickets.subject, base.subject)),
      );
      expect(bTickets).toEqual([]);
    },
  },
  'ticket.reply': {
    kind: 'takes-id',
    why: "B's ticket ids answer NOT_FOUND; B's uploaded file cannot be attached in A",
    run: async () => {
      const before = await bTicketState();
      await notFound(asA.ticket.reply({ ticketId: B.ticket.id, body: 'Injected' }));
      await expect(
        asA.ticket.reply({ ticketId: A.ticket.id, body: 'With a stolen file', attachmentIds: [B.file.id] }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      expect(await bTicketState()).toEqual(before);
      const [file] = await inB(({ db }) => db.select().from(attachments).where(eq(attachments.id, B.file.id)));
      expect(file).toMatchObject({ ticketId: null, messageId: null });
    },
  },
  'ticket.updateStatus': {
    kind: 'takes-id',
    why: "B's ticket ids answer NOT_FOUND and the status stays",
    run: async () => {
      const before = await bTicketState();
      await notFound(asA.ticket.updateStatus({ ticketId: B.ticket.id, status: 'solved' }));
      expect(await bTicketState()).toEqual(before);
    },
  },
  'ticket.assign': {
    kind: 'takes-id',
    why: "B's tickets, agents and teams answer NOT_FOUND",
    run: async () => {
      const before = await bTicketState();
      await notFound(asA.ticket.assign({ ticketId: B.ticket.id, assigneeId: A.agent.userId }));
      await notFound(asA.ticket.assign({ ticketId: A.ticket.id, assigneeId: B.agent.userId }));
      await notFound(asA.ticket.assign({ ticketId: A.ticket.id, teamId: B.team.id }));
      expect(await bTicketState()).toEqual(before);
      const [aRow] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, A.ticket.id)));
      expect(aRow?.assigneeId).not.toBe(B.agent.userId);
    },
  },
  'ticket.update': {
    kind: 'takes-id',
    why: "B's tickets, categories and ticket types answer NOT_FOUND; B's custom field keys are unknown in A",
    run: async () => {
      const before = await bTicketState();
      await notFound(asA.ticket.update({ ticketId: B.ticket.id, priority: 'urgent' }));
      await notFound(asA.ticket.update({ ticketId: A.ticket.id, categoryId: B.category.id }));
      await notFound(asA.ticket.update({ ticketId: A.ticket.id, type: B.ticketType.key }));
      await expect(
        asA.ticket.update({ ticketId: A.ticket.id, customFields: { [B.field.key]: 'x' } }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining(B.field.key) });
      expect(await bTicketState()).toEqual(before);
    },
  },
  'ticket.merge': {
    kind: 'takes-id',
    why: "merging into or from B's ticket answers NOT_FOUND and moves no message",
    run: async () => {
      const before = await bTicketState();
      const source = await createTestTicket(A.ws.id, { requesterId: A.customer.id });
      await notFound(asA.ticket.merge({ sourceTicketId: source.id, targetTicketId: B.ticket.id }));
      await notFound(asA.ticket.merge({ sourceTicketId: B.ticket.id, targetTicketId: source.id }));
      expect(await bTicketState()).toEqual(before);
      const [row] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, source.id)));
      expect(row?.status).toBe('new');
    },
  },
  'ticket.bulkUpdate': {
    kind: 'takes-id',
    why: "B's ticket ids fail as not found while A's go through; B's agents answer NOT_FOUND",
    run: async () => {
      const before = await bTicketState();
      const result = await asA.ticket.bulkUpdate({
        ticketIds: [A.ticket.id, B.ticket.id],
        action: { type: 'add_tags', tags: ['bulk-x'] },
      });
      expect(result.results).toEqual([
        { ticketId: A.ticket.id, ok: true },
        { ticketId: B.ticket.id, ok: false, error: expect.stringMatching(/not found/) },
      ]);
      await notFound(
        asA.ticket.bulkUpdate({ ticketIds: [A.ticket.id], action: { type: 'assign', assigneeId: B.agent.userId } }),
      );
      expect(await bTicketState()).toEqual(before);
    },
  },

  // ── ticket configuration ──
  'category.list': {
    kind: 'scoped',
    why: "lists A's categories only",
    run: async () => {
      const ids = (await asA.category.list()).map((c) => c.id);
      expect(ids).toContain(A.category.id);
      expect(ids).not.toContain(B.category.id);
    },
  },
  'category.create': {
    kind: 'scoped',
    why: "lands in A; B's category names are free in A",
    run: async () => {
      const created = await asA.category.create({ name: B.category.name });
      expect(created.tenantId).toBe(A.ws.id);
      const bNamed = await inB(({ db }) =>
        db.select().from(ticketCategories).where(eq(ticketCategories.name, B.category.name)),
      );
      expect(bNamed.map((c) => c.id)).toEqual([B.category.id]);
    },
  },
  'category.update': {
    kind: 'takes-id',
    why: "B's category ids answer NOT_FOUND and the category keeps its name",
    run: async () => {
      await notFound(asA.category.update({ categoryId: B.category.id, name: 'Hijacked', archived: true }));
      const [row] = await inB(({ db }) =>
        db.select().from(ticketCategories).where(eq(ticketCategories.id, B.category.id)),
      );
      expect(row).toMatchObject({ name: B.category.name, archivedAt: null });
    },
  },
  'category.usage': {
    kind: 'scoped',
    why: "counts A's tickets only: B's category never appears",
    run: async () => {
      await inB(({ db }) => db.update(tickets).set({ categoryId: B.category.id }).where(eq(tickets.id, B.ticket.id)));
      const usage = await asA.category.usage();
      expect(usage.map((u) => u.categoryId)).not.toContain(B.category.id);
    },
  },
  'category.delete': {
    kind: 'takes-id',
    why: "B's category, or B's category as the replacement, answers NOT_FOUND; both categories and B's tickets stay",
    run: async () => {
      const before = await bTicketState();
      await notFound(asA.category.delete({ categoryId: B.category.id, tickets: { action: 'clear' } }));
      await notFound(
        asA.category.delete({ categoryId: A.category.id, tickets: { action: 'reassign', categoryId: B.category.id } }),
      );
      expect(await bTicketState()).toEqual(before);
      expect(
        await inB(({ db }) => db.select().from(ticketCategories).where(eq(ticketCategories.id, B.category.id))),
      ).toHaveLength(1);
      expect(
        await inA(({ db }) => db.select().from(ticketCategories).where(eq(ticketCategories.id, A.category.id))),
      ).toHaveLength(1);
    },
  },
  'ticketType.list': {
    kind: 'scoped',
    why: "lists A's types only",
    run: async () => {
      const keys = (await asA.ticketType.list()).map((t) => t.key);
      expect(keys).toContain(A.ticketType.key);
      expect(keys).not.toContain(B.ticketType.key);
    },
  },
  'ticketType.create': {
    kind: 'scoped',
    why: "lands in A; B's type names are free in A and its key is A's own",
    run: async () => {
      const created = await asA.ticketType.create({ name: B.ticketType.name });
      expect(created).toMatchObject({ tenantId: A.ws.id, key: B.ticketType.key });
      const bRows = await inB(({ db }) => db.select().from(ticketTypes).where(eq(ticketTypes.key, B.ticketType.key)));
      expect(bRows.map((t) => t.id)).toEqual([B.ticketType.id]);
      await asA.ticketType.delete({ typeId: created.id, tickets: { action: 'clear' } });
    },
  },
  'ticketType.update': {
    kind: 'takes-id',
    why: "B's type ids answer NOT_FOUND and the type keeps its name",
    run: async () => {
      await notFound(asA.ticketType.update({ typeId: B.ticketType.id, name: 'Hijacked', archived: true }));
      const [row] = await inB(({ db }) => db.select().from(ticketTypes).where(eq(ticketTypes.id, B.ticketType.id)));
      expect(row).toMatchObject({ name: B.ticketType.name, archivedAt: null });
    },
  },
  'ticketType.reorder': {
    kind: 'takes-id',
    why: "an order naming B's type answers NOT_FOUND; B's positions stay",
    run: async () => {
      const before = await inB(({ db }) => db.select().from(ticketTypes));
      const aIds = (await asA.ticketType.list()).map((t) => t.id);
      await notFound(asA.ticketType.reorder({ typeIds: [...aIds, B.ticketType.id] }));
      expect(await inB(({ db }) => db.select().from(ticketTypes))).toEqual(before);
    },
  },
  'ticketType.usage': {
    kind: 'scoped',
    why: "counts A's tickets only: B's type key never appears",
    run: async () => {
      const usage = await asA.ticketType.usage();
      expect(usage.map((u) => u.type)).not.toContain(B.ticketType.key);
    },
  },
  'ticketType.delete': {
    kind: 'takes-id',
    why: "B's type, or B's type as the replacement, answers NOT_FOUND; both types and B's ticket stay",
    run: async () => {
      const before = await bTicketState();
      await notFound(asA.ticketType.delete({ typeId: B.ticketType.id, tickets: { action: 'clear' } }));
      await notFound(
        asA.ticketType.delete({ typeId: A.ticketType.id, tickets: { action: 'reassign', typeId: B.ticketType.id } }),
      );
      expect(await bTicketState()).toEqual(before);
      expect(
        await inB(({ db }) => db.select().from(ticketTypes).where(eq(ticketTypes.id, B.ticketType.id))),
      ).toHaveLength(1);
      expect(
        await inA(({ db }) => db.select().from(ticketTypes).where(eq(ticketTypes.id, A.ticketType.id))),
      ).toHaveLength(1);
    },
  },

  'ticketField.list': {
    kind: 'scoped',
    why: "lists A's fields only",
    run: async () => {
      const ids = (await asA.ticketField.list()).map((f) => f.id);
      expect(ids).toContain(A.field.id);
      expect(ids).not.toContain(B.field.id);
    },
  },
  'ticketField.create': {
    kind: 'scoped',
    why: "lands in A; B's field keys are free in A",
    run: async () => {
      const created = await asA.ticketField.create({ key: B.field.key, label: 'Same key', type: 'text' });
      expect(created.tenantId).toBe(A.ws.id);
      const bKeyed = await inB(({ db }) => db.select().from(ticketFields).where(eq(ticketFields.key, B.field.key)));
      expect(bKeyed.map((f) => f.id)).toEqual([B.field.id]);
    },
  },
  'ticketField.archive': {
    kind: 'takes-id',
    why: "B's field ids answer NOT_FOUND and the field stays active",
    run: async () => {
      await notFound(asA.ticketField.archive({ fieldId: B.field.id }));
      const [row] = await inB(({ db }) => db.select().from(ticketFields).where(eq(ticketFields.id, B.field.id)));
      expect(row?.archivedAt).toBeNull();
    },
  },
  'ticketField.update': {
    kind: 'takes-id',
    why: "B's field ids answer NOT_FOUND and the field keeps its label",
    run: async () => {
      await notFound(asA.ticketField.update({ fieldId: B.field.id, label: 'Hijacked', requiredOnSolve: true }));
      const [row] = await inB(({ db }) => db.select().from(ticketFields).where(eq(ticketFields.id, B.field.id)));
      expect(row).toMatchObject({ requiredOnSolve: false });
      expect(row?.label).not.toBe('Hijacked');
    },
  },
  'ticketField.usage': {
    kind: 'scoped',
    why: "counts values on A's tickets only",
    run: async () => {
      await inB(({ db }) =>
        db
          .update(tickets)
          .set({ customFields: { [B.field.key]: 'b-value' } })
          .where(eq(tickets.id, B.ticket.id)),
      );
      expect((await asA.ticketField.usage()).map((u) => u.key)).not.toContain(B.field.key);
    },
  },
  'ticketField.delete': {
    kind: 'takes-id',
    why: "B's field ids answer NOT_FOUND; the field and B's ticket values stay",
    run: async () => {
      await notFound(asA.ticketField.delete({ fieldId: B.field.id }));
      expect(await inB(({ db }) => db.select().from(ticketFields).where(eq(ticketFields.id, B.field.id)))).toHaveLength(
        1,
      );
    },
  },
  'tag.list': {
    kind: 'scoped',
    why: "lists the tags on A's tickets only",
    run: async () => {
      const tag = `b-only-${B.ticket.word}`;
      await inB(({ db }) =>
        db
          .update(tickets)
          .set({ tags: [tag] })
          .where(eq(tickets.id, B.ticket.id)),
      );
      expect((await asA.tag.list()).map((t) => t.tag)).not.toContain(tag);
    },
  },
  'tag.delete': {
    kind: 'takes-id',
    why: "a tag only B's tickets carry answers NOT_FOUND, and B's ticket keeps it",
    run: async () => {
      const tag = `b-keep-${B.ticket.word}`;
      await inB(({ db }) =>
        db
          .update(tickets)
          .set({ tags: [tag] })
          .where(eq(tickets.id, B.ticket.id)),
      );
      const before = await bTicketState();
      await notFound(asA.tag.delete({ tag, tickets: { action: 'clear' } }));
      expect(await bTicketState()).toEqual(before);
    },
  },
  'savedView.list': {
    kind: 'scoped',
    why: "lists A's shared views (and the caller's own), none of B's",
    run: async () => {
      const ids = (await asA.savedView.list()).map((v) => v.id);
      expect(ids).toContain(A.sharedView.id);
      expect(ids).not.toContain(B.sharedView.id);
      expect(ids).not.toContain(B.view.id);
    },
  },
  'savedView.create': {
    kind: 'scoped',
    why: 'lands in A; a view naming B ids matches nothing',
    run: async () => {
      const view = await asA.savedView.create({
        name: 'Borrowed filters',
        filters: { assigneeIds: [B.agent.userId] },
        shared: true,
      });
      const [row] = await inA(({ db }) => db.select().from(savedViews).where(eq(savedViews.id, view.id)));
      expect(row?.tenantId).toBe(A.ws.id);
      expect((await asA.ticket.list({ savedViewId: view.id })).items).toEqual([]);
    },
  },
  'savedView.delete': {
    kind: 'takes-id',
    why: "B's view ids answer NOT_FOUND and the views stay",
    run: async () => {
      await notFound(asA.savedView.delete({ savedViewId: B.sharedView.id }));
      await notFound(asA.savedView.delete({ savedViewId: B.view.id }));
      const rows = await inB(({ db }) =>
        db
          .select({ id: savedViews.id })
          .from(savedViews)
          .where(inArray(savedViews.id, [B.view.id, B.sharedView.id])),
      );
      expect(rows).toHaveLength(2);
    },
  },
  'macro.list': {
    kind: 'scoped',
    why: "lists A's macros only",
    run: async () => {
      const ids = (await asA.macro.list()).map((m) => m.id);
      expect(ids).toContain(A.macro.id);
      expect(ids).not.toContain(B.macro.id);
    },
  },
  'macro.save': {
    kind: 'takes-id',
    why: "updating B's macro answers NOT_FOUND; actions naming B's agents, teams or categories answer NOT_FOUND; B's macro names are free in A",
    run: async () => {
      await notFound(asA.macro.save({ macroId: B.macro.id, name: 'Hijacked' }));
      await notFound(asA.macro.save({ name: 'Assign to B', actions: { assigneeId: B.agent.userId } }));
      await notFound(asA.macro.save({ name: 'Team B', actions: { teamId: B.team.id } }));
      await notFound(asA.macro.save({ name: 'Category B', actions: { categoryId: B.category.id } }));
      await notFound(asA.macro.save({ name: 'Type B', actions: { type: B.ticketType.key } }));
      const created = await asA.macro.save({ name: B.macro.name, body: 'Same name, other workspace' });
      const [row] = await inA(({ db }) => db.select().from(macros).where(eq(macros.id, created.id)));
      expect(row?.tenantId).toBe(A.ws.id);
      const [bRow] = await inB(({ db }) => db.select().from(macros).where(eq(macros.id, B.macro.id)));
      expect(bRow?.name).toBe(B.macro.name);
    },
  },
  'macro.delete': {
    kind: 'takes-id',
    why: "B's macro ids answer NOT_FOUND and the macro stays",
    run: async () => {
      await notFound(asA.macro.delete({ macroId: B.macro.id }));
      expect(await inB(({ db }) => db.select().from(macros).where(eq(macros.id, B.macro.id)))).toHaveLength(1);
    },
  },
  'macro.applyToTicket': {
    kind: 'takes-id',
    why: "B's macro on A's ticket and A's macro on B's ticket answer NOT_FOUND; nothing changes",
    run: async () => {
      const before = await bTicketState();
      const [aBefore] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, A.ticket.id)));
      await notFound(asA.macro.applyToTicket({ macroId: B.macro.id, ticketId: A.ticket.id }));
      await notFound(asA.macro.applyToTicket({ macroId: A.macro.id, ticketId: B.ticket.id }));
      expect(await bTicketState()).toEqual(before);
      const [aAfter] = await inA(({ db }) => db.select().from(tickets).where(eq(tickets.id, A.ticket.id)));
      expect(aAfter?.priority).toBe(aBefore?.priority);
    },
  },
  'ticketSettings.get': {
    kind: 'scoped',
    why: "reads A's numbering, not B's",
    run: async () => {
      await callerFor({ userId: B.ws.owner.userId, workspaceId: B.ws.id }).ticketSettings.update({
        prefix: 'BEE',
        includeYear: false,
        padding: 3,
        suffix: '',
      });
      expect(await asA.ticketSettings.get()).not.toMatchObject({ prefix: 'BEE' });
    },
  },
  'ticketSettings.update': {
    kind: 'scoped',
    why: "changes A's numbering only",
    run: async () => {
      const [bBefore] = await inB(({ db }) => db.select({ settings: tenants.settings }).from(tenants));
      await asA.ticketSettings.update({ prefix: 'AAA', includeYear: false, padding: 4, suffix: '' });
      expect(await asA.ticketSettings.get()).toMatchObject({ prefix: 'AAA', padding: 4 });
      const [bAfter] = await inB(({ db }) => db.select({ settings: tenants.settings }).from(tenants));
      expect(bAfter?.settings).toEqual(bBefore?.settings);
    },
  },

  // ── live updates ──
  'live.events': {
    kind: 'scoped',
    why: "a member of A hears of A's ticket changes only",
    run: async () => {
      const live = await subscribeLive({ userId: A.ws.owner.userId, workspaceId: A.ws.id });
      try {
        // LISTEN (or the first poll) needs a moment before it hears anything.
        await new Promise((resolve) => setTimeout(resolve, 500));
        const bTicket = await createTestTicket(B.ws.id, { requesterId: B.customer.id });
        const aTicket = await createTestTicket(A.ws.id, { requesterId: A.customer.id });
        const events = await live.readUntil((e) => e.ticketId === aTicket.id);
        expect(events.map((e) => e.ticketId)).toContain(aTicket.id);
        expect(events.map((e) => e.ticketId)).not.toContain(bTicket.id);
      } finally {
        await live.close();
      }
    },
  },

  // ── help center and knowledge base (cases in tests/helpers/help-isolation.ts) ──
  ...helpIsolationCases(() => ({ A, B, asA })),
  // ── SLA calendars, policies, defaults and reports (cases in tests/helpers/sla-isolation.ts) ──
  ...slaIsolationCases(() => ({ A, B, asA })),
  // ── the support dashboard (cases in tests/helpers/report-isolation.ts) ──
  ...reportIsolationCases(() => ({ A, B, asA })),

  // ── outbound email: preferences and mail settings (cases in tests/helpers/notification-isolation.ts) ──
  ...notificationIsolationCases(() => ({ A, B, asA })),
  ...inboundIsolationCases(() => ({ A, B, asA })),

  // ── Admin → Jobs (cases in tests/helpers/job-isolation.ts) ──
  ...jobIsolationCases(() => ({ A, B, asA })),

  // ── automation rules (cases in tests/helpers/automation-isolation.ts) ──
  ...automationIsolationCases(() => ({ A, B, asA })),

  // ── privacy requests and retention (cases in tests/helpers/privacy-isolation.ts) ──
  ...privacyIsolationCases(() => ({ A, B, asA })),
  // ── a person's own password and sessions (cases in tests/helpers/session-isolation.ts) ──
  ...sessionIsolationCases(() => ({ A, B, asA })),
  // ── the support widget and Admin → Widget (cases in tests/helpers/widget-isolation.ts) ──
  ...widgetIsolationCases(() => ({ A, B, asA })),
  // ── satisfaction surveys (cases in tests/helpers/csat-isolation.ts) ──
  ...csatIsolationCases(() => ({ A, B, asA })),
  // ── support sessions and deflection (cases in tests/helpers/support-isolation.ts) ──
  ...supportIsolationCases(() => ({ A, B, asA })),
  // ── assignment policies, availability and triage (cases in tests/helpers/assignment-isolation.ts) ──
  ...assignmentIsolationCases(() => ({ A, B, asA })),
};

describe('cross-workspace isolation', () => {
  it('every procedure of the app router has an isolation case', () => {
    const paths = allProcedurePaths();
    const missing = paths.filter((p) => !(p in CASES));
    const stale = Object.keys(CASES).filter((p) => !paths.includes(p));
    expect(
      { missing, stale },
      'add a case to CASES in tests/integration/cross-workspace.test.ts for each new procedure',
    ).toEqual({ missing: [], stale: [] });
  });

  for (const [path, isolation] of Object.entries(CASES)) {
    it(`${path} (${isolation.kind}): ${isolation.why}`, isolation.run);
  }
});
