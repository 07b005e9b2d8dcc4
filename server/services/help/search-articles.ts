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
  /**
   * ts_rank within its tier (title/keywords, then body) for full-text hits, trigram similarity for typo matches; only
   * comparable within one kind.
   */
  score: number;
  /** true when no article holds every word and the fallback (typo-tolerant, then some of the words) found this one. */
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

/** Longer queries skip the trigram pass (see searchArticles). */
const MAX_TYPO_WORDS = 4;
const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

/** websearch_to_tsquery ANDs the words; `anyWord` makes every word optional, and more matches rank higher. */
function tsquery(query: string, anyWord: boolean): SQL {
  return anyWord
    ? sql`replace(websearch_to_tsquery('english', ${query})::text, ' & ', ' | ')::tsquery`
    : sql`websearch_to_tsquery('english', ${query})`;
}

/**
 * Quotes, `-word` and `or` are the reader asking for something precise: such a query is never loosened
 * to any-word (turning `password -reset` into `password | !reset` would match nearly everything).
 */
function usesSearchSyntax(query: string) {
  return /"|(^|\s)-\S|\bor\b/i.test(query);
}

function filters(search: ArticleSearch): SQL {
  const category = search.categorySlug ? sql`and c.slug = ${search.categorySlug}` : sql``;
  // The readable rule of visibility.ts, in raw SQL: published, publish time passed, an allowed visibility.
  return sql`a.tenant_id = ${search.tenantId} and a.status = 'published' and a.published_at <= now()
    and a.visibility::text in (${sql.join(
      search.visibilities.map((v) => sql`${v}`),
      sql`, `,
    )}) ${category}`;
}

/**
 * Ranked full-text hits, in two tiers: articles whose title or keywords hold the words (`search_head`),
 * then, only when those are fewer than the limit, articles whose body does. Any title or keyword hit
 * outranks a body-only one, and ranking the common case reads the small `search_head` vectors instead of
 * every matching body (a third of a large help center can mention "refund").
 */
async function fullTextHits(db: Tx, search: ArticleSearch, anyWord: boolean) {
  const head = await tierHits(db, search, anyWord, 'head', search.limit);
  if (head.length >= search.limit) return head;
  return [...head, ...(await tierHits(db, search, anyWord, 'body', search.limit - head.length))];
}

/**
 * One tier. The tsquery is written inline (not in a CTE) so the planner sees a constant and uses the GIN
 * index. In the head tier, an article whose keywords list the reader's exact words ("where is my order")
 * wins: its author wrote them for that reader, while ts_rank sees only the one lexeme left after stop
 * words. With any word allowed, how many of the reader's words an article holds comes before ts_rank, so
 * "send … back" in one article beats "back" alone in a title.
 */
async function tierHits(db: Tx, search: ArticleSearch, anyWord: boolean, tier: 'head' | 'body', limit: number) {
  const q = tsquery(search.query, anyWord);
  const vector = tier === 'head' ? sql`a.search_head` : sql`a.search`;
  // `-word` must hold for the whole article, not only its title: such queries check the full vector too.
  const head = usesSearchSyntax(search.query)
    ? sql`a.search_head @@ ${q} and a.search @@ ${q}`
    : sql`a.search_head @@ ${q}`;
  const match = tier === 'head' ? head : sql`a.search @@ ${q} and not a.search_head @@ ${q}`;
  const exactKeyword =
    tier === 'head'
      ? // position() first: it rules out nearly every row before the keyword list is split.
        sql` + case when position(lower(trim(${search.query})) in lower(a.keywords)) > 0 and exists (select 1 from unnest(string_to_array(lower(a.keywords), ',')) k where trim(k) = lower(trim(${search.query}))) then 1 else 0 end`
      : sql``;
  const held = (v: SQL) =>
    sql`(select count(*) from unnest(tsvector_to_array(to_tsvector('english', ${search.query}))) w where ${v} @@ quote_literal(w)::tsquery)`;
  const headline = sql`ts_headline('english', a.body_markdown, ${q}, ${HEADLINE_OPTIONS})`;
  // Any-word head hits are picked on their titles and keywords, then the best few re-ranked on the words
  // their whole text holds: "company address on invoices" then finds the article whose title says
  // "VAT" and whose body says the rest. Re-ranking a few dozen rows keeps the bodies' cost bounded.
  const rerank = anyWord && tier === 'head';
  const result = await db.execute<Row>(sql`
    with pre as (
      select a.id, ts_rank(${vector}, ${q})${exactKeyword}${anyWord ? sql` + ${held(vector)}` : sql``} as score from articles a
        left join article_categories c on c.id = a.category_id
        where ${filters(search)} and ${match}
        order by score desc, a.position, a.title limit ${rerank ? limit * 5 : limit}
    ),
    best as (
      select pre.id, ${rerank ? sql`pre.score - ${held(sql`a.search_head`)} + ${held(sql`a.search`)}` : sql`pre.score`} as score
        from pre join articles a on a.id = pre.id
        order by score desc, a.position, a.title limit ${limit}
    )
    select a.id, a.slug, a.title, a.excerpt, a.visibility, c.slug as category_slug, c.name as category_name, best.score, ${headline} as headline
    from best join articles a on a.id = best.id left join article_categories c on c.id = a.category_id
    order by best.score desc, a.position, a.title
  `);
  return result.rows;
}

