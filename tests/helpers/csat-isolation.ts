import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { signCsatLink } from '@/server/auth/csat-link';
import { csatSettings, csatSurveys } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { openSurvey, loadSurveyTicket } from '@/server/services/csat/survey-round';
import { updateTicketStatus } from '@/server/services/ticket/agent-actions';
import { callerFor, type Caller } from './caller';
import { asStaff, type TestWorkspace } from './factories';
import { createTestTicket } from './ticket-factories';

// The satisfaction cases of tests/integration/cross-workspace.test.ts, and the fixtures the role matrix
// uses for the csat procedures. A's owner (and A's customer) try every csat procedure against B's survey.

type Side = { ws: TestWorkspace; customer: { id: string } };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

/** A fresh ticket of the customer, solved by the owner; returns its id. */
export async function solvedTicketFor(ws: TestWorkspace, customerId: string) {
  const ticket = await createTestTicket(ws.id, { requesterId: customerId });
  await asStaff(ws.id, { userId: ws.owner.userId, role: 'owner' }, (scope) =>
    updateTicketStatus(scope, { ticketId: ticket.id, status: 'solved' }),
  );
  return ticket.id;
}

/** A solved ticket's survey, opened as the solved mail opens it, and a signed one-click link to it. */
export async function csatLinkFor(ws: TestWorkspace, customerId: string, rating = 4) {
  const ticketId = await solvedTicketFor(ws, customerId);
  const survey = await runInTenant(ws.id, async (scope) =>
    openSurvey(scope, (await loadSurveyTicket(scope, ticketId))!),
  );
  return {
    workspace: ws.slug,
    token: await signCsatLink({ tenantId: ws.id, surveyId: survey!.id, rating }, survey!.expiresAt),
    ticketId,
    surveyId: survey!.id,
  };
}

const surveyRow = async (ws: TestWorkspace, surveyId: string) =>
  (await runInTenant(ws.id, ({ db }) => db.select().from(csatSurveys).where(eq(csatSurveys.id, surveyId))))[0];

export function csatIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  /** B's link presented at A's address: the token names B, so A opens nothing. */
  const bLinkUnderA = async () => {
    const { A, B } = sides();
    const link = await csatLinkFor(B.ws, B.customer.id);
    return { link, input: { workspace: A.ws.slug, token: link.token } };
  };
  return {
    'csat.linkSurvey': {
      kind: 'tenant-independent',
      why: "B's signed link under A's address is invalid there; it opens only under B",
      run: async () => {
        const { B } = sides();
        const { link, input } = await bLinkUnderA();
        await expect(callerFor({}).csat.linkSurvey(input)).resolves.toEqual({ state: 'invalid' });
        await expect(callerFor({}).csat.linkSurvey({ workspace: B.ws.slug, token: link.token })).resolves.toMatchObject(
          { state: 'open' },
        );
      },
    },
    'csat.rateByLink': {
      kind: 'tenant-independent',
      why: "B's link under A's address records nothing",
      run: async () => {
        const { B } = sides();
        const { link, input } = await bLinkUnderA();
        await expect(callerFor({}).csat.rateByLink(input)).resolves.toEqual({ state: 'invalid' });
        expect((await surveyRow(B.ws, link.surveyId))!.rating).toBeNull();
      },
    },
    'csat.submitByLink': {
      kind: 'tenant-independent',
      why: "B's link under A's address stores no rating or comment",
      run: async () => {
        const { B } = sides();
        const { link, input } = await bLinkUnderA();
        await expect(
          callerFor({}).csat.submitByLink({ ...input, response: { rating: 1, comment: 'From elsewhere' } }),
        ).resolves.toEqual({ state: 'invalid' });
        expect(await surveyRow(B.ws, link.surveyId)).toMatchObject({ rating: null, comment: '' });
      },
    },
    'csat.forTicket': {
      kind: 'takes-id',
      why: "B's ticket ids answer NOT_FOUND; A's own ticket lists its survey",
      run: async () => {
        const { A, B, asA } = sides();
        const theirs = await csatLinkFor(B.ws, B.customer.id);
        await notFound(asA.csat.forTicket({ ticketId: theirs.ticketId }));
        const mine = await csatLinkFor(A.ws, A.customer.id);
        expect((await asA.csat.forTicket({ ticketId: mine.ticketId })).map((s) => s.id)).toEqual([mine.surveyId]);
      },
    },
    'csatSettings.get': {
      kind: 'scoped',
      why: "reads A's survey settings, never B's",
      run: async () => {
        const { A, B, asA } = sides();
        await runInTenant(B.ws.id, ({ db }) =>
          db
            .insert(csatSettings)
            .values({ tenantId: B.ws.id, scale: 'good_bad', linkDays: 2 })
            .onConflictDoUpdate({ target: csatSettings.tenantId, set: { scale: 'good_bad', linkDays: 2 } }),
        );
        const mine = await asA.csatSettings.get();
        expect(mine.linkDays).not.toBe(2);
        expect(A.ws.id).not.toBe(B.ws.id);
      },
    },
    'csatSettings.update': {
      kind: 'scoped',
      why: "changes A's settings only; B's stay as they were",
      run: async () => {
        const { A, B, asA } = sides();
        const before = await runInTenant(B.ws.id, ({ db }) => db.select().from(csatSettings));
        await asA.csatSettings.update({ enabled: true, scale: 'five', questions: ['team'], linkDays: 9 });
        expect(await runInTenant(B.ws.id, ({ db }) => db.select().from(csatSettings))).toEqual(before);
        const [mine] = await runInTenant(A.ws.id, ({ db }) => db.select().from(csatSettings));
        expect(mine).toMatchObject({ tenantId: A.ws.id, linkDays: 9 });
      },
    },
    'portal.survey': {
      kind: 'portal',
      why: "B's ticket ids answer NOT_FOUND to A's customer",
      run: async () => {
        const { A, B } = sides();
        const theirs = await solvedTicketFor(B.ws, B.customer.id);
        await notFound(
          callerFor({ portal: { tenantId: A.ws.id, customerId: A.customer.id } }).portal.survey({ ticketId: theirs }),
        );
      },
    },
    'portal.rate': {
      kind: 'portal',
      why: "B's ticket ids answer NOT_FOUND and no survey is opened for them",
      run: async () => {
        const { A, B } = sides();
        const theirs = await solvedTicketFor(B.ws, B.customer.id);
        await notFound(
          callerFor({ portal: { tenantId: A.ws.id, customerId: A.customer.id } }).portal.rate({
            ticketId: theirs,
            response: { rating: 1 },
          }),
        );
        expect(
          await runInTenant(B.ws.id, ({ db }) => db.select().from(csatSurveys).where(eq(csatSurveys.ticketId, theirs))),
        ).toEqual([]);
      },
    },
  };
}
