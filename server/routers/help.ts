import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  articleFeedbackInput,
  articleIdInput,
  articleVersionInput,
  createArticleInput,
  helpArticleInput,
  helpCategoryInput,
  helpContextualInput,
  helpSearchInput,
  helpSuggestInput,
  helpWorkspaceInput,
  listArticlesInput,
  previewArticleInput,
  recordArticleViewInput,
  restoreArticleVersionInput,
  saveArticleCategoryInput,
  saveArticleSectionInput,
  scheduleArticleInput,
  setArticleStatusInput,
  setHelpLinksInput,
  staffSearchArticlesInput,
  updateArticleInput,
} from '@/lib/validators/help';
import { VISITOR_COOKIE, type Context } from '@/server/trpc/context';
import { agentProcedure, publicProcedure, router, tenantProcedure } from '@/server/trpc/init';
import {
  listArticleCategories,
  saveArticleCategory,
  saveArticleSection,
} from '@/server/services/help/article-categories';
import { recordArticleView, voteOnArticle, type HelpReader } from '@/server/services/help/article-feedback';
import { setArticleStatus, scheduleArticle } from '@/server/services/help/change-article-status';
import { listContextualArticles } from '@/server/services/help/contextual-help';
import { withHelpCenter } from '@/server/services/help/help-center-scope';
import { listHelpLinks, setHelpLinks } from '@/server/services/help/help-links';
import { previewArticle } from '@/server/services/help/preview-article';
import { getHelpArticle, listPopularArticles, listSitemapArticles } from '@/server/services/help/public-articles';
import { getHelpCategory, listHelpCategories } from '@/server/services/help/public-categories';
import { getArticleForStaff, getArticleVersion, listArticlesForStaff } from '@/server/services/help/queries';
import { createArticle, restoreArticleVersion, updateArticle } from '@/server/services/help/save-article';
import { searchHelpCenter, suggestArticles } from '@/server/services/help/search-help-center';
import { searchArticlesAsStaff } from '@/server/services/help/staff-search';

// ── The public help center ──────────────────────────────────────────────────────────────────────────
// Reachable by anyone: the workspace is named by slug (its help center is public) and what the reader
// may see comes from the server (portal session of that same workspace, or none). Every output is
// declared, so drafts' fields, internal notes or staff data can never leak through a service change.

const snippetPart = z.object({ text: z.string(), match: z.boolean() });
const articleLink = z.object({ id: z.uuid(), slug: z.string(), title: z.string() });
const articleSummary = articleLink.extend({ excerpt: z.string() });
const searchHit = articleSummary.extend({
  categorySlug: z.string().nullable(),
  categoryName: z.string().nullable(),
  snippet: z.array(snippetPart),
  fuzzy: z.boolean(),
});
const categorySummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  icon: z.string(),
});

const VISITOR_COOKIE_DAYS = 365;

/** The reader behind a vote or view; an anonymous reader without our cookie gets one now. */
function helpReader(ctx: Context): HelpReader {
  let visitorId = ctx.visitorId;
  if (!visitorId) {
    visitorId = randomUUID();
    ctx.setCookie(VISITOR_COOKIE, visitorId, { maxAge: VISITOR_COOKIE_DAYS * 86_400, httpOnly: true, sameSite: 'lax' });
  }
  return { visitorId, ip: ctx.ip };
}

/** A customer signed in to the portal counts as its help center's reader; anyone else reads anonymously. */
const customerOf = (ctx: Context) => (ctx.caller.kind === 'customer' ? ctx.caller : null);

