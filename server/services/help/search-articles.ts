import { sql, type SQL } from 'drizzle-orm';
import { TYPO_SIMILARITY_THRESHOLD, type ArticleVisibility } from '@/lib/constants/help';
import type { Tx } from '@/server/db/client';
import { HIGHLIGHT_END, HIGHLIGHT_START, toSnippetParts, type SnippetPart } from './snippet';

export type ArticleSearchHit = {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  visibility: ArticleVisibility;
  categorySlug: string | null;
  categoryName: string | null;
  snippet: SnippetPart[];
  /** ts_rank for full-text hits, trigram similarity for typo matches; only comparable within one kind. */
  score: number;
  /** true when full-text search found nothing and the typo-tolerant fallback did. */
  fuzzy: boolean;
};

type Row = {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  visibility: ArticleVisibility;
  category_slug: string | null;
  category_name: string | null;
  headline: string;
  score: number;
};

export type ArticleSearch = {
  tenantId: string;
  query: string;
  /** Who reads: a visibility list for readers, or every visibility for staff. Only published articles match. */
  visibilities: readonly ArticleVisibility[];
  categorySlug?: string;
  limit: number;
  /** Any word may match (ranked by how many do), for long free text such as a ticket subject. */
  matchAny?: boolean;
};

const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

function tsquery(search: ArticleSearch): SQL {
  // websearch_to_tsquery ANDs the words; for free text every word is optional and more matches rank higher.
  return search.matchAny
    ? sql`replace(websearch_to_tsquery('english', ${search.query})::text, ' & ', ' | ')::tsquery`
    : sql`websearch_to_tsquery('english', ${search.query})`;
}

function filters(search: ArticleSearch): SQL {
  const category = search.categorySlug ? sql`and c.slug = ${search.categorySlug}` : sql``;
  // The readable rule of visibility.ts, in raw SQL: published, publish time passed, an allowed visibility.
  return sql`a.tenant_id = ${search.tenantId} and a.status = 'published' and a.published_at <= now()
    and a.visibility::text in (${sql.join(search.visibilities.map((v) => sql`${v}`), sql`, `)}) ${category}`;
}

/**
 * Full-text search (weighted title A, keywords B, body C; websearch syntax; ranked; highlighted snippets),
 * and when that finds nothing, a typo-tolerant pass with pg_trgm word similarity against titles and
 * keywords, so "pasword reset" still finds "Reset your password". Both use indexes (GIN tsvector, GIN trgm).
 */
export async function searchArticles(db: Tx, search: ArticleSearch): Promise<ArticleSearchHit[]> {
  if (!search.visibilities.length) return [];
  const fullText = await db.execute<Row>(sql`
    with q as (select ${tsquery(search)} as q),
    best as (
      select a.id, ts_rank(a.search, q.q) as score from articles a cross join q
        left join article_categories c on c.id = a.category_id
        where ${filters(search)} and a.search @@ q.q
        order by score desc, a.position, a.title limit ${search.limit}
    )
    select a.id, a.slug, a.title, a.excerpt, a.visibility, c.slug as category_slug, c.name as category_name, best.score,
      ts_headline('english', a.body_markdown, q.q, ${HEADLINE_OPTIONS}) as headline
    from best join articles a on a.id = best.id cross join q left join article_categories c on c.id = a.category_id
    order by best.score desc, a.position, a.title
  `);
  if (fullText.rows.length) return fullText.rows.map((row) => toHit(row, false));

  // `<%` uses the trigram indexes with this threshold; set_config(…, true) ends with the transaction.
  await db.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY_THRESHOLD)}, true)`);
  const fuzzy = await db.execute<Row>(sql`
    select a.id, a.slug, a.title, a.excerpt, a.visibility, c.slug as category_slug, c.name as category_name,
      greatest(word_similarity(${search.query}, a.title), word_similarity(${search.query}, a.keywords)) as score,
      left(a.body_markdown, 400) as headline
    from articles a left join article_categories c on c.id = a.category_id
    where ${filters(search)} and (${search.query} <% a.title or ${search.query} <% a.keywords)
    order by score desc, a.position, a.title limit ${search.limit}
  `);
  return fuzzy.rows.map((row) => toHit(row, true));
}

function toHit(row: Row, fuzzy: boolean): ArticleSearchHit {
  const snippet = fuzzy ? toSnippetParts(row.excerpt || truncateWords(row.headline, 30)) : toSnippetParts(row.headline);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    excerpt: row.excerpt,
    visibility: row.visibility,
    categorySlug: row.category_slug,
    categoryName: row.category_name,
    snippet,
    score: Number(row.score),
    fuzzy,
  };
}

function truncateWords(text: string, words: number) {
  const all = text.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}
