import type { ArticleStatus, ArticleVisibility } from '@/lib/constants/help';
import { createArticleInput } from '@/lib/validators/help';
import { runInTenant } from '@/server/db/tenant';
import { saveArticleCategory, saveArticleSection } from '@/server/services/help/article-categories';
import { submitArticleFeedback } from '@/server/services/help/article-feedback';
import { setArticleStatus } from '@/server/services/help/change-article-status';
import { withHelpCenter } from '@/server/services/help/help-center-scope';
import { setHelpLinks } from '@/server/services/help/help-links';
import { createArticle } from '@/server/services/help/save-article';
import { searchHelpCenter } from '@/server/services/help/search-help-center';
import type { Actor } from '@/server/services/types';
import { uniqueSuffix } from './factories';

// Help-center test data through the same services the authoring screens use.

export function createTestArticleCategory(workspaceId: string, opts: { name?: string; slug?: string } = {}) {
  const suffix = uniqueSuffix();
  return runInTenant(workspaceId, (scope) =>
    saveArticleCategory(scope, {
      slug: opts.slug ?? `topic-${suffix}`,
      name: opts.name ?? `Topic ${suffix}`,
      description: 'Things to know',
      icon: 'book',
      position: 0,
    }),
  );
}

export function createTestArticleSection(workspaceId: string, categoryId: string, opts: { name?: string } = {}) {
  return runInTenant(workspaceId, (scope) =>
    saveArticleSection(scope, { categoryId, name: opts.name ?? `Section ${uniqueSuffix()}`, position: 0 }),
  );
}

export type TestArticleOptions = {
  title?: string;
  slug?: string;
  body?: string;
  keywords?: string;
  tags?: string[];
  excerpt?: string;
  categoryId?: string | null;
  sectionId?: string | null;
  visibility?: ArticleVisibility;
  /** published unless told otherwise. */
  status?: ArticleStatus;
};

/** An article written by `author` (an agent or admin of the workspace), published unless `status` says otherwise. */
export async function createTestArticle(workspaceId: string, author: Actor, opts: TestArticleOptions = {}) {
  const suffix = uniqueSuffix();
  const title = opts.title ?? `Article ${suffix}`;
  const input = createArticleInput.parse({
    title,
    slug:
      opts.slug ??
      `${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 100)}-${suffix}`,
    bodyMarkdown: opts.body ?? `Some help about ${title}.`,
    excerpt: opts.excerpt ?? '',
    keywords: opts.keywords ?? '',
    tags: opts.tags ?? [],
    categoryId: opts.categoryId ?? null,
    sectionId: opts.sectionId ?? null,
    visibility: opts.visibility ?? 'public',
  });
  return runInTenant(
    workspaceId,
    async (scope) => {
      const staff = { ...scope, actor: author };
      const article = await createArticle(staff, input);
      const status = opts.status ?? 'published';
      if (status !== 'draft') await setArticleStatus(scope, { articleId: article.id, status });
      return { id: article.id, slug: article.slug, title };
    },
    author.userId,
  );
}

export function linkTestHelpPath(workspaceId: string, path: string, articleIds: string[]) {
  return runInTenant(workspaceId, (scope) => setHelpLinks(scope, { path, articleIds }));
}

/** Rows in every help-center table for a workspace, through the services (the RLS coverage test needs them). */
export async function seedHelpCenter(ws: { id: string; slug: string; owner: { userId: string } }) {
  const category = await createTestArticleCategory(ws.id);
  const section = await createTestArticleSection(ws.id, category.id);
  const article = await createTestArticle(
    ws.id,
    { userId: ws.owner.userId, role: 'owner' },
    { title: 'Reset your password', categoryId: category.id, sectionId: section.id },
  );
  await linkTestHelpPath(ws.id, '/account', [article.id]);
  await withHelpCenter(ws.slug, null, async (scope) => {
    await submitArticleFeedback(scope, {
      articleId: article.id,
      helpful: true,
      comment: 'Clear, thanks.',
      voterKey: 'visitor:seed',
    });
    await searchHelpCenter(scope, { query: 'password', limit: 5 });
  });
  return { category, section, article };
}
