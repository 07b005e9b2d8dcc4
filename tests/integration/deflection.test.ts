import { randomBytes, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postGuestRequest } from '@/app/api/guest-requests/[workspace]/route';
import { env } from '@/lib/env';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';
import { supportActivity } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { deflectionReport } from '@/server/services/support/deflection-report';
import { recordSupportActivity, type SupportActivity } from '@/server/services/support/record-support-activity';
import { callerFor, errorCodeOf } from '../helpers/caller';
import { createWorkspace, uniqueEmail, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';

// Deflection from recorded support-session facts, on a controlled clock: a session that read an article and
// filed no request within 30 minutes is deflected; one still inside its 30 minutes is not counted yet.

let W: TestWorkspace;
let article: { id: string };
const minutes = (n: number) => n * 60_000;
/** A fixed morning, so days and windows are exact whatever the real clock says. */
const T = new Date('2026-11-02T09:00:00Z');
const at = (offsetMinutes: number) => new Date(T.getTime() + minutes(offsetMinutes));

const record = (activity: Omit<SupportActivity, 'source'> & { source?: SupportActivity['source'] }) =>
  runInTenant(W.id, (scope) => recordSupportActivity(scope, { source: 'help_center', ...activity }));
const view = (sessionId: string, offset: number, pagePath = '/acme/help/articles/refunds') =>
  record({ sessionId, pagePath, kind: 'article_viewed', articleId: article.id, at: at(offset) });
const filed = (sessionId: string, offset: number) =>
  record({ sessionId, pagePath: '/portal/new', kind: 'request_filed', source: 'portal', at: at(offset) });

beforeAll(async () => {
  W = await createWorkspace();
  article = await createTestArticle(W.id, W.owner, { title: 'Refunds explained' });
});

describe('deflection', () => {
  it('counts sessions that read an article and filed nothing within 30 minutes, by day and by page', async () => {
    const [deflected, filedSoon, filedLate, twoViews, searchOnly, nextDay, stillOpen] = Array.from({ length: 7 }, () =>
      randomUUID(),
    );
    await view(deflected!, 0);
    await view(filedSoon!, 5);
    await filed(filedSoon!, 25); // within 30 minutes of its first view: not deflected
    await view(filedLate!, 10);
    await filed(filedLate!, 41); // 31 minutes after: deflected
    await view(twoViews!, 20, '/acme/help/articles/shipping');
    await view(twoViews!, 22); // one session, counted once, on the page of its first view
    await record({ sessionId: searchOnly!, pagePath: '/acme/help', kind: 'search', at: at(1) });
    await filed(searchOnly!, 3); // read no article: not a candidate at all
    await view(nextDay!, 24 * 60, '/acme/help/articles/shipping');
    await view(stillOpen!, 24 * 60 + 50); // at `now` below it has 10 minutes to go: left out

    const report = await runInTenant(W.id, (scope) =>
      deflectionReport(scope, { from: at(-60), to: at(48 * 60), now: at(24 * 60 + 60) }),
    );
    expect(report.total).toEqual({ sessions: 5, deflected: 4, rate: 0.8 });
    expect(report.byDay).toEqual([
      { day: '2026-11-02', sessions: 4, deflected: 3, rate: 0.75 },
      { day: '2026-11-03', sessions: 1, deflected: 1, rate: 1 },
    ]);
    expect(report.byPage).toEqual([
      { pagePath: '/acme/help/articles/refunds', sessions: 3, deflected: 2, rate: 2 / 3 },
      { pagePath: '/acme/help/articles/shipping', sessions: 2, deflected: 2, rate: 1 },
    ]);

    // Later, the open session's window has closed: now it counts, deflected.
    const later = await runInTenant(W.id, (scope) =>
      deflectionReport(scope, { from: at(-60), to: at(48 * 60), now: at(26 * 60) }),
    );
    expect(later.total).toEqual({ sessions: 6, deflected: 5, rate: 5 / 6 });

    // The support dashboard's self-service section shows the same figure for those local days.
    const asOwner = callerFor({ userId: W.owner.userId, workspaceId: W.id });
    const selfService = await asOwner.report.selfService({ from: '2026-11-02', to: '2026-11-03' });
    expect(selfService).toMatchObject({ deflectionRate: 5 / 6, deflectionSessions: 6 });
  });

  it('the browser reports views through support.record; a guest request from that tab ends the deflection', async () => {
    const sessionId = randomUUID();
    const reader = callerFor({});
    await reader.support.record({
      workspace: W.slug,
      sessionId,
      source: 'portal',
      pagePath: '/portal/new?email=someone@example.test#top',
      kind: 'article_viewed',
      articleId: article.id,
    });
    const form = new FormData();
    for (const [key, value] of Object.entries({
      name: 'Robin',
      email: uniqueEmail('deflect'),
      subject: 'Still need a refund',
      body: 'The article did not answer it.',
      sessionId,
    }))
      form.append(key, value);
    const res = await postGuestRequest(
      new Request(`${env.APP_URL}/api/guest-requests/${W.slug}`, {
        method: 'POST',
        body: form,
        headers: { [PEER_ADDRESS_HEADER]: `2001:db8:${randomBytes(2).toString('hex')}::7` },
      }),
      { params: Promise.resolve({ workspace: W.slug }) },
    );
    expect(res.status).toBe(201);
    const rows = await runInTenant(W.id, ({ db }) =>
      db.select().from(supportActivity).where(eq(supportActivity.sessionId, sessionId)),
    );
    // The query string (an address here) never reaches the table.
    expect(rows.map((r) => [r.kind, r.pagePath, r.ticketId !== null])).toEqual([
      ['article_viewed', '/portal/new', false],
      ['request_filed', '/portal/new', true],
    ]);
    const now = new Date(Date.now() + minutes(31));
    const report = await runInTenant(W.id, (scope) =>
      deflectionReport(scope, { from: new Date(Date.now() - minutes(5)), to: now, now }),
    );
    expect(report.total).toEqual({ sessions: 1, deflected: 0, rate: 0 });
  });

  it('refuses what the browser may not say: a filed request, a non-uuid session, another path shape', async () => {
    const base = { workspace: W.slug, sessionId: randomUUID(), source: 'help_center' as const, pagePath: '/help' };
    const reader = callerFor({});
    expect(await errorCodeOf(reader.support.record({ ...base, kind: 'request_filed' } as never))).toBe('BAD_REQUEST');
    expect(await errorCodeOf(reader.support.record({ ...base, sessionId: 'me@example.test', kind: 'search' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await errorCodeOf(reader.support.record({ ...base, pagePath: 'https://x.test/a', kind: 'search' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await errorCodeOf(reader.support.record({ ...base, kind: 'article_viewed' }))).toBe('BAD_REQUEST');
    expect(await errorCodeOf(reader.support.record({ ...base, workspace: 'no-such-place', kind: 'search' }))).toBe(
      'NOT_FOUND',
    );
    const stored = await runInTenant(W.id, ({ db }) =>
      db.select().from(supportActivity).where(eq(supportActivity.sessionId, base.sessionId)),
    );
    expect(stored).toEqual([]);
  });
});
