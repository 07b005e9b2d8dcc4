import { and, asc, eq, sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCsatLink } from '@/server/auth/csat-link';
import { csatRatingEvents, csatSettings, csatSurveys, outbox, teams } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { eraseCustomer } from '@/server/services/privacy/erase-customer';
import { updateTicketStatus } from '@/server/services/ticket/agent-actions';
import { replyAsCustomer } from '@/server/services/ticket/portal-tickets';
import { callerFor } from '../helpers/caller';
import {
  addMember,
  asStaff,
  createTestCustomer,
  createTestTeam,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import { deliverPending } from '../helpers/notification-mail';
import { startSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { createTestTicket } from '../helpers/ticket-factories';

// Satisfaction surveys end to end: the solved mail's signed one-click links (real mail through the in-process
// SMTP server), the survey page's procedures, the portal survey, the rating history, the csat.* events in the
// contract the analytics and automation work relies on, the team lead's alert, and the tenant walls.

let smtp: TestSmtpServer;
let A: TestWorkspace;
let B: TestWorkspace;
let agent: TestMember;
let lead: TestMember;
let team: { id: string };

beforeAll(async () => {
  smtp = await startSmtpServer();
  [A, B] = await Promise.all([createWorkspace({ name: 'Rated Desk' }), createWorkspace({ name: 'Other Desk' })]);
  agent = await addMember(A.id, 'agent', { name: 'Alex Agent' });
  lead = await addMember(A.id, 'agent', { name: 'Lee Lead' });
  team = await createTestTeam(A.id, { memberUserIds: [agent.userId, lead.userId] });
  await callerFor({ userId: A.owner.userId, workspaceId: A.id }).team.update({
    teamId: team.id,
    leadUserId: lead.userId,
  });
});

afterAll(async () => {
  await smtp?.close();
});

const anyone = () => callerFor({});
const setStatus = (ws: TestWorkspace, ticketId: string, status: 'solved' | 'open' | 'closed') =>
  asStaff(ws.id, { userId: ws.owner.userId, role: 'owner' }, (scope) =>
    updateTicketStatus(scope, { ticketId, status }),
  );

/** A ticket of a fresh customer, assigned to the agent in the lead's team, solved, and its mails delivered. */
async function solvedTicket(ws = A) {
  const customer = await createTestCustomer(ws.id);
  const ticket = await createTestTicket(ws.id, {
    requesterId: customer.id,
    ...(ws === A ? { assigneeId: agent.userId, teamId: team.id } : {}),
  });
  await setStatus(ws, ticket.id, 'solved');
  await deliverPending(ws.id);
  return { customer, ticket };
}

/** The rating links of the latest solved mail to a customer, by label. */
function ratingLinksIn(email: string) {
  const solved = smtp.mailsTo(email).filter((m) => m.subject.startsWith('Solved:'));
  const text = solved.at(-1)!.text;
  const links = new Map<string, string>();
  for (const [, label, url] of text.matchAll(/^(Excellent|Good|Okay|Poor|Very poor|Bad): (\S+)$/gm))
    links.set(label!, new URL(url!).searchParams.get('token')!);
  return links;
}

const surveysOf = (ws: TestWorkspace, ticketId: string) =>
  runInTenant(ws.id, ({ db }) =>
    db.select().from(csatSurveys).where(eq(csatSurveys.ticketId, ticketId)).orderBy(asc(csatSurveys.createdAt)),
  );
const historyOf = (ws: TestWorkspace, surveyId: string) =>
  runInTenant(ws.id, ({ db }) =>
    db
      .select()
      .from(csatRatingEvents)
      .where(eq(csatRatingEvents.surveyId, surveyId))
      .orderBy(asc(csatRatingEvents.createdAt)),
  );
const csatEvents = (ws: TestWorkspace, ticketId: string) =>
  runInTenant(ws.id, async ({ db }) =>
    (
      await db
        .select({ payload: outbox.payload })
        .from(outbox)
        .where(
          and(
            eq(outbox.kind, 'event'),
            sql`${outbox.payload} ->> 'type' like 'csat.%'`,
            sql`${outbox.payload} -> 'data' ->> 'ticketId' = ${ticketId}`,
          ),
        )
        .orderBy(asc(outbox.createdAt))
    ).map((r) => r.payload as { type: string; data: Record<string, unknown> }),
  );

describe('the solved mail and its one-click links', () => {
  it('carries one signed link per rating; opening the page records nothing, the page’s POST records the click', async () => {
    const { customer, ticket } = await solvedTicket();
    const links = ratingLinksIn(customer.email);
    expect([...links.keys()]).toEqual(['Excellent', 'Good', 'Okay', 'Poor', 'Very poor']);
    const [survey] = await surveysOf(A, ticket.id);
    expect(survey).toMatchObject({ scale: 'five', rating: null });
    expect(await csatEvents(A, ticket.id)).toEqual([{ type: 'csat.requested', data: { ticketId: ticket.id } }]);

    // What a mail scanner does: fetch the link. The page's read changes nothing.
    const viewed = await anyone().csat.linkSurvey({ workspace: A.slug, token: links.get('Good')! });
    expect(viewed).toMatchObject({ state: 'open', recorded: false, survey: { rating: null, scale: 'five' } });
    expect((await surveysOf(A, ticket.id))[0]!.rating).toBeNull();

    const rated = await anyone().csat.rateByLink({ workspace: A.slug, token: links.get('Good')! });
    expect(rated).toMatchObject({ state: 'open', recorded: true, survey: { rating: 4 } });
    // The page posting twice (a reload) records one rating, one history row, one event.
    await anyone().csat.rateByLink({ workspace: A.slug, token: links.get('Good')! });
    const history = await historyOf(A, survey!.id);
    expect(history.map((h) => [h.rating, h.previousRating, h.channel])).toEqual([[4, null, 'mail_link']]);
    expect((await csatEvents(A, ticket.id)).slice(1)).toEqual([
      {
        type: 'csat.received',
        data: {
          ticketId: ticket.id,
          rating: 4,
          scale: 'five',
          previousRating: null,
          hasComment: false,
          agentId: agent.userId,
          teamId: team.id,
        },
      },
    ]);
  });

  it('a later click changes the rating and keeps the history; the page adds a comment and follow-up answers', async () => {
    await runInTenant(A.id, ({ db }) =>
      db
        .insert(csatSettings)
        .values({ tenantId: A.id, questions: ['solution', 'team'] })
        .onConflictDoUpdate({ target: csatSettings.tenantId, set: { questions: ['solution', 'team'] } }),
    );
    const { customer, ticket } = await solvedTicket();
    const links = ratingLinksIn(customer.email);
    await anyone().csat.rateByLink({ workspace: A.slug, token: links.get('Excellent')! });
    await anyone().csat.rateByLink({ workspace: A.slug, token: links.get('Okay')! });
    const edited = await anyone().csat.submitByLink({
      workspace: A.slug,
      token: links.get('Okay')!,
      response: { rating: 2, comment: 'Took a week.', answers: { solution: 4, team: 2 } },
    });
    expect(edited).toMatchObject({
      state: 'open',
      survey: {
        rating: 2,
        comment: 'Took a week.',
        answers: { solution: 4, team: 2 },
        questions: ['solution', 'team'],
      },
    });
    const [survey] = await surveysOf(A, ticket.id);
    expect((await historyOf(A, survey!.id)).map((h) => [h.rating, h.previousRating, h.channel])).toEqual([
      [5, null, 'mail_link'],
      [3, 5, 'mail_link'],
      [2, 3, 'survey_page'],
    ]);
    const received = (await csatEvents(A, ticket.id)).filter((e) => e.type === 'csat.received');
    expect(received.map((e) => [e.data.rating, e.data.previousRating, e.data.hasComment])).toEqual([
      [5, null, false],
      [3, 5, false],
      [2, 3, true],
    ]);

    // A question this survey did not ask: refused, and nothing stored changes.
    await expect(
      anyone().csat.submitByLink({
        workspace: A.slug,
        token: links.get('Okay')!,
        response: { rating: 5, answers: { response_time: 5 } },
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('response_time') });
    expect((await surveysOf(A, ticket.id))[0]).toMatchObject({ rating: 2, comment: 'Took a week.' });
    await runInTenant(A.id, ({ db }) => db.delete(csatSettings).where(eq(csatSettings.tenantId, A.id)));
  });

  it('forged, damaged, foreign and expired links get a clear state, never an error, and record nothing', async () => {
    const { customer, ticket } = await solvedTicket();
    const good = ratingLinksIn(customer.email).get('Excellent')!;
    const [survey] = await surveysOf(A, ticket.id);
    const forged = await new SignJWT({ tid: A.id, r: 5 })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(survey!.id)
      .setAudience('cairn-csat')
      .setExpirationTime('1d')
      .sign(new TextEncoder().encode('not-the-server-secret-not-the-server-secret'));
    const expired = await signCsatLink(
      { tenantId: A.id, surveyId: survey!.id, rating: 1 },
      new Date(Date.now() - 1000),
    );
    const cases: Array<[string, { workspace: string; token: string }]> = [
      ['invalid', { workspace: A.slug, token: forged }],
      ['invalid', { workspace: A.slug, token: `${good.slice(0, -3)}abc` }],
      ['invalid', { workspace: A.slug, token: 'not-a-token' }],
      ['invalid', { workspace: B.slug, token: good }],
      ['expired', { workspace: A.slug, token: expired }],
    ];
    for (const [state, input] of cases) {
      await expect(anyone().csat.linkSurvey(input)).resolves.toEqual({ state });
      await expect(anyone().csat.rateByLink(input)).resolves.toEqual({ state });
    }
    expect((await surveysOf(A, ticket.id))[0]!.rating).toBeNull();
    expect(await historyOf(A, survey!.id)).toEqual([]);
    // Bad input to the procedure itself is a 400 that says what to fix.
    await expect(anyone().csat.linkSurvey({ workspace: 'Not A Slug!', token: good })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('a reopened and re-solved ticket asks again: a new survey, and the old links say so', async () => {
    const { customer, ticket } = await solvedTicket();
    const first = ratingLinksIn(customer.email);
    await anyone().csat.rateByLink({ workspace: A.slug, token: first.get('Good')! });
    await runInTenant(A.id, (scope) =>
      replyAsCustomer(
        scope,
        { id: customer.id, name: customer.name },
        { ticketId: ticket.id, body: 'Broken again.', attachmentIds: [] },
      ),
    );
    await expect(anyone().csat.rateByLink({ workspace: A.slug, token: first.get('Poor')! })).resolves.toEqual({
      state: 'superseded',
    });
    await setStatus(A, ticket.id, 'solved');
    await deliverPending(A.id);
    const second = ratingLinksIn(customer.email);
    expect(second.get('Poor')).not.toBe(first.get('Poor'));
    await anyone().csat.rateByLink({ workspace: A.slug, token: second.get('Poor')! });

    const surveys = await surveysOf(A, ticket.id);
    expect(surveys.map((s) => s.rating)).toEqual([4, 2]);
    expect((await csatEvents(A, ticket.id)).map((e) => e.type)).toEqual([
      'csat.requested',
      'csat.received',
      'csat.requested',
      'csat.received',
    ]);
    const agentView = await callerFor({ userId: agent.userId, workspaceId: A.id }).csat.forTicket({
      ticketId: ticket.id,
    });
    expect(agentView.map((s) => s.rating)).toEqual([2, 4]);
  });
});

describe('the portal survey', () => {
  it('the signed-in customer rates their solved request; others and open requests cannot', async () => {
    await runInTenant(A.id, ({ db }) =>
      db.insert(csatSettings).values({ tenantId: A.id, scale: 'good_bad', questions: ['response_time'] }),
    );
    const customer = await createTestCustomer(A.id);
    const ticket = await createTestTicket(A.id, { requesterId: customer.id });
    const asCustomer = callerFor({ portal: { tenantId: A.id, customerId: customer.id } });
    await expect(asCustomer.portal.survey({ ticketId: ticket.id })).resolves.toBeNull();
    await expect(asCustomer.portal.rate({ ticketId: ticket.id, response: { rating: 5 } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // Solved without its mail dispatched: the portal asks what the workspace asks, writing nothing yet.
    await setStatus(A, ticket.id, 'solved');
    await expect(asCustomer.portal.survey({ ticketId: ticket.id })).resolves.toMatchObject({
      scale: 'good_bad',
      questions: ['response_time'],
      rating: null,
    });
    expect(await surveysOf(A, ticket.id)).toEqual([]);
    await expect(asCustomer.portal.rate({ ticketId: ticket.id, response: { rating: 3 } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const rated = await asCustomer.portal.rate({
      ticketId: ticket.id,
      response: { rating: 1, comment: 'Nobody answered.', answers: { response_time: 1 } },
    });
    expect(rated).toMatchObject({ rating: 1, comment: 'Nobody answered.' });
    expect((await csatEvents(A, ticket.id)).map((e) => [e.type, e.data.rating, e.data.scale])).toEqual([
      ['csat.requested', undefined, undefined],
      ['csat.received', 1, 'good_bad'],
    ]);

    const stranger = await createTestCustomer(A.id);
    const asStranger = callerFor({ portal: { tenantId: A.id, customerId: stranger.id } });
    await expect(asStranger.portal.survey({ ticketId: ticket.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(asStranger.portal.rate({ ticketId: ticket.id, response: { rating: 5 } })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await surveysOf(A, ticket.id))[0]!.rating).toBe(1);

    // Erasing the customer (GDPR) removes their comment and keeps the rating for the workspace's figures.
    await eraseCustomer(A.id, customer.id);
    expect((await surveysOf(A, ticket.id))[0]).toMatchObject({ rating: 1, comment: '' });
    await runInTenant(A.id, ({ db }) => db.delete(csatSettings).where(eq(csatSettings.tenantId, A.id)));
  });
});

describe('a bad rating alerts the team lead', () => {
  it('mails the lead once when the rating turns bad, with the comment; a good rating mails nobody', async () => {
    const { customer, ticket } = await solvedTicket();
    const links = ratingLinksIn(customer.email);
    await anyone().csat.rateByLink({ workspace: A.slug, token: links.get('Excellent')! });
    await deliverPending(A.id);
    const about = () => smtp.mailsTo(lead.email).filter((m) => m.subject.includes(ticket.displayNumber));
    expect(about()).toEqual([]);

    await anyone().csat.submitByLink({
      workspace: A.slug,
      token: links.get('Excellent')!,
      response: { rating: 1, comment: 'The fix broke my printer.' },
    });
    await anyone().csat.rateByLink({ workspace: A.slug, token: links.get('Poor')! });
    await deliverPending(A.id);
    const alerts = about();
    expect(alerts.map((m) => m.subject)).toEqual([`[${ticket.displayNumber}] Bad rating: ${ticket.subject}`]);
    expect(alerts[0]!.text).toContain('The fix broke my printer.');
    expect(alerts[0]!.text).toContain(`/agent/tickets/${ticket.id}`);
    expect(smtp.mailsTo(agent.email).filter((m) => m.subject.includes('Bad rating'))).toEqual([]);
  });

  it('the lead must be a member of the team', async () => {
    const outsider = await addMember(A.id, 'agent');
    await expect(
      callerFor({ userId: A.owner.userId, workspaceId: A.id }).team.update({
        teamId: team.id,
        leadUserId: outsider.userId,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [row] = await runInTenant(A.id, ({ db }) => db.select().from(teams).where(eq(teams.id, team.id)));
    expect(row!.leadUserId).toBe(lead.userId);
  });
});

describe('settings and the tenant wall', () => {
  it('admins set the scale, follow-ups and link lifetime; bad values are refused with what to fix', async () => {
    const asOwner = callerFor({ userId: A.owner.userId, workspaceId: A.id });
    await expect(asOwner.csatSettings.get()).resolves.toEqual({
      enabled: true,
      scale: 'five',
      questions: [],
      linkDays: 14,
    });
    await expect(
      asOwner.csatSettings.update({ enabled: true, scale: 'five', questions: [], linkDays: 0 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('at least 1 day') });
    await expect(
      callerFor({ userId: agent.userId, workspaceId: A.id }).csatSettings.update({
        enabled: false,
        scale: 'five',
        questions: [],
        linkDays: 3,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const saved = await asOwner.csatSettings.update({
      enabled: false,
      scale: 'good_bad',
      questions: ['team'],
      linkDays: 3,
    });
    expect(saved).toEqual({ enabled: false, scale: 'good_bad', questions: ['team'], linkDays: 3 });

    // Surveys off: the solved mail asks nothing, and no survey is opened.
    const { customer, ticket } = await solvedTicket();
    expect(ratingLinksIn(customer.email).size).toBe(0);
    expect(await surveysOf(A, ticket.id)).toEqual([]);
    await runInTenant(A.id, ({ db }) => db.delete(csatSettings).where(eq(csatSettings.tenantId, A.id)));
  });

  it("another workspace's ratings are out of reach: NOT_FOUND through the app, no rows under RLS", async () => {
    const { customer, ticket } = await solvedTicket(B);
    await anyone().csat.rateByLink({ workspace: B.slug, token: ratingLinksIn(customer.email).get('Good')! });
    const asOwnerOfA = callerFor({ userId: A.owner.userId, workspaceId: A.id });
    await expect(asOwnerOfA.csat.forTicket({ ticketId: ticket.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const customerOfA = await createTestCustomer(A.id);
    const asA = callerFor({ portal: { tenantId: A.id, customerId: customerOfA.id } });
    await expect(asA.portal.survey({ ticketId: ticket.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Re-read from A's side of the wall: B's survey and history are not there, and still are in B.
    expect(await surveysOf(A, ticket.id)).toEqual([]);
    const [theirs] = await surveysOf(B, ticket.id);
    expect(theirs!.rating).toBe(4);
    expect(await historyOf(A, theirs!.id)).toEqual([]);
    expect(await historyOf(B, theirs!.id)).toHaveLength(1);
    expect(
      await runInTenant(A.id, ({ db }) => db.select().from(csatSettings).where(eq(csatSettings.tenantId, B.id))),
    ).toEqual([]);
  });
});
