import { and, eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processEmailSend } from '@/jobs/processors/email-send';
import { signPortalSession, verifyPortalSession } from '@/server/auth/portal-session';
import { customerLoginTokens, customers, invitations, memberships, outbox, users } from '@/server/db/schema';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { resetTransport } from '@/server/email/transport';
import { verifyPassword } from '@/server/services/auth/password';
import { verifyPortalLink } from '@/server/services/portal/portal-sign-in';
import { isSlugTaken } from '@/server/services/workspace/queries';
import { callerFor } from '../helpers/caller';
import {
  createUser,
  createWorkspace,
  TEST_PASSWORD,
  uniqueEmail,
  uniqueSlug,
  type TestWorkspace,
} from '../helpers/factories';
import { firstLink, startSmtpServer, type TestSmtpServer } from '../helpers/smtp';

// Sign-up, invitations and portal links end to end: real database, real outbox, real SMTP transport into an
// in-process SMTP server. The worker's processor is called directly here; queue-modes.test.ts runs it
// through the real queues.

let smtp: TestSmtpServer;
let ws: TestWorkspace;

beforeAll(async () => {
  smtp = await startSmtpServer();
  resetTransport();
  ws = await createWorkspace({ name: 'Northwind Help' });
});

afterAll(async () => {
  resetTransport();
  await smtp?.close();
});

/** Runs the email.send processor for every pending outbox mail to the address, as the worker would. */
async function deliverPending(tenantId: string, to: string) {
  const rows = await runInTenant(tenantId, ({ db }) =>
    db
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), eq(outbox.kind, 'email'))),
  );
  const mine = rows.filter((r) => r.payload.to === to);
  expect(mine.length, `a pending outbox mail to ${to}`).toBeGreaterThan(0);
  for (const row of mine) await processEmailSend({ tenantId, outboxId: row.id });
  return { mail: await smtp.waitForMailTo(to), outboxIds: mine.map((r) => r.id) };
}

const userByEmail = async (email: string) =>
  (await runWithoutTenant((tx) => tx.select().from(users).where(eq(users.email, email))))[0] ?? null;
const asOwner = () => callerFor({ userId: ws.owner.userId, workspaceId: ws.id });

describe('sign-up', () => {
  it('creates the person, the workspace and their ownership', async () => {
    const email = uniqueEmail('founder');
    const slug = uniqueSlug('founded');
    const result = await callerFor({}).auth.signUp({
      name: 'Fay Founder',
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
      workspaceName: 'Founded Co',
      workspaceSlug: slug.toUpperCase(),
    });
    expect(result.workspace).toMatchObject({ slug, name: 'Founded Co' });
    const user = await userByEmail(email);
    expect(user).toMatchObject({ id: result.userId, name: 'Fay Founder' });
    expect(await verifyPassword(TEST_PASSWORD, user!.passwordHash)).toBe(true);
    const current = await callerFor({ userId: result.userId }).workspace.current();
    expect(current).toMatchObject({ id: result.workspace.id, role: 'owner' });
  });

  it('refuses a taken workspace address with CONFLICT, naming the problem, and stores nothing', async () => {
    const email = uniqueEmail('second');
    const call = callerFor({}).auth.signUp({
      name: 'Second',
      email,
      password: TEST_PASSWORD,
      workspaceName: 'Copycat',
      workspaceSlug: ws.slug.toUpperCase(),
    });
    await expect(call).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/workspace address is already taken/),
    });
    expect(await userByEmail(email)).toBeNull();
  });

  it('refuses an email that already has an account with CONFLICT and creates no workspace', async () => {
    const slug = uniqueSlug('dupe');
    const call = callerFor({}).auth.signUp({
      name: 'Again',
      email: ws.owner.email,
      password: TEST_PASSWORD,
      workspaceName: 'Again',
      workspaceSlug: slug,
    });
    await expect(call).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/account with this email already exists/),
    });
    expect(await isSlugTaken(slug)).toBe(false);
  });

  it('refuses bad input with BAD_REQUEST and stores nothing', async () => {
    const email = uniqueEmail('bad');
    for (const input of [
      { name: 'Bad Slug', email, password: TEST_PASSWORD, workspaceName: 'Bad', workspaceSlug: 'ab' },
      { name: 'Reserved', email, password: TEST_PASSWORD, workspaceName: 'Reserved', workspaceSlug: 'admin' },
      { name: 'Short Password', email, password: 'short', workspaceName: 'Short', workspaceSlug: uniqueSlug() },
      {
        name: 'Bad Email',
        email: 'not-an-email',
        password: TEST_PASSWORD,
        workspaceName: 'Bad',
        workspaceSlug: uniqueSlug(),
      },
    ]) {
      await expect(callerFor({}).auth.signUp(input), input.name).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await userByEmail(email)).toBeNull();
    expect(await isSlugTaken('admin')).toBe(false);
  });
});

