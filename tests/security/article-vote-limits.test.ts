import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { articleFeedback, articles } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { VISITOR_COOKIE } from '@/server/trpc/context';
import { callerFor, errorShapeOf } from '../helpers/caller';
import { createWorkspace, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';
import { postMutation } from '../helpers/trpc-request';

// Hole 14: anonymous votes and view counts were unlimited: one script voted a thousand times. Votes are
// one per visitor and article (a new vote changes it) and limited per visitor and per address; views
// count once per visitor and article a day and stop counting past the address's limit.

let ws: TestWorkspace;
let articleId: string;

const randomIp = () => `10.${[0, 0, 0].map(() => Math.floor(Math.random() * 250) + 1).join('.')}`;

async function counts() {
  return runInTenant(ws.id, async (scope) => {
    const [row] = await scope.db
      .select({ yes: articles.helpfulYes, no: articles.helpfulNo, views: articles.viewCount })
      .from(articles)
      .where(eq(articles.id, articleId));
    const votes = await scope.db
      .select({ id: articleFeedback.id })
      .from(articleFeedback)
      .where(eq(articleFeedback.articleId, articleId));
    return { ...row!, rows: votes.length };
  });
}

beforeEach(async () => {
  ws ??= await createWorkspace();
  articleId = (await createTestArticle(ws.id, { userId: ws.owner.userId, role: 'owner' })).id;
});

describe('article votes', () => {
  it('keep one vote per visitor: repeating it changes nothing, a new answer moves it', async () => {
    const visitor = callerFor({ visitorId: randomUUID() });
    for (let i = 0; i < 5; i++) await visitor.help.feedback({ workspace: ws.slug, articleId, helpful: true });
    expect(await counts()).toMatchObject({ yes: 1, no: 0, rows: 1 });
    await visitor.help.feedback({ workspace: ws.slug, articleId, helpful: false, comment: 'Outdated screenshots.' });
    expect(await counts()).toMatchObject({ yes: 0, no: 1, rows: 1 });
  });

  it('give a cookie-less visitor a visitor cookie, so its next vote is the same vote', async () => {
    const ip = randomIp();
    const first = await postMutation(
      'help.feedback',
      { workspace: ws.slug, articleId, helpful: true },
      { 'x-forwarded-for': ip },
    );
    expect(first.status).toBe(200);
    const cookie = first.setCookie.find((c) => c.startsWith(`${VISITOR_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    await postMutation(
      'help.feedback',
      { workspace: ws.slug, articleId, helpful: true },
      { 'x-forwarded-for': ip, cookie: cookie!.split(';')[0]! },
    );
    expect(await counts()).toMatchObject({ yes: 1, rows: 1 });
  });

  it('refuse a visitor past its hourly limit with 429', async () => {
    const visitor = callerFor({ visitorId: randomUUID() });
    for (let i = 0; i < 20; i++) await visitor.help.feedback({ workspace: ws.slug, articleId, helpful: i % 2 === 0 });
    const shape = await errorShapeOf(visitor.help.feedback({ workspace: ws.slug, articleId, helpful: true }));
    expect(shape?.data.code).toBe('TOO_MANY_REQUESTS');
    expect(shape?.message).toMatch(/wait \d+ minute/i);
  });

  it('refuse one address posing as many visitors past its hourly limit', async () => {
    const ip = randomIp();
    for (let i = 0; i < 60; i++)
      await callerFor({ ip, visitorId: randomUUID() }).help.feedback({ workspace: ws.slug, articleId, helpful: true });
    expect((await counts()).yes).toBe(60);
    const shape = await errorShapeOf(
      callerFor({ ip, visitorId: randomUUID() }).help.feedback({ workspace: ws.slug, articleId, helpful: true }),
    );
    expect(shape?.data.code).toBe('TOO_MANY_REQUESTS');
    expect((await counts()).yes).toBe(60);
  });
});

describe('article views', () => {
  it('count one view per visitor and article however often the page is reloaded', async () => {
    const visitor = callerFor({ visitorId: randomUUID() });
    for (let i = 0; i < 50; i++) await visitor.help.recordView({ workspace: ws.slug, articleId });
    expect((await counts()).views).toBe(1);
  });

  it('stop counting views from one address past its hourly limit, without an error', async () => {
    const ip = randomIp();
    for (let i = 0; i < 305; i++)
      await expect(
        callerFor({ ip, visitorId: randomUUID() }).help.recordView({ workspace: ws.slug, articleId }),
      ).resolves.toEqual({ recorded: true });
    expect((await counts()).views).toBe(300);
  });

  it('still answer not found for an article the reader may not see', async () => {
    const shape = await errorShapeOf(
      callerFor({ visitorId: randomUUID() }).help.recordView({ workspace: ws.slug, articleId: randomUUID() }),
    );
    expect(shape?.data.code).toBe('NOT_FOUND');
  });
});
