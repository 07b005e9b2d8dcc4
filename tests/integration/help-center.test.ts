import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFeedback, articles, helpSearches } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor } from '../helpers/caller';
import {
  addMember,
  createTestCustomer,
  createWorkspace,
  uniqueSuffix,
  uniqueWord,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';
import {
  createTestArticle,
  createTestArticleCategory,
  createTestArticleSection,
  linkTestHelpPath,
} from '../helpers/help-factories';

// The help center as readers meet it: what each audience may see, search with ranking and typos,
// feedback and views, versions and restore, scheduling, contextual links.

let W: TestWorkspace;
let agent: TestMember;
let customerId: string;
let category: { id: string; slug: string };
const word = () => uniqueWord('q');

const anonymous = () => callerFor({});
const asCustomer = () => callerFor({ portal: { tenantId: W.id, customerId } });
const asAgent = () => callerFor({ userId: agent.userId, workspaceId: W.id });
const author = () => ({ userId: agent.userId, role: 'agent' as const });

beforeAll(async () => {
  W = await createWorkspace();
  agent = await addMember(W.id, 'agent');
  customerId = (await createTestCustomer(W.id)).id;
  category = await createTestArticleCategory(W.id, { name: 'Account' });
});

describe('visibility', () => {
  let marker: string;
  let pub: { id: string; slug: string };
  let forCustomers: { id: string; slug: string };
  let internal: { id: string; slug: string };
  let draft: { id: string; slug: string };
  let inReview: { id: string; slug: string };
  let archived: { id: string; slug: string };

  beforeAll(async () => {
    marker = word();
    const make = (title: string, opts: Parameters<typeof createTestArticle>[2]) =>
      createTestArticle(W.id, author(), { title: `${title} ${marker}`, categoryId: category.id, ...opts });
    pub = await make('Public guide', {});
    forCustomers = await make('Customer guide', { visibility: 'customers' });
    internal = await make('Internal runbook', { visibility: 'internal' });
    draft = await make('Draft guide', { status: 'draft' });
    inReview = await make('Review guide', { status: 'in_review' });
    archived = await make('Archived guide', { status: 'archived' });
  });

  const searchIds = async (caller: ReturnType<typeof callerFor>) =>
    (await caller.help.search({ workspace: W.slug, query: marker, limit: 20 })).items.map((i) => i.id).sort();

  it('an anonymous visitor finds public articles only', async () => {
    expect(await searchIds(anonymous())).toEqual([pub.id]);
    await expect(anonymous().help.article({ workspace: W.slug, slug: pub.slug })).resolves.toMatchObject({
      id: pub.id,
    });
    for (const hidden of [forCustomers, internal, draft, inReview, archived]) {
      await expect(anonymous().help.article({ workspace: W.slug, slug: hidden.slug })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it('a signed-in customer also sees customer articles, never internal ones or drafts', async () => {
    expect(await searchIds(asCustomer())).toEqual([pub.id, forCustomers.id].sort());
    await expect(asCustomer().help.article({ workspace: W.slug, slug: forCustomers.slug })).resolves.toMatchObject({
      id: forCustomers.id,
    });
    for (const hidden of [internal, draft, inReview, archived]) {
      await expect(asCustomer().help.article({ workspace: W.slug, slug: hidden.slug })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
  });

  it("another workspace's portal session counts as anonymous here", async () => {
    const other = await createWorkspace();
    const otherCustomer = await createTestCustomer(other.id);
    const stranger = callerFor({ portal: { tenantId: other.id, customerId: otherCustomer.id } });
    expect(await searchIds(stranger)).toEqual([pub.id]);
  });

  it('agents find internal articles through the staff search, and every status in the knowledge list', async () => {
    const hits = await asAgent().article.search({ query: marker, limit: 20 });
    expect(hits.items.map((i) => i.id).sort()).toEqual([pub.id, forCustomers.id, internal.id].sort());
    const list = await asAgent().article.list({ query: marker });
    expect(list.map((a) => a.id).sort()).toEqual(
      [pub.id, forCustomers.id, internal.id, draft.id, inReview.id, archived.id].sort(),
    );
  });

  it('categories, category pages, feedback and views follow the same rule', async () => {
    const page = await anonymous().help.category({ workspace: W.slug, slug: category.slug });
    const listed = page.sections.flatMap((s) => s.articles.map((a) => a.id));
    expect(listed).toContain(pub.id);
    expect(listed).not.toContain(internal.id);
    expect(listed).not.toContain(forCustomers.id);
    await expect(
      anonymous().help.feedback({ workspace: W.slug, articleId: internal.id, helpful: true }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(anonymous().help.recordView({ workspace: W.slug, articleId: draft.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(asCustomer().help.recordView({ workspace: W.slug, articleId: forCustomers.id })).resolves.toEqual({
      recorded: true,
    });
  });

  it('an unknown workspace is not found', async () => {
    await expect(anonymous().help.categories({ workspace: `nope-${uniqueSuffix()}` })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('search', () => {
  let reset: { id: string; slug: string };
  let billing: { id: string; slug: string };
  let twoFactor: { id: string; slug: string };
  let ws: TestWorkspace;
  let writer: { userId: string; role: 'owner' };

  beforeAll(async () => {
    ws = await createWorkspace();
    writer = { userId: ws.owner.userId, role: 'owner' };
    reset = await createTestArticle(ws.id, writer, {
      title: 'Reset your password',
      keywords: 'forgot password, locked out, login',
      body: 'Open the sign-in page and choose **Forgot password**. We email you a link.',
    });
    billing = await createTestArticle(ws.id, writer, {
      title: 'Download your invoices',
      keywords: 'billing, receipt',
      body: 'Invoices are under Settings → Billing. You can also reset the billing email there.',
    });
    twoFactor = await createTestArticle(ws.id, writer, {
      title: 'Turn on two-factor authentication',
      keywords: '2fa, security',
      body: 'Two-factor adds a code to your password when you sign in.',
    });
  });

  const search = (query: string, extra: { track?: boolean } = {}) =>
    anonymous().help.search({ workspace: ws.slug, query, limit: 10, ...extra });

  it('ranks a title match above a body mention', async () => {
    const { items } = await search('password');
    expect(items[0]?.id).toBe(reset.id);
    expect(items.map((i) => i.id)).toContain(twoFactor.id);
    expect(items.every((i) => !i.fuzzy)).toBe(true);
  });

  it('uses keywords: "receipt" finds the invoices article', async () => {
    expect((await search('receipt')).items.map((i) => i.id)).toEqual([billing.id]);
  });

  it('tolerates typos: "pasword reset" finds "Reset your password"', async () => {
    const { items } = await search('pasword reset');
    expect(items[0]).toMatchObject({ id: reset.id, fuzzy: true });
  });

  it('supports websearch syntax (quoted phrases, exclusions)', async () => {
    expect((await search('password -reset')).items.map((i) => i.id)).toEqual([twoFactor.id]);
    expect((await search('"two-factor authentication"')).items.map((i) => i.id)).toEqual([twoFactor.id]);
  });

  it('highlights the matched words in the snippet, as text parts', async () => {
    const { items } = await search('email link');
    const hit = items.find((i) => i.id === reset.id)!;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(
      expect.arrayContaining(['email', 'link']),
    );
    expect(hit.snippet.map((p) => p.text).join('')).not.toContain('**');
  });

  it('filters by category', async () => {
    const cat = await createTestArticleCategory(ws.id);
    const inCat = await createTestArticle(ws.id, writer, { title: 'Password rules for teams', categoryId: cat.id });
    const { items } = await anonymous().help.search({
      workspace: ws.slug,
      query: 'password',
      categorySlug: cat.slug,
      limit: 10,
    });
    expect(items.map((i) => i.id)).toEqual([inCat.id]);
  });

  it('records searches and their result counts, but not search-as-you-type', async () => {
    const term = word();
    await search(term);
    await search(`${term}x`, { track: false });
    const rows = await runInTenant(ws.id, ({ db }) =>
      db
        .select()
        .from(helpSearches)
        .where(sql`${helpSearches.term} like ${`${term}%`}`),
    );
    expect(rows.map((r) => ({ term: r.term, resultCount: r.resultCount }))).toEqual([{ term, resultCount: 0 }]);
  });

  it('suggests up to three articles for a ticket subject, any word matching', async () => {
    const { items } = await anonymous().help.suggest({
      workspace: ws.slug,
      subject: 'I cannot remember my password and I am locked out',
    });
    expect(items.length).toBeLessThanOrEqual(3);
    expect(items[0]?.id).toBe(reset.id);
    expect((await anonymous().help.suggest({ workspace: ws.slug, subject: 'hi' })).items).toEqual([]);
  });
});

describe('article pages', () => {
  it('render sanitized HTML with breadcrumbs and related articles', async () => {
    const section = await createTestArticleSection(W.id, category.id, { name: 'Sign-in' });
    const main = await createTestArticle(W.id, author(), {
      title: 'Sign in with a link',
      categoryId: category.id,
      sectionId: section.id,
      tags: ['login'],
      body: '# Steps\n\n<script>alert(1)</script>[Open](javascript:alert(1)) <a href="https://example.com" onclick="x()">site</a>',
    });
    const sibling = await createTestArticle(W.id, author(), {
      title: 'Sign in on a phone',
      categoryId: category.id,
      sectionId: section.id,
    });
    const hiddenSibling = await createTestArticle(W.id, author(), {
      title: 'Sign in internals',
      categoryId: category.id,
      sectionId: section.id,
      visibility: 'internal',
    });
    const page = await anonymous().help.article({ workspace: W.slug, slug: main.slug });
    expect(page.bodyHtml).toContain('<h1>Steps</h1>');
    expect(page.bodyHtml).not.toMatch(/<script|onclick|href="javascript/i);
    expect(page.bodyHtml).toContain('rel="noopener nofollow"');
    expect(page).toMatchObject({ category: { slug: category.slug, name: 'Account' }, sectionName: 'Sign-in' });
    expect(page.related[0]?.id).toBe(sibling.id);
    expect(page.related.map((r) => r.id)).not.toContain(hiddenSibling.id);
    expect(page.description.length).toBeGreaterThan(0);
  });
});

describe('feedback and views', () => {
  it('counts yes and no, keeps the comment and the customer, and counts views', async () => {
    const article = await createTestArticle(W.id, author(), { title: 'Change your email address' });
    await anonymous().help.feedback({ workspace: W.slug, articleId: article.id, helpful: true });
    await asCustomer().help.feedback({
      workspace: W.slug,
      articleId: article.id,
      helpful: false,
      comment: 'The screenshot is outdated.',
    });
    await anonymous().help.recordView({ workspace: W.slug, articleId: article.id });
    await anonymous().help.recordView({ workspace: W.slug, articleId: article.id });
    const [row] = await runInTenant(W.id, ({ db }) => db.select().from(articles).where(eq(articles.id, article.id)));
    expect(row).toMatchObject({ helpfulYes: 1, helpfulNo: 1, viewCount: 2 });
    const feedback = await runInTenant(W.id, ({ db }) =>
      db.select().from(articleFeedback).where(eq(articleFeedback.articleId, article.id)),
    );
    expect(
      feedback
        .map((f) => ({ helpful: f.helpful, comment: f.comment, customerId: f.customerId }))
        .sort((a, b) => Number(a.helpful) - Number(b.helpful)),
    ).toEqual([
      { helpful: false, comment: 'The screenshot is outdated.', customerId },
      { helpful: true, comment: null, customerId: null },
    ]);
  });
});

describe('authoring', () => {
  it('every save is a version; restoring brings old wording back as a new version', async () => {
    const slug = `versions-${uniqueSuffix()}`;
    const created = await asAgent().article.create({ title: 'First title', slug, bodyMarkdown: 'One' });
    expect(created.currentVersion).toBe(1);
    const base = { articleId: created.id, slug, categoryId: null, sectionId: null };
    await asAgent().article.update({ ...base, title: 'Second title', bodyMarkdown: 'Two' });
    const third = await asAgent().article.update({ ...base, title: 'Third title', bodyMarkdown: 'Three' });
    expect(third.currentVersion).toBe(3);
    const restored = await asAgent().article.restoreVersion({ articleId: created.id, version: 1 });
    expect(restored.currentVersion).toBe(4);
    const { article, versions } = await asAgent().article.get({ articleId: created.id });
    expect(article).toMatchObject({ title: 'First title', bodyMarkdown: 'One', currentVersion: 4 });
    expect(versions.map((v) => [v.version, v.title, v.note])).toEqual([
      [4, 'First title', 'Restored version 1'],
      [3, 'Third title', ''],
      [2, 'Second title', ''],
      [1, 'First title', ''],
    ]);
    await expect(asAgent().article.version({ articleId: created.id, version: 2 })).resolves.toMatchObject({
      bodyMarkdown: 'Two',
    });
    await expect(asAgent().article.restoreVersion({ articleId: created.id, version: 99 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('refuses a slug already in use, naming the field', async () => {
    const slug = `taken-${uniqueSuffix()}`;
    await asAgent().article.create({ title: 'Taken', slug });
    await expect(asAgent().article.create({ title: 'Again', slug })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('publishes, unpublishes and archives; readers follow', async () => {
    const slug = `lifecycle-${uniqueSuffix()}`;
    const { id } = await asAgent().article.create({ title: 'Lifecycle', slug });
    const read = () => anonymous().help.article({ workspace: W.slug, slug });
    await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const published = await asAgent().article.setStatus({ articleId: id, status: 'published' });
    expect(published.publishedAt).toBeInstanceOf(Date);
    await expect(read()).resolves.toMatchObject({ id });
    await asAgent().article.setStatus({ articleId: id, status: 'draft' });
    await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await asAgent().article.setStatus({ articleId: id, status: 'archived' });
    await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a scheduled article appears once its time has come, with no job involved', async () => {
    const slug = `scheduled-${uniqueSuffix()}`;
    const { id } = await asAgent().article.create({ title: 'Coming soon', slug });
    await expect(
      asAgent().article.schedule({ articleId: id, publishAt: new Date(Date.now() - 60_000) }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const scheduled = await asAgent().article.schedule({ articleId: id, publishAt: new Date(Date.now() + 3_600_000) });
    expect(scheduled).toMatchObject({ status: 'published', scheduledFor: expect.any(Date) });
    await expect(anonymous().help.article({ workspace: W.slug, slug })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // The clock moves on: pretend the time has come.
    await runInTenant(W.id, ({ db }) =>
      db
        .update(articles)
        .set({ publishedAt: new Date(Date.now() - 1000) })
        .where(eq(articles.id, id)),
    );
    await expect(anonymous().help.article({ workspace: W.slug, slug })).resolves.toMatchObject({ id });
  });

  it('previews with the same sanitizer', async () => {
    const { html } = await asAgent().article.preview({ bodyMarkdown: '**hi** <img src=x onerror=alert(1)>' });
    expect(html).toContain('<strong>hi</strong>');
    expect(html).not.toContain('onerror');
  });

  it('refuses a section of another category', async () => {
    const other = await createTestArticleCategory(W.id);
    const section = await createTestArticleSection(W.id, other.id);
    await expect(
      asAgent().article.create({
        title: 'Misplaced',
        slug: `misplaced-${uniqueSuffix()}`,
        categoryId: category.id,
        sectionId: section.id,
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('contextual help', () => {
  it('maps a product path to its readable articles, in order', async () => {
    const first = await createTestArticle(W.id, author(), { title: 'Orders overview' });
    const second = await createTestArticle(W.id, author(), { title: 'Cancel an order' });
    const internal = await createTestArticle(W.id, author(), { title: 'Orders internals', visibility: 'internal' });
    await linkTestHelpPath(W.id, '/Orders/', [second.id, first.id, internal.id]);
    const list = await anonymous().help.contextual({ workspace: W.slug, path: '/orders?tab=open' });
    expect(list.map((a) => a.id)).toEqual([second.id, first.id]);
    const links = await asAgent().helpLink.list();
    expect(links.find((l) => l.path === '/orders')?.articles.map((a) => a.id)).toEqual([
      second.id,
      first.id,
      internal.id,
    ]);
  });
});

describe('demo articles', () => {
  it('seed a searchable help center with one internal article', async () => {
    const { seedDemoArticles } = await import('@/server/services/help/seed-demo-articles');
    const ws = await createWorkspace();
    await runInTenant(
      ws.id,
      (scope) => seedDemoArticles({ ...scope, actor: { userId: ws.owner.userId, role: 'owner' } }),
      ws.owner.userId,
    );
    const found = await anonymous().help.search({ workspace: ws.slug, query: 'pasword reset' });
    expect(found.items[0]?.slug).toBe('reset-your-password');
    expect((await anonymous().help.search({ workspace: ws.slug, query: 'refund' })).items).toEqual([]);
    expect((await anonymous().help.categories({ workspace: ws.slug })).map((c) => c.slug)).toEqual([
      'account',
      'billing',
      'data',
      'developers',
    ]);
  });
});