export const helpRouter = router({
  categories: publicProcedure
    .input(helpWorkspaceInput)
    .output(z.array(categorySummary.extend({ articleCount: z.number() })))
    .query(({ ctx, input }) => withHelpCenter(input.workspace, customerOf(ctx), (scope) => listHelpCategories(scope))),
  category: publicProcedure
    .input(helpCategoryInput)
    .output(
      z.object({
        category: categorySummary,
        sections: z.array(
          z.object({ id: z.uuid().nullable(), name: z.string().nullable(), articles: z.array(articleSummary) }),
        ),
      }),
    )
    .query(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) => getHelpCategory(scope, input.slug)),
    ),
  article: publicProcedure
    .input(helpArticleInput)
    .output(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        title: z.string(),
        bodyHtml: z.string(),
        description: z.string(),
        tags: z.array(z.string()),
        publishedAt: z.date(),
        updatedAt: z.date(),
        category: z.object({ slug: z.string(), name: z.string() }).nullable(),
        sectionName: z.string().nullable(),
        related: z.array(articleLink),
      }),
    )
    .query(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) => getHelpArticle(scope, input.slug)),
    ),
  /** The help-center home's most-read articles. */
  popular: publicProcedure
    .input(helpWorkspaceInput)
    .output(z.array(articleSummary))
    .query(({ ctx, input }) => withHelpCenter(input.workspace, customerOf(ctx), (scope) => listPopularArticles(scope))),
  /** For the sitemap: always what an anonymous visitor may read, whoever asks, since search engines index it. */
  sitemap: publicProcedure
    .input(helpWorkspaceInput)
    .output(
      z.object({
        categories: z.array(z.object({ slug: z.string() })),
        articles: z.array(z.object({ slug: z.string(), updatedAt: z.date() })),
      }),
    )
    .query(({ input }) =>
      withHelpCenter(input.workspace, null, async (scope) => ({
        categories: await listHelpCategories(scope),
        articles: await listSitemapArticles(scope),
      })),
    ),
  search: publicProcedure
    .input(helpSearchInput)
    .output(z.object({ items: z.array(searchHit) }))
    .query(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) => searchHelpCenter(scope, input)),
    ),
  /** Deflection on the contact form: up to three articles for the subject being typed. */
  suggest: publicProcedure
    .input(helpSuggestInput)
    .output(z.object({ items: z.array(searchHit) }))
    .query(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) => suggestArticles(scope, input.subject)),
    ),
  /** Contextual help for a path of the workspace's product (widget, in-app help menu). */
  contextual: publicProcedure
    .input(helpContextualInput)
    .output(z.array(articleSummary))
    .query(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) => listContextualArticles(scope, input.path)),
    ),
  feedback: publicProcedure
    .input(articleFeedbackInput)
    .output(z.object({ recorded: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) => voteOnArticle(scope, helpReader(ctx), input)),
    ),
  recordView: publicProcedure
    .input(recordArticleViewInput)
    .output(z.object({ recorded: z.literal(true) }))
    .mutation(({ ctx, input }) =>
      withHelpCenter(input.workspace, customerOf(ctx), (scope) =>
        recordArticleView(scope, input.articleId, helpReader(ctx)),
      ),
    ),
});

// ── Authoring: agents and admins write, every staff member reads ─────────────────────────────────────

export const articleRouter = router({
  list: tenantProcedure.input(listArticlesInput).query(({ ctx, input }) => listArticlesForStaff(ctx.scope, input)),
  get: tenantProcedure.input(articleIdInput).query(({ ctx, input }) => getArticleForStaff(ctx.scope, input.articleId)),
  version: tenantProcedure
    .input(articleVersionInput)
    .query(({ ctx, input }) => getArticleVersion(ctx.scope, input.articleId, input.version)),
  search: tenantProcedure
    .input(staffSearchArticlesInput)
    .query(({ ctx, input }) => searchArticlesAsStaff(ctx.scope, input)),
  /** A mutation only so long drafts travel in a POST body rather than a URL; it changes nothing. */
  preview: agentProcedure.input(previewArticleInput).mutation(({ input }) => previewArticle(input)),
  create: agentProcedure.input(createArticleInput).mutation(({ ctx, input }) => createArticle(ctx.scope, input)),
  update: agentProcedure.input(updateArticleInput).mutation(({ ctx, input }) => updateArticle(ctx.scope, input)),
  restoreVersion: agentProcedure
    .input(restoreArticleVersionInput)
    .mutation(({ ctx, input }) => restoreArticleVersion(ctx.scope, input)),
  setStatus: agentProcedure
    .input(setArticleStatusInput)
    .mutation(({ ctx, input }) => setArticleStatus(ctx.scope, input)),
  schedule: agentProcedure.input(scheduleArticleInput).mutation(({ ctx, input }) => scheduleArticle(ctx.scope, input)),
});

export const articleCategoryRouter = router({
  list: tenantProcedure.query(({ ctx }) => listArticleCategories(ctx.scope)),
  save: agentProcedure
    .input(saveArticleCategoryInput)
    .mutation(({ ctx, input }) => saveArticleCategory(ctx.scope, input)),
  saveSection: agentProcedure
    .input(saveArticleSectionInput)
    .mutation(({ ctx, input }) => saveArticleSection(ctx.scope, input)),
});

export const helpLinkRouter = router({
  list: tenantProcedure.query(({ ctx }) => listHelpLinks(ctx.scope)),
  set: agentProcedure.input(setHelpLinksInput).mutation(({ ctx, input }) => setHelpLinks(ctx.scope, input)),
});
