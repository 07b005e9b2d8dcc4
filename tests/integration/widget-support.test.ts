import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as postRequest } from '@/app/api/widget/[workspace]/requests/route';
import { csatRatingEvents, csatSurveys, supportActivity } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { updateTicketStatus } from '@/server/services/ticket/agent-actions';
import { signWidgetUserId } from '@/server/services/widget/widget-identity';
import { listContextualArticles } from '@/server/services/help/contextual-help';
import { workspaceSender } from '@/server/services/notification/sender';
import { withWidget } from '@/server/services/widget/with-widget';
import { deflectionReport } from '@/server/services/support/deflection-report';
import { callerFor } from '../helpers/caller';
import { asStaff, createWorkspace, uniqueEmail, type TestWorkspace } from '../helpers/factories';
import { createTestArticle, linkTestHelpPath } from '../helpers/help-factories';
import { setUpTestWidget, widgetRequestBody } from '../helpers/widget-factories';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';

// The widget panel's support sessions: what the panel reports (views, searches) and what the filing route
// records with the ticket, counted by Admin → Deflection like the portal's and help center's.

const HOST = 'https://app.host-product.test';
let W: TestWorkspace;
let sign: (userId: string) => string;
let articleId: string;
const panel = callerFor();
const minutes = (n: number) => n * 60_000;

/** What the panel sends for a fact of its session (use-support-activity with the host page's path). */
const panelRecords = (
  sessionId: string,
  activity: { kind: 'article_viewed'; articleId: string } | { kind: 'search' },
) => panel.support.record({ workspace: W.slug, sessionId, source: 'widget', pagePath: '/billing', ...activity });