describe('invitations', () => {
  it('emails a link that describes the invitation and, once accepted, makes the new person a member', async () => {
    const email = uniqueEmail('newhire');
    await asOwner().invitation.create({ email, role: 'agent' });
    const { mail, outboxIds } = await deliverPending(ws.id, email);
    expect(mail.subject).toBe(`${ws.owner.name} invited you to Northwind Help on Cairn`);
    const token = firstLink(mail).pathname.match(/^\/invite\/([\w-]+)$/)?.[1];
    expect(token).toBeTruthy();

    await expect(callerFor({}).auth.invitation({ token: token! })).resolves.toEqual({
      workspaceName: 'Northwind Help',
      workspaceSlug: ws.slug,
      email,
      role: 'agent',
      hasAccount: false,
    });

    // A new person must give a name and password; without them nothing happens and the link still works.
    await expect(callerFor({}).auth.acceptInvitation({ token: token! })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const accepted = await callerFor({}).auth.acceptInvitation({
      token: token!,
      name: 'Nia Newhire',
      password: TEST_PASSWORD,
    });
    expect(accepted).toMatchObject({ workspaceId: ws.id, email });
    const user = await userByEmail(email);
    expect(user?.id).toBe(accepted.userId);
    expect(await verifyPassword(TEST_PASSWORD, user!.passwordHash)).toBe(true);
    const [membership] = await runInTenant(ws.id, ({ db }) =>
      db.select().from(memberships).where(eq(memberships.userId, accepted.userId)),
    );
    expect(membership?.role).toBe('agent');

    // Single use: the link and the mail job are both spent.
    await expect(
      callerFor({}).auth.acceptInvitation({ token: token!, name: 'Again', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/already used/) });
    await expect(callerFor({}).auth.invitation({ token: token! })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await expect(processEmailSend({ tenantId: ws.id, outboxId: outboxIds[0]! })).resolves.toEqual({ skipped: true });
    expect(smtp.mailsTo(email)).toHaveLength(1);
  });

  it('refuses an expired invitation and creates nobody', async () => {
    const email = uniqueEmail('late');
    const created = await asOwner().invitation.create({ email, role: 'viewer' });
    const token = created.inviteUrl.split('/invite/')[1]!;
    await runInTenant(ws.id, ({ db }) =>
      db
        .update(invitations)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(invitations.id, created.id)),
    );
    await expect(callerFor({}).auth.invitation({ token })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/expired/),
    });
    await expect(
      callerFor({}).auth.acceptInvitation({ token, name: 'Late', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/expired/) });
    expect(await userByEmail(email)).toBeNull();
  });

  it('refuses a revoked invitation, and a newer invitation replaces the older link', async () => {
    const email = uniqueEmail('maybe');
    const first = await asOwner().invitation.create({ email, role: 'agent' });
    const second = await asOwner().invitation.create({ email, role: 'admin' });
    const firstToken = first.inviteUrl.split('/invite/')[1]!;
    const secondToken = second.inviteUrl.split('/invite/')[1]!;
    await expect(callerFor({}).auth.invitation({ token: firstToken })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringMatching(/withdrawn/),
    });
    await expect(callerFor({}).auth.invitation({ token: secondToken })).resolves.toMatchObject({ role: 'admin' });

    await asOwner().invitation.revoke({ invitationId: second.id });
    await expect(
      callerFor({}).auth.acceptInvitation({ token: secondToken, name: 'Maybe', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringMatching(/withdrawn/) });
    expect(await userByEmail(email)).toBeNull();
  });

  it('an existing account must be signed in as the invited address to accept', async () => {
    const person = await createUser();
    const created = await asOwner().invitation.create({ email: person.email, role: 'viewer' });
    const token = created.inviteUrl.split('/invite/')[1]!;
    await expect(callerFor({}).auth.invitation({ token })).resolves.toMatchObject({ hasAccount: true });
    await expect(callerFor({}).auth.acceptInvitation({ token })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining(person.email),
    });
    await expect(callerFor({ userId: ws.owner.userId }).auth.acceptInvitation({ token })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
    await expect(callerFor({ userId: person.userId }).auth.acceptInvitation({ token })).resolves.toMatchObject({
      userId: person.userId,
    });
    await expect(callerFor({ userId: person.userId }).workspace.current()).resolves.toMatchObject({
      id: ws.id,
      role: 'viewer',
    });
    // An accepted invitation can no longer be revoked: there is no open invitation left.
    await expect(asOwner().invitation.revoke({ invitationId: created.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('an unknown token is NOT_FOUND', async () => {
    await expect(callerFor({}).auth.invitation({ token: 'a'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      callerFor({}).auth.acceptInvitation({ token: 'a'.repeat(43), name: 'X', password: TEST_PASSWORD }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('portal sign-in', () => {
  it('emails a single-use link that signs the customer in, creating them on first use', async () => {
    const email = uniqueEmail('buyer');
    await expect(
      callerFor({}).auth.requestPortalLink({ workspace: ws.slug, email, next: '//evil.example/steal' }),
    ).resolves.toEqual({ sent: true });
    // Nobody is created until the link is used.
    expect(await runInTenant(ws.id, ({ db }) => db.select().from(customers).where(eq(customers.email, email)))).toEqual(
      [],
    );

    const { mail } = await deliverPending(ws.id, email);
    expect(mail.subject).toBe('Your sign-in link for Northwind Help');
    const link = firstLink(mail);
    expect(link.pathname).toBe(`/${ws.slug}/portal/auth`);
    expect(link.searchParams.get('next')).toBe(`/${ws.slug}/portal`);
    const token = link.searchParams.get('token')!;

    const signedIn = await verifyPortalLink({ workspace: ws.slug, token });
    expect(signedIn).toMatchObject({ tenantId: ws.id, slug: ws.slug });
    const [customer] = await runInTenant(ws.id, ({ db }) =>
      db.select().from(customers).where(eq(customers.email, email)),
    );
    expect(customer?.id).toBe(signedIn.customerId);

    await expect(verifyPortalLink({ workspace: ws.slug, token })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringMatching(/already used/),
    });

    const session = { tenantId: signedIn.tenantId, customerId: signedIn.customerId };
    // An email sign-in reaches all of the customer's requests: no ticket restriction.
    await expect(verifyPortalSession(await signPortalSession(session))).resolves.toEqual({
      ...session,
      ticketId: null,
    });
    await expect(callerFor({ portal: session }).portal.me()).resolves.toEqual({ id: customer!.id, email, name: '' });
  });

  it("refuses a link used on another workspace's portal, and an expired link", async () => {
    const other = await createWorkspace();
    const email = uniqueEmail('wanderer');
    await callerFor({}).auth.requestPortalLink({ workspace: ws.slug, email });
    const token = firstLink((await deliverPending(ws.id, email)).mail).searchParams.get('token')!;
    await expect(verifyPortalLink({ workspace: other.slug, token })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await runInTenant(ws.id, ({ db }) =>
      db
        .update(customerLoginTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(customerLoginTokens.email, email)),
    );
    await expect(verifyPortalLink({ workspace: ws.slug, token })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await runInTenant(ws.id, ({ db }) => db.select().from(customers).where(eq(customers.email, email)))).toEqual(
      [],
    );
  });

  it('an unknown workspace is NOT_FOUND', async () => {
    await expect(
      callerFor({}).auth.requestPortalLink({ workspace: uniqueSlug('nowhere'), email: uniqueEmail() }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a customer session is not a staff session, and a staff session is not a customer session', async () => {
    const [customer] = await runInTenant(ws.id, ({ db }) =>
      db
        .insert(customers)
        .values({ tenantId: ws.id, email: uniqueEmail('cust') })
        .returning(),
    );
    const portal = { tenantId: ws.id, customerId: customer!.id };
    const asCustomer = callerFor({ portal });
    await expect(asCustomer.member.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(asCustomer.workspace.current()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(asCustomer.customer.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor({ userId: ws.owner.userId, workspaceId: ws.id }).portal.me()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('only tokens signed for the portal audience are portal sessions', async () => {
    const secret = new TextEncoder().encode(process.env.AUTH_SECRET!);
    const noAudience = await new SignJWT({ tid: ws.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ws.owner.userId)
      .setExpirationTime('1h')
      .sign(secret);
    const wrongKey = await new SignJWT({ tid: ws.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ws.owner.userId)
      .setAudience('cairn-portal')
      .sign(new TextEncoder().encode('x'.repeat(40)));
    await expect(verifyPortalSession(noAudience)).resolves.toBeNull();
    await expect(verifyPortalSession(wrongKey)).resolves.toBeNull();
    await expect(verifyPortalSession('not.a.jwt')).resolves.toBeNull();
  });

  it('the sixth link request for the same address from the same place is TOO_MANY_REQUESTS', async () => {
    const email = uniqueEmail('eager');
    const ip = '203.0.113.7';
    for (let i = 0; i < 5; i++)
      await expect(callerFor({ ip }).auth.requestPortalLink({ workspace: ws.slug, email })).resolves.toEqual({
        sent: true,
      });
    await expect(
      callerFor({ ip }).auth.requestPortalLink({ workspace: ws.slug, email: email.toUpperCase() }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringMatching(/^Too many attempts\. Wait \d+ minutes? and try again\.$/),
    });
    const stored = await runInTenant(ws.id, ({ db }) =>
      db.select().from(customerLoginTokens).where(eq(customerLoginTokens.email, email)),
    );
    expect(stored).toHaveLength(5);
    // Another address from the same place is not held back.
    await expect(
      callerFor({ ip }).auth.requestPortalLink({ workspace: ws.slug, email: uniqueEmail('other') }),
    ).resolves.toEqual({ sent: true });
  });
});