/** pg_trgm word similarity against titles and keywords: catches misspelt words ("pasword", "zapeir"). */
async function typoHits(db: Tx, search: ArticleSearch) {
  // `<%` uses the trigram indexes with this threshold; set_config(…, true) ends with the transaction.
  await db.execute(
    sql`select set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY_THRESHOLD)}, true)`,
  );
  const result = await db.execute<Row>(sql`
    select a.id, a.slug, a.title, a.excerpt, a.visibility, c.slug as category_slug, c.name as category_name,
      greatest(word_similarity(${search.query}, a.title), word_similarity(${search.query}, a.keywords)) as score,
      left(a.body_markdown, 400) as headline
    from articles a left join article_categories c on c.id = a.category_id
    where ${filters(search)} and (${search.query} <% a.title or ${search.query} <% a.keywords)
    order by score desc, a.position, a.title limit ${search.limit}
  `);
  return result.rows;
}

/**
 * Full-text search (weighted title A, keywords B, body C; websearch syntax; ranked; highlighted snippets).
 * When no article holds every word, a fallback: first typo-tolerant matches (pg_trgm word similarity
 * against titles and keywords, so "pasword reset" still finds "Reset your password"), then articles
 * holding some of the words, ranked by how many and where ("how do I send something back" finds the
 * returns article though no article says "something"). Every pass uses an index (GIN tsvector, GIN trgm);
 * under RLS only where drizzle/0011 could mark the match operators LEAKPROOF (see there).
 */
export async function searchArticles(db: Tx, search: ArticleSearch): Promise<ArticleSearchHit[]> {
  if (!search.visibilities.length) return [];
  const anyWord = Boolean(search.matchAny);
  const exact = await fullTextHits(db, search, anyWord);
  if (exact.length) return exact.map((row) => toHit(row, false));

  // A misspelt search is a word or three; against a whole sentence, trigram similarity matches half the
  // titles at a high cost, and the any-word pass answers better.
  const words = search.query.trim().split(/\s+/).length;
  const typos = words <= MAX_TYPO_WORDS ? await typoHits(db, search) : [];
  const loosen =
    typos.length < search.limit && !anyWord && !usesSearchSyntax(search.query) && /\S\s+\S/.test(search.query.trim());
  const someWords = loosen ? await fullTextHits(db, search, true) : [];
  const seen = new Set(typos.map((row) => row.id));
  const blended = [
    ...typos.map((row) => toHit(row, true)),
    ...someWords.filter((row) => !seen.has(row.id)).map((row) => toHit(row, false)),
  ];
  // Every hit of the fallback is a close match, not an exact one: the results page says so.
  return blended.slice(0, search.limit).map((hit) => ({ ...hit, fuzzy: true }));
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
  const all = text
    .replace(/<[^>]*>/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')} …` : all.join(' ');
}
