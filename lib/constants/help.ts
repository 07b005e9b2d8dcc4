/** Who may read an article: anyone, customers signed in to the portal, or staff only. */
export const ARTICLE_VISIBILITIES = ['public', 'customers', 'internal'] as const;
export type ArticleVisibility = (typeof ARTICLE_VISIBILITIES)[number];

/** An article's editorial state. Only `published` with a publish date in the past is ever shown to readers. */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Who is reading the help center: decides which visibilities they may see (never `internal`). */
export const HELP_AUDIENCES = ['anonymous', 'customer'] as const;
export type HelpAudience = (typeof HELP_AUDIENCES)[number];

export const AUDIENCE_VISIBILITIES: Record<HelpAudience, readonly ArticleVisibility[]> = {
  anonymous: ['public'],
  customer: ['public', 'customers'],
};

export const ARTICLE_VISIBILITY_LABELS: Record<ArticleVisibility, string> = {
  public: 'Everyone',
  customers: 'Signed-in customers',
  internal: 'Agents only',
};

export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  published: 'Published',
  archived: 'Archived',
};

export const ARTICLE_LOCALES = ['en'] as const;
export const DEFAULT_ARTICLE_LOCALE = 'en';

/** Icons a category may show; the help center maps each to a glyph. */
export const CATEGORY_ICONS = [
  'book',
  'rocket',
  'credit-card',
  'user',
  'shield',
  'settings',
  'plug',
  'help-circle',
  'wrench',
  'message',
] as const;
export type CategoryIcon = (typeof CATEGORY_ICONS)[number];

/** Search results for one query; the search-as-you-type box shows fewer. */
export const HELP_SEARCH_LIMIT = 20;
export const HELP_SUGGEST_LIMIT = 3;
