import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ARTICLE_STATUSES, ARTICLE_VISIBILITIES } from '@/lib/constants/help';
import { createdAt, id, updatedAt } from './columns';
import { customers } from './customers';
import { tenants } from './tenants';
import { users } from './users';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const articleVisibility = pgEnum('article_visibility', ARTICLE_VISIBILITIES);
export const articleStatus = pgEnum('article_status', ARTICLE_STATUSES);

export const articleCategories = pgTable(
  'article_categories',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    icon: text('icon').notNull().default('book'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('article_categories_tenant_slug_key').on(t.tenantId, t.slug)],
);

export const articleSections = pgTable(
  'article_sections',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => articleCategories.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('article_sections_category_idx').on(t.categoryId, t.position)],
);

/**
 * Help-center articles. Readers only ever see `published` rows whose `published_at` has passed, so
 * scheduling is a future `published_at`: no job has to flip anything at the due time.
 */
export const articles = pgTable(
  'articles',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    categoryId: uuid('category_id').references(() => articleCategories.id, { onDelete: 'set null' }),
    sectionId: uuid('section_id').references(() => articleSections.id, { onDelete: 'set null' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull().default(''),
    excerpt: text('excerpt').notNull().default(''),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    keywords: text('keywords').notNull().default(''),
    position: integer('position').notNull().default(0),
    locale: text('locale').notNull().default('en'),
    visibility: articleVisibility('visibility').notNull().default('public'),
    status: articleStatus('status').notNull().default('draft'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Latest version number in article_versions; every save adds one. */
    currentVersion: integer('current_version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The publish time an agent asked for, kept to show "scheduled for" while it is still ahead. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    viewCount: integer('view_count').notNull().default(0),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(keywords, '')), 'B') || setweight(to_tsvector('english', coalesce(body_markdown, '')), 'C')`,
    ),
    /**
     * Title and keywords alone: a few dozen lexemes, never toasted, so ranking the hits of a common word
     * costs little. Search ranks these hits first and reads `search` (bodies) only when they are too few.
     */
    searchHead: tsvector('search_head').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(keywords, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('articles_tenant_locale_slug_key').on(t.tenantId, t.locale, t.slug),
    index('articles_tenant_category_idx').on(t.tenantId, t.categoryId, t.position),
    index('articles_tenant_status_idx').on(t.tenantId, t.status, t.updatedAt.desc()),
    index('articles_search_idx').using('gin', t.search),
    index('articles_search_head_idx').using('gin', t.searchHead),
    // Typo-tolerant fallback: word_similarity against titles and keywords.
    index('articles_title_trgm_idx').using('gin', sql`title gin_trgm_ops`),
    index('articles_keywords_trgm_idx').using('gin', sql`keywords gin_trgm_ops`),
  ],
);

/** Every save of an article, so earlier wording can be viewed and restored. */
export const articleVersions = pgTable(
  'article_versions',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    excerpt: text('excerpt').notNull().default(''),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** Why this version exists when it was not a plain save (e.g. "Restored version 2"). */
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('article_versions_article_version_key').on(t.articleId, t.version)],
);

export const articleFeedback = pgTable(
  'article_feedback',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    /** Who voted (`customer:<id>`, `visitor:<cookie id>` or `ip:<address>`): one vote each per article. */
    voterKey: text('voter_key'),
    createdAt: createdAt(),
  },
  (t) => [
    index('article_feedback_article_idx').on(t.articleId, t.createdAt),
    uniqueIndex('article_feedback_voter_key').on(t.tenantId, t.articleId, t.voterKey),
  ],
);

/** Contextual help: a path of the workspace's own product (e.g. `/orders`) and the articles it shows. */
export const helpLinks = pgTable(
  'help_links',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    articleId: uuid('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('help_links_tenant_path_article_key').on(t.tenantId, t.path, t.articleId)],
);

/**
 * The workspace's search vocabulary: every lexeme of its published articles (title, keywords, body, as
 * `articles.search` holds them) with the number of articles holding it. Search corrects each misspelt word
 * against it and weighs words by rarity (IDF); the empty lexeme counts the published articles themselves.
 * Kept by a trigger on `articles` (drizzle/…_rls), so every way an article is saved, published or deleted
 * keeps it true.
 */
export const helpSearchTerms = pgTable(
  'help_search_terms',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    lexeme: text('lexeme').notNull(),
    articleCount: integer('article_count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.lexeme] }),
    // Typo correction: trigram word similarity within the workspace's own words (btree_gin holds tenant_id).
    index('help_search_terms_trgm_idx').using('gin', t.tenantId, sql`lexeme gin_trgm_ops`),
  ],
);

/** What readers searched for and how many results they got: the "searches with no result" report. */
export const helpSearches = pgTable(
  'help_searches',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
    resultCount: integer('result_count').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('help_searches_tenant_created_idx').on(t.tenantId, t.createdAt)],
);
