import { eq, inArray } from 'drizzle-orm';
import { expect } from 'vitest';
import { articleCategories, articles, articleSections, helpLinks } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { callerFor, type Caller } from './caller';
import { uniqueSuffix, uniqueWord, type TestWorkspace } from './factories';
import {
  createTestArticle,
  createTestArticleCategory,
  createTestArticleSection,
  linkTestHelpPath,
} from './help-factories';

// The help-center cases of tests/integration/cross-workspace.test.ts, kept here so that file only spreads
// them in. A owner (and A's portal customer) try every help procedure against workspace B.

type Side = { ws: TestWorkspace; customer: { id: string } };
type HelpWorld = {
  category: { id: string; slug: string };
  section: { id: string };
  article: { id: string; slug: string; title: string };
  /** Only for B's signed-in customers. */
  forCustomers: { id: string; slug: string };
  /** A word that only this workspace's article contains. */
  word: string;
  path: string;
};
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

async function buildHelpWorld(side: Side, path: string): Promise<HelpWorld> {
  const author = { userId: side.ws.owner.userId, role: 'owner' as const };
  const word = uniqueWord('kb');
  const category = await createTestArticleCategory(side.ws.id);
  const section = await createTestArticleSection(side.ws.id, category.id);
  const article = await createTestArticle(side.ws.id, author, {
    title: `Setting up ${word}`,
    categoryId: category.id,
    sectionId: section.id,
    keywords: word,
  });
  const forCustomers = await createTestArticle(side.ws.id, author, {
    title: `Customer only ${word}`,
    categoryId: category.id,
    visibility: 'customers',
  });
  await linkTestHelpPath(side.ws.id, path, [article.id]);
  return { category, section, article, forCustomers, word, path };
}

