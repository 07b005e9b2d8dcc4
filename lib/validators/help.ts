import { z } from 'zod';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import {
  ARTICLE_LOCALES,
  ARTICLE_STATUSES,
  ARTICLE_VISIBILITIES,
  CATEGORY_ICONS,
  DEFAULT_ARTICLE_LOCALE,
  HELP_SEARCH_LIMIT,
} from '@/lib/constants/help';

const id = z.uuid();
export const ARTICLE_SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,118}[a-z0-9])?$/;
const slug = z.string().trim().toLowerCase().regex(ARTICLE_SLUG_PATTERN, {
  message: 'Use lower-case letters, digits and dashes (at most 120), starting and ending with a letter or digit.',
});
const workspace = z.string().trim().toLowerCase().regex(WORKSPACE_SLUG_PATTERN, { message: 'Unknown workspace.' });
const keyword = z.string().trim().toLowerCase().min(1).max(50);
const searchQuery = z.string().trim().min(1, { message: 'Type something to search for.' }).max(200);

// ── Public help center: the workspace is named by its slug (public data); visibility is decided on the server ──
export const helpWorkspaceInput = z.strictObject({ workspace });
export const helpCategoryInput = z.strictObject({ workspace, slug });
export const helpArticleInput = z.strictObject({ workspace, slug });
export const helpSearchInput = z.strictObject({
  workspace,
  query: searchQuery,
  categorySlug: slug.optional(),
  limit: z.number().int().min(1).max(HELP_SEARCH_LIMIT).default(10),
  /** false for search-as-you-type, so half-typed words stay out of the search report. */
  track: z.boolean().default(true),
});
export const helpSuggestInput = z.strictObject({ workspace, subject: z.string().trim().max(200) });
export const helpContextualInput = z.strictObject({ workspace, path: z.string().trim().min(1).max(500) });
export const articleFeedbackInput = z.strictObject({
  workspace,
  articleId: id,
  helpful: z.boolean(),
  comment: z.string().trim().max(2000, { message: 'Keep the comment under 2,000 characters.' }).optional(),
});
export const recordArticleViewInput = z.strictObject({ workspace, articleId: id });

// ── Authoring (agents and admins) ──
export const articleFields = z.strictObject({
  title: z
    .string()
    .trim()
    .min(3, { message: 'Give the article a title of at least 3 characters.' })
    .max(200, { message: 'Keep the title under 200 characters.' }),
  slug,
  bodyMarkdown: z
    .string()
    .max(200_000, { message: 'The article is too long (200,000 characters at most).' })
    .default(''),
  excerpt: z.string().trim().max(500, { message: 'Keep the excerpt under 500 characters.' }).default(''),
  categoryId: id.nullable().default(null),
  sectionId: id.nullable().default(null),
  tags: z.array(keyword).max(20, { message: 'At most 20 tags.' }).default([]),
  /** Extra words readers search with (synonyms, old names, common misspellings), comma-separated. */
  keywords: z.string().trim().max(500, { message: 'Keep the keywords under 500 characters.' }).default(''),
  position: z.number().int().min(0).max(10_000).default(0),
  locale: z.enum(ARTICLE_LOCALES).default(DEFAULT_ARTICLE_LOCALE),
  visibility: z.enum(ARTICLE_VISIBILITIES).default('public'),
});
/**
 * The article editor: the procedure's own rules for each field, with the selects' empty string standing
 * for "none" and tags typed as one comma-separated line.
 */
export const articleForm = articleFields
  .pick({ title: true, slug: true, bodyMarkdown: true, excerpt: true, keywords: true, visibility: true })
  .extend({ categoryId: z.union([z.literal(''), id]), sectionId: z.union([z.literal(''), id]), tags: z.string() });
export const createArticleInput = articleFields;
export const updateArticleInput = articleFields.extend({ articleId: id });
export const articleIdInput = z.strictObject({ articleId: id });
export const listArticlesInput = z.strictObject({
  status: z.enum(ARTICLE_STATUSES).optional(),
  categoryId: id.optional(),
  query: z.string().trim().max(200).optional(),
});
export const restoreArticleVersionInput = z.strictObject({ articleId: id, version: z.number().int().min(1) });
export const setArticleStatusInput = z.strictObject({ articleId: id, status: z.enum(ARTICLE_STATUSES) });
export const scheduleArticleInput = z.strictObject({ articleId: id, publishAt: z.coerce.date() });
export const previewArticleInput = z.strictObject({ bodyMarkdown: z.string().max(200_000) });
export const staffSearchArticlesInput = z.strictObject({
  query: searchQuery,
  limit: z.number().int().min(1).max(HELP_SEARCH_LIMIT).default(5),
  /** Any word may match: for a ticket subject used as the query. */
  matchAny: z.boolean().default(false),
});
export const articleVersionInput = z.strictObject({ articleId: id, version: z.number().int().min(1) });

export const saveArticleCategoryInput = z.strictObject({
  categoryId: id.optional(),
  slug,
  name: z.string().trim().min(2, { message: 'Give the category a name.' }).max(100),
  description: z.string().trim().max(500).default(''),
  icon: z.enum(CATEGORY_ICONS).default('book'),
  position: z.number().int().min(0).max(10_000).default(0),
});
export const saveArticleSectionInput = z.strictObject({
  sectionId: id.optional(),
  categoryId: id,
  name: z.string().trim().min(2, { message: 'Give the section a name.' }).max(100),
  position: z.number().int().min(0).max(10_000).default(0),
});

const helpPath = z.string().trim().min(1).max(500).regex(/^\//, { message: 'Paths start with a slash, like /orders.' });
export const setHelpLinksInput = z.strictObject({
  path: helpPath,
  articleIds: z.array(id).max(10, { message: 'Link at most 10 articles to a path.' }),
});

export type ArticleFieldsInput = z.infer<typeof articleFields>;