const fileFromPanel = (payload: Record<string, unknown>) =>
  postRequest(
    new Request(`http://localhost/api/widget/${W.slug}/requests`, {
      method: 'POST',
      body: widgetRequestBody(payload),
      headers: { [PEER_ADDRESS_HEADER]: `10.12.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
    }),
    { params: Promise.resolve({ workspace: W.slug }) },
  );

beforeAll(async () => {
  W = await createWorkspace();
  ({ sign } = await setUpTestWidget(W, [HOST]));
  ({ id: articleId } = await createTestArticle(W.id, W.owner, { title: 'Exporting invoices' }));
});

describe('widget sessions in deflection', () => {
  it('a session that read and filed is not deflected; one that only read is, once its 30 minutes are over', async () => {
    const [filed, readOnly] = [randomUUID(), randomUUID()];
    await panelRecords(filed, { kind: 'search' });
    await panelRecords(filed, { kind: 'article_viewed', articleId });
    await panelRecords(readOnly, { kind: 'article_viewed', articleId });
    const response = await fileFromPanel({
      email: uniqueEmail('widget-deflect'),
      subject: 'Export still fails',
      message: 'The article did not help.',
      context: { pageUrl: `${HOST}/billing?tab=invoices`, viewedArticles: ['Exporting invoices'], sessionId: filed },
    });
    expect(response.status).toBe(201);
    const { ticketId } = (await response.json()) as { ticketId: string };

    const rows = await runInTenant(W.id, ({ db }) =>
      db.select().from(supportActivity).where(eq(supportActivity.sessionId, filed)).orderBy(supportActivity.occurredAt),
    );
    // The host page's path, never the query string; the filed request names its ticket.
    expect(rows.map((r) => [r.source, r.kind, r.pagePath, r.ticketId])).toEqual([
      ['widget', 'search', '/billing', null],
      ['widget', 'article_viewed', '/billing', null],
      ['widget', 'request_filed', '/billing', ticketId],
    ]);

    const report = (now: Date) =>
      runInTenant(W.id, (scope) => deflectionReport(scope, { from: new Date(Date.now() - minutes(5)), to: now, now }));
    // Inside the window neither session is counted yet (the reader may still file).
    expect((await report(new Date(Date.now() + minutes(10)))).total).toEqual({ sessions: 0, deflected: 0, rate: null });
    const later = await report(new Date(Date.now() + minutes(31)));
    expect(later.total).toEqual({ sessions: 2, deflected: 1, rate: 0.5 });
    expect(later.byPage).toEqual([{ pagePath: '/billing', sessions: 2, deflected: 1, rate: 0.5 }]);
  });

  it('a panel without a uuid session (an old loader) still files, and records nothing', async () => {
    const response = await fileFromPanel({
      email: uniqueEmail('widget-old'),
      subject: 'From an old panel',
      message: 'Hello',
      context: { pageUrl: `${HOST}/settings`, sessionId: 'panel-1' },
    });
    expect(response.status).toBe(201);
    const rows = await runInTenant(W.id, ({ db }) =>
      db.select().from(supportActivity).where(eq(supportActivity.pagePath, '/settings')),
    );
    expect(rows).toEqual([]);
  });
});

describe('the satisfaction survey in the panel', () => {
  it('a verified visitor rates their solved conversation; unsigned, forged and foreign identities cannot', async () => {
    const userId = `user-${randomUUID()}`;
    const identity = { id: userId, email: uniqueEmail('widget-rater'), signature: sign(userId) };
    const response = await fileFromPanel({ identity, subject: 'Invoice export', message: 'It fails.' });
    expect(response.status).toBe(201);
    const { ticketId } = (await response.json()) as { ticketId: string };
    const visitor = { workspace: W.slug, identity };

    // Open: nothing to ask, and rating is refused with why.
    await expect(panel.widget.survey({ ...visitor, ticketId })).resolves.toBeNull();
    await expect(panel.widget.rate({ ...visitor, ticketId, response: { rating: 5 } })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    await asStaff(W.id, { userId: W.owner.userId, role: 'owner' }, (scope) =>
      updateTicketStatus(scope, { ticketId, status: 'solved' }),
    );
    await expect(panel.widget.survey({ ...visitor, ticketId })).resolves.toMatchObject({ scale: 'five', rating: null });
    const rated = await panel.widget.rate({ ...visitor, ticketId, response: { rating: 4, comment: 'Quick fix.' } });
    expect(rated).toMatchObject({ rating: 4, comment: 'Quick fix.' });

    const forged = [
      { id: userId, email: identity.email },
      { id: userId, email: identity.email, signature: '0'.repeat(64) },
      { id: userId, email: identity.email, signature: signWidgetUserId('another workspace secret', userId) },
    ];
    for (const other of forged) {
      const input = { workspace: W.slug, identity: other, ticketId };
      await expect(panel.widget.survey(input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(panel.widget.rate({ ...input, response: { rating: 1 } })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    // Re-read: one survey, the verified visitor's rating and comment untouched by the forged attempts.
    const surveys = await runInTenant(W.id, ({ db }) =>
      db.select().from(csatSurveys).where(eq(csatSurveys.ticketId, ticketId)),
    );
    expect(surveys.map((s) => [s.rating, s.comment])).toEqual([[4, 'Quick fix.']]);
    const history = await runInTenant(W.id, ({ db }) =>
      db.select().from(csatRatingEvents).where(eq(csatRatingEvents.surveyId, surveys[0]!.id)),
    );
    expect(history.map((e) => [e.rating, e.channel])).toEqual([[4, 'widget']]);
  });
});

describe("the panel's opening call in one statement", () => {
  it('answers as the separate reads do: linked articles in order, hidden ones left out, the sender address', async () => {
    const owner = { userId: W.owner.userId, role: 'owner' as const };
    const [first, second, draft, internal] = await Promise.all([
      createTestArticle(W.id, owner, { title: 'Second in the list' }),
      createTestArticle(W.id, owner, { title: 'First in the list' }),
      createTestArticle(W.id, owner, { title: 'A draft', status: 'draft' }),
      createTestArticle(W.id, owner, { title: 'Agents only', visibility: 'internal' }),
    ]);
    await linkTestHelpPath(W.id, '/orders', [second!.id, draft!.id, first!.id, internal!.id, articleId]);
    const config = await panel.widget.config({ workspace: W.slug, path: '/Orders/?tab=1' });
    const separately = await withWidget(W.slug, null, async (scope) => ({
      articles: await listContextualArticles(scope, '/orders'),
      supportEmail: (await workspaceSender(scope)).from.address,
    }));
    expect(config.articles.map((a) => a.id)).toEqual([second!.id, first!.id, articleId]);
    expect({ articles: config.articles, supportEmail: config.supportEmail }).toEqual(separately);
    expect((await panel.widget.config({ workspace: W.slug, path: '/nothing-linked' })).articles).toEqual([]);

    // The admin turns articles off (the helper also rotates the secret; nothing below signs).
    await setUpTestWidget(W, [HOST], { articlesEnabled: false });
    const off = await panel.widget.config({ workspace: W.slug, path: '/orders' });
    expect(off).toMatchObject({ articles: [], supportEmail: separately.supportEmail, parts: { articles: false } });
  });
});