export function helpIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  let built: Promise<{ hA: HelpWorld; hB: HelpWorld }> | undefined;
  const path = `/orders-${uniqueSuffix()}`;
  // Built on first use (after the test file's beforeAll made A and B), once for every case.
  const worlds = () =>
    (built ??= (async () => ({
      hA: await buildHelpWorld(sides().A, path),
      hB: await buildHelpWorld(sides().B, path),
    }))());
  const notFound = (call: Promise<unknown>) => expect(call).rejects.toMatchObject({ code: 'NOT_FOUND' });
  const inB = <T>(work: Parameters<typeof runInTenant<T>>[1]) => runInTenant(sides().B.ws.id, work);
  const bArticle = async () => {
    const { hB } = await worlds();
    const [row] = await inB(({ db }) => db.select().from(articles).where(eq(articles.id, hB.article.id)));
    return row!;
  };
  const asACustomer = () => callerFor({ portal: { tenantId: sides().A.ws.id, customerId: sides().A.customer.id } });

  return {
    // ── public help center: the workspace comes from the slug; a session of A adds nothing in B ──
    'help.categories': {
      kind: 'tenant-independent',
      why: "lists the named workspace's categories only",
      run: async () => {
        const { hA, hB } = await worlds();
        const ids = (await sides().asA.help.categories({ workspace: sides().A.ws.slug })).map((c) => c.id);
        expect(ids).toContain(hA.category.id);
        expect(ids).not.toContain(hB.category.id);
      },
    },
    'help.category': {
      kind: 'tenant-independent',
      why: "B's category slug is not found in A's help center",
      run: async () => {
        const { hA, hB } = await worlds();
        await notFound(sides().asA.help.category({ workspace: sides().A.ws.slug, slug: hB.category.slug }));
        const page = await sides().asA.help.category({ workspace: sides().A.ws.slug, slug: hA.category.slug });
        expect(page.sections.flatMap((s) => s.articles.map((a) => a.id))).not.toContain(hB.article.id);
      },
    },
    'help.article': {
      kind: 'tenant-independent',
      why: "B's article slug is not found in A's help center; A's portal customer is anonymous in B's",
      run: async () => {
        const { hB } = await worlds();
        await notFound(sides().asA.help.article({ workspace: sides().A.ws.slug, slug: hB.article.slug }));
        await notFound(asACustomer().help.article({ workspace: sides().A.ws.slug, slug: hB.forCustomers.slug }));
        await notFound(asACustomer().help.article({ workspace: sides().B.ws.slug, slug: hB.forCustomers.slug }));
        await expect(
          asACustomer().help.article({ workspace: sides().B.ws.slug, slug: hB.article.slug }),
        ).resolves.toMatchObject({ id: hB.article.id });
      },
    },
    'help.popular': {
      kind: 'tenant-independent',
      why: "A's most-read articles never include B's; A's portal customer sees none of B's customer-only ones",
      run: async () => {
        const { hB } = await worlds();
        const ids = (await sides().asA.help.popular({ workspace: sides().A.ws.slug })).map((a) => a.id);
        expect(ids.length).toBeGreaterThan(0);
        expect(ids).not.toContain(hB.article.id);
        const inB = (await asACustomer().help.popular({ workspace: sides().B.ws.slug })).map((a) => a.id);
        expect(inB.length).toBeGreaterThan(0);
        expect(inB).not.toContain(hB.forCustomers.id);
      },
    },
    'help.sitemap': {
      kind: 'tenant-independent',
      why: "A's sitemap lists A's public articles only, never B's nor customer-only ones, whoever asks",
      run: async () => {
        const { hA, hB } = await worlds();
        const map = await sides().asA.help.sitemap({ workspace: sides().A.ws.slug });
        const slugs = map.articles.map((a) => a.slug);
        expect(slugs).toContain(hA.article.slug);
        expect(slugs).not.toContain(hB.article.slug);
        expect(slugs).not.toContain(hA.forCustomers.slug);
        expect(map.categories.map((c) => c.slug)).toContain(hA.category.slug);
        expect(map.categories.map((c) => c.slug)).not.toContain(hB.category.slug);
      },
    },
    'help.search': {
      kind: 'tenant-independent',
      why: "a word only B's article contains finds nothing in A's help center",
      run: async () => {
        const { hA, hB } = await worlds();
        expect((await sides().asA.help.search({ workspace: sides().A.ws.slug, query: hB.word })).items).toEqual([]);
        expect(
          (await sides().asA.help.search({ workspace: sides().A.ws.slug, query: hA.word })).items.map((i) => i.id),
        ).toEqual([hA.article.id]);
        // Customer-only articles of B stay hidden from A's portal customer, even in B's own help center.
        const inB = await asACustomer().help.search({ workspace: sides().B.ws.slug, query: hB.word });
        expect(inB.items.map((i) => i.id)).not.toContain(hB.forCustomers.id);
      },
    },
    'help.suggest': {
      kind: 'tenant-independent',
      why: 'suggestions in A never come from B',
      run: async () => {
        const { hB } = await worlds();
        expect(
          (await sides().asA.help.suggest({ workspace: sides().A.ws.slug, subject: `Problem with ${hB.word}` })).items,
        ).toEqual([]);
      },
    },
    'help.contextual': {
      kind: 'tenant-independent',
      why: "the same path lists A's linked articles in A, never B's",
      run: async () => {
        const { hA, hB } = await worlds();
        const ids = (await sides().asA.help.contextual({ workspace: sides().A.ws.slug, path })).map((a) => a.id);
        expect(ids).toEqual([hA.article.id]);
        expect(ids).not.toContain(hB.article.id);
      },
    },
    'help.feedback': {
      kind: 'takes-id',
      why: "B's article id in A's help center is not found and B's counts stay",
      run: async () => {
        const { hB } = await worlds();
        const before = await bArticle();
        await notFound(
          sides().asA.help.feedback({
            workspace: sides().A.ws.slug,
            articleId: hB.article.id,
            helpful: false,
            comment: 'Injected',
          }),
        );
        const after = await bArticle();
        expect({ yes: after.helpfulYes, no: after.helpfulNo }).toEqual({
          yes: before.helpfulYes,
          no: before.helpfulNo,
        });
      },
    },
    'help.recordView': {
      kind: 'takes-id',
      why: "B's article id in A's help center is not found and B's view count stays",
      run: async () => {
        const { hB } = await worlds();
        const before = await bArticle();
        await notFound(sides().asA.help.recordView({ workspace: sides().A.ws.slug, articleId: hB.article.id }));
        expect((await bArticle()).viewCount).toBe(before.viewCount);
      },
    },

    // ── authoring ──
    'article.list': {
      kind: 'scoped',
      why: "lists A's articles only",
      run: async () => {
        const { hA, hB } = await worlds();
        const ids = (await sides().asA.article.list({})).map((a) => a.id);
        expect(ids).toContain(hA.article.id);
        expect(ids).not.toContain(hB.article.id);
      },
    },
    'article.get': {
      kind: 'takes-id',
      why: "B's article ids answer NOT_FOUND",
      run: async () => {
        const { hA, hB } = await worlds();
        await notFound(sides().asA.article.get({ articleId: hB.article.id }));
        await expect(sides().asA.article.get({ articleId: hA.article.id })).resolves.toMatchObject({
          article: { id: hA.article.id },
        });
      },
    },
    'article.version': {
      kind: 'takes-id',
      why: "B's article versions answer NOT_FOUND",
      run: async () => {
        const { hB } = await worlds();
        await notFound(sides().asA.article.version({ articleId: hB.article.id, version: 1 }));
      },
    },
    'article.search': {
      kind: 'scoped',
      why: "a word only B's article contains finds nothing in A",
      run: async () => {
        const { hA, hB } = await worlds();
        expect((await sides().asA.article.search({ query: hB.word })).items).toEqual([]);
        expect((await sides().asA.article.search({ query: hA.word })).items.map((i) => i.id)).toContain(hA.article.id);
      },
    },
    'article.preview': {
      kind: 'tenant-independent',
      why: 'renders the given Markdown; reads and writes no workspace data',
      run: async () => {
        await expect(sides().asA.article.preview({ bodyMarkdown: '**x**' })).resolves.toEqual({
          html: '<p><strong>x</strong></p>\n',
        });
      },
    },
    'article.create': {
      kind: 'scoped',
      why: "lands in A; B's category and section ids answer NOT_FOUND; B's slugs are free in A",
      run: async () => {
        const { hA, hB } = await worlds();
        await notFound(
          sides().asA.article.create({
            title: 'Borrowed category',
            slug: `borrowed-${uniqueSuffix()}`,
            categoryId: hB.category.id,
          }),
        );
        await notFound(
          sides().asA.article.create({
            title: 'Borrowed section',
            slug: `borrowed-${uniqueSuffix()}`,
            categoryId: hA.category.id,
            sectionId: hB.section.id,
          }),
        );
        const created = await sides().asA.article.create({ title: 'Same slug as B', slug: hB.article.slug });
        const [row] = await runInTenant(sides().A.ws.id, ({ db }) =>
          db.select().from(articles).where(eq(articles.id, created.id)),
        );
        expect(row?.tenantId).toBe(sides().A.ws.id);
        expect((await bArticle()).slug).toBe(hB.article.slug);
      },
    },
    'article.update': {
      kind: 'takes-id',
      why: "B's article ids, and B's categories on A's article, answer NOT_FOUND; B's article is unchanged",
      run: async () => {
        const { hA, hB } = await worlds();
        const before = await bArticle();
        await notFound(
          sides().asA.article.update({ articleId: hB.article.id, title: 'Hijacked', slug: hB.article.slug }),
        );
        await notFound(
          sides().asA.article.update({
            articleId: hA.article.id,
            title: 'Moved',
            slug: hA.article.slug,
            categoryId: hB.category.id,
          }),
        );
        const after = await bArticle();
        expect({ title: after.title, version: after.currentVersion }).toEqual({
          title: before.title,
          version: before.currentVersion,
        });
      },
    },
    'article.restoreVersion': {
      kind: 'takes-id',
      why: "B's article ids answer NOT_FOUND and B's version count stays",
      run: async () => {
        const { hB } = await worlds();
        const before = await bArticle();
        await notFound(sides().asA.article.restoreVersion({ articleId: hB.article.id, version: 1 }));
        expect((await bArticle()).currentVersion).toBe(before.currentVersion);
      },
    },
    'article.setStatus': {
      kind: 'takes-id',
      why: "B's article ids answer NOT_FOUND and the article stays published",
      run: async () => {
        const { hB } = await worlds();
        await notFound(sides().asA.article.setStatus({ articleId: hB.article.id, status: 'archived' }));
        expect((await bArticle()).status).toBe('published');
      },
    },
    'article.schedule': {
      kind: 'takes-id',
      why: "B's article ids answer NOT_FOUND and nothing is scheduled",
      run: async () => {
        const { hB } = await worlds();
        await notFound(
          sides().asA.article.schedule({ articleId: hB.article.id, publishAt: new Date(Date.now() + 86_400_000) }),
        );
        expect((await bArticle()).scheduledFor).toBeNull();
      },
    },
    'articleCategory.list': {
      kind: 'scoped',
      why: "lists A's categories and sections only",
      run: async () => {
        const { hA, hB } = await worlds();
        const list = await sides().asA.articleCategory.list();
        expect(list.map((c) => c.id)).toContain(hA.category.id);
        expect(list.map((c) => c.id)).not.toContain(hB.category.id);
        expect(list.flatMap((c) => c.sections.map((s) => s.id))).not.toContain(hB.section.id);
      },
    },
    'articleCategory.save': {
      kind: 'takes-id',
      why: "updating B's category answers NOT_FOUND; B's category slugs are free in A",
      run: async () => {
        const { hB } = await worlds();
        await notFound(
          sides().asA.articleCategory.save({ categoryId: hB.category.id, slug: hB.category.slug, name: 'Hijacked' }),
        );
        const created = await sides().asA.articleCategory.save({ slug: hB.category.slug, name: 'Same slug as B' });
        expect(created.tenantId).toBe(sides().A.ws.id);
        const [row] = await inB(({ db }) =>
          db.select().from(articleCategories).where(eq(articleCategories.id, hB.category.id)),
        );
        expect(row?.name).not.toBe('Hijacked');
      },
    },
    'articleCategory.saveSection': {
      kind: 'takes-id',
      why: "B's categories and sections answer NOT_FOUND; B's section keeps its name",
      run: async () => {
        const { hA, hB } = await worlds();
        await notFound(sides().asA.articleCategory.saveSection({ categoryId: hB.category.id, name: 'Smuggled' }));
        await notFound(
          sides().asA.articleCategory.saveSection({
            sectionId: hB.section.id,
            categoryId: hA.category.id,
            name: 'Hijacked',
          }),
        );
        const [row] = await inB(({ db }) =>
          db.select().from(articleSections).where(eq(articleSections.id, hB.section.id)),
        );
        expect(row?.categoryId).toBe(hB.category.id);
        expect(row?.name).not.toBe('Hijacked');
      },
    },
    'helpLink.list': {
      kind: 'scoped',
      why: "lists A's help links only",
      run: async () => {
        const { hA, hB } = await worlds();
        const linked = (await sides().asA.helpLink.list()).flatMap((l) => l.articles.map((a) => a.id));
        expect(linked).toContain(hA.article.id);
        expect(linked).not.toContain(hB.article.id);
      },
    },
    'helpLink.set': {
      kind: 'takes-id',
      why: "B's article ids answer NOT_FOUND; setting A's path leaves B's links as they were",
      run: async () => {
        const { hA, hB } = await worlds();
        await notFound(sides().asA.helpLink.set({ path, articleIds: [hB.article.id] }));
        await sides().asA.helpLink.set({ path, articleIds: [] });
        const bLinks = await inB(({ db }) =>
          db
            .select()
            .from(helpLinks)
            .where(inArray(helpLinks.articleId, [hB.article.id])),
        );
        expect(bLinks.map((l) => l.path)).toEqual([path]);
        await sides().asA.helpLink.set({ path, articleIds: [hA.article.id] });
      },
    },
  };
}
