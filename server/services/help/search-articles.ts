import { sql, type SQL } from 'drizzle-orm';
import type { ArticleVisibility } from '@/lib/constants/help';
import type { Tx } from '@/server/db/client';
import {
  allowedEdits,
  correctWord,
  tsqueryOf,
  weighQueryWords,
  type QueryWord,
  type VocabularyWord,
} from './search-terms';
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
  /** ts_rank within its tier for articles holding every word, weighted coverage for partial matches. */
  score: number;
  /** true for close matches: found through a corrected word, or holding most but not all of the query's weight. */
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
  /** Any word may match (ranked by the weight of those that do), for free text such as a ticket subject. */
  matchAny?: boolean;
};

const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;
/** A partial match must hold more than this share of the query's weight (IDF): most of what was asked. */
const PARTIAL_MATCH_FLOOR = 0.5;
/** Candidates per query word for partial matches: every article of a rare word, a sample of a common one. */
const CANDIDATES_PER_WORD = 60;
/** Candidate workspace words fetched per misspelt word (trigram prefilter); edit distance then decides. */
const CORRECTION_CANDIDATES = 40;
/** Low on purpose: a swap in a short word ("chnage") shares few trigrams; edit distance is the real test. */
const CORRECTION_TRIGRAM_THRESHOLD = 0.25;
/** Body-only articles holding every word that are ranked beside the title hits (index order, bounded). */
const BODY_CANDIDATES = 100;
/**
 * ts_rank weights {D, C, B, A}: body (C) 0.7 instead of 0.2. ts_rank discounts repeats (the n-th counts 1/n²),
 * so a body must explain the words five times or more to outweigh one mention in a title alone.
 */
const WHOLE_TEXT_WEIGHTS = '{0.1, 0.7, 0.4, 1.0}';

/**
 * Quotes, `-word` and `or` are the reader asking for something precise: such a query is never loosened
 * (turning `password -reset` into `password | !reset` would match nearly everything) nor corrected.
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
 * The highlighted fragments of the body. A close match shows the article's excerpt instead (toHit), so its
 * headline is only made for an article without one: ts_headline parses the whole body, the costliest part
 * of a search that went through a correction or a partial match.
 */
function headline(q: SQL, closeMatch: boolean) {
  const fragments = sql`ts_headline('english', a.body_markdown, ${q}, ${HEADLINE_OPTIONS})`;
  return closeMatch ? sql`case when a.excerpt <> '' then '' else ${fragments} end` : fragments;
}

/**
 * The hits a ranking chose, best first, with what the results page shows of each. `best` is the CTEs that
 * end in `best (id, score)`, at most a page of rows: only those are joined and given a headline.
 */
async function rankedHits(db: Tx, best: SQL, headlineOf: SQL) {
  const result = await db.execute<Row>(sql`
    with ${best}
    select a.id, a.slug, a.title, a.excerpt, a.visibility, c.slug as category_slug, c.name as category_name, best.score,
      ${headlineOf} as headline
    from best join articles a on a.id = best.id left join article_categories c on c.id = a.category_id
    order by best.score desc, a.position, a.title
  `);
  return result.rows;
}

/**
 * Ranked full-text hits of articles holding every word, in two tiers: articles whose title or keywords hold
 * them (`search_head`), then, only when those are fewer than the limit, articles whose body does. Ranking
 * the common case reads the small `search_head` vectors instead of every matching body (a third of a large
 * help center can mention "refund").
 */
async function fullTextHits(db: Tx, search: ArticleSearch, q: SQL) {
  const head = await tierHits(db, search, q, 'head', search.limit);
  if (head.length >= search.limit) return head;
  return [...head, ...(await tierHits(db, search, q, 'body', search.limit - head.length))];
}

/**
 * One tier. The tsquery is a bound constant (not in a CTE) so the planner uses the GIN index. In the head
 * tier, an article whose keywords list the reader's exact words ("where is my order") wins: its author
 * wrote them for that reader, while ts_rank sees only the one lexeme left after stop words.
 */
async function tierHits(db: Tx, search: ArticleSearch, q: SQL, tier: 'head' | 'body', limit: number) {
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
  const best = sql`best as (
      select a.id, ts_rank(${vector}, ${q})${exactKeyword} as score from articles a
        left join article_categories c on c.id = a.category_id
        where ${filters(search)} and ${match}
        order by score desc, a.position, a.title limit ${limit}
    )`;
  return rankedHits(db, best, headline(q, false));
}

/**
 * Articles holding every word, title and body weighed together so a strong body match can beat a weak
 * title match: ts_rank over the whole text with the body's weight (C) raised towards the title's, so a body
 * that explains the words several times outranks a title that only mentions them, while a title that holds
 * them and a body that explains them beats both. Candidates stay bounded: the best title and keyword hits
 * (small vectors), and body-only hits straight from the index.
 */
async function everyWordHits(db: Tx, search: ArticleSearch, q: SQL, closeMatch: boolean) {
  const exactKeyword = sql`case when position(lower(trim(${search.query})) in lower(a.keywords)) > 0 and exists (select 1 from unnest(string_to_array(lower(a.keywords), ',')) k where trim(k) = lower(trim(${search.query}))) then 1 else 0 end`;
  const best = sql`candidates as (
      (select a.id from articles a left join article_categories c on c.id = a.category_id
        where ${filters(search)} and a.search_head @@ ${q}
        order by ts_rank(a.search_head, ${q}) desc limit ${search.limit * 3})
      union
      (select a.id from articles a left join article_categories c on c.id = a.category_id
        where ${filters(search)} and a.search @@ ${q} and not a.search_head @@ ${q}
        limit ${BODY_CANDIDATES})
    ),
    best as (
      select a.id, ts_rank(${WHOLE_TEXT_WEIGHTS}::float4[], a.search, ${q}) + ${exactKeyword} as score
      from candidates join articles a on a.id = candidates.id
      order by score desc, a.position, a.title limit ${search.limit}
    )`;
  return rankedHits(db, best, headline(q, closeMatch));
}

/**
 * The query's words as the workspace knows them: each word's lexeme, how many published articles hold it,
 * and, for a word no article holds, the workspace word it most likely misspells (help_search_terms, kept by
 * a trigger on articles). Two statements at most; the second only when a word is unknown.
 */
async function analyzeQuery(db: Tx, search: ArticleSearch) {
  const result = await db.execute<{ word: string; article_count: number | null; total: number }>(sql`
    select w as word, t.article_count,
      -- The empty lexeme counts the published articles (see the trigger in drizzle/…_rls).
      coalesce((select e.article_count from help_search_terms e where e.tenant_id = ${search.tenantId} and e.lexeme = ''), 0) as total
    from unnest(tsvector_to_array(to_tsvector('english', ${search.query}))) w
    left join help_search_terms t on t.tenant_id = ${search.tenantId} and t.lexeme = w
  `);
  const total = result.rows[0]?.total ?? 0;
  const unknown = result.rows.filter((r) => r.article_count === null && allowedEdits(r.word.length) > 0);
  const candidates = new Map<string, VocabularyWord[]>();
  if (unknown.length) {
    // `<%` (word similarity) is one of the operators drizzle/0011 marks LEAKPROOF, so its trigram index
    // serves this under RLS; set_config(…, true) ends with the transaction.
    await db.execute(
      sql`select set_config('pg_trgm.word_similarity_threshold', ${String(CORRECTION_TRIGRAM_THRESHOLD)}, true)`,
    );
    const near = await db.execute<{ word: string; lexeme: string; article_count: number }>(sql`
      select u.word, s.lexeme, s.article_count
      from json_array_elements_text(${JSON.stringify(unknown.map((r) => r.word))}::json) as u(word)
      cross join lateral (
        select t.lexeme, t.article_count from help_search_terms t
        where t.tenant_id = ${search.tenantId} and u.word <% t.lexeme
        order by word_similarity(u.word, t.lexeme) desc, t.article_count desc
        limit ${CORRECTION_CANDIDATES}
      ) s
    `);
    for (const row of near.rows)
      candidates.set(row.word, [
        ...(candidates.get(row.word) ?? []),
        { lexeme: row.lexeme, articleCount: row.article_count },
      ]);
  }
  const words = result.rows.map((row) => {
    if (row.article_count !== null) return { word: row.word, lexeme: row.word, articleCount: row.article_count };
    const corrected = correctWord(row.word, candidates.get(row.word) ?? []);
    return { word: row.word, lexeme: corrected?.lexeme ?? null, articleCount: corrected?.articleCount ?? 0 };
  });
  return weighQueryWords(words, total);
}

/**
 * Articles holding some of the words, each word weighted by its rarity (IDF): an article's coverage is the
 * share of the query's weight it holds, anywhere in its text, with a bonus for holding it in its title or
 * keywords. Candidates come from each word's index entries (all of a rare word's articles, a sample of a
 * common word's) and the best title and keyword hits, so the cost stays bounded however common the words.
 */
async function partialHits(db: Tx, search: ArticleSearch, words: QueryWord[], floor: number) {
  const held = words.filter((w): w is QueryWord & { lexeme: string } => w.lexeme !== null);
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  const lexemes = [...new Set(held.map((w) => w.lexeme))];
  const anyWord = sql`${tsqueryOf(lexemes, '|')}::tsquery`;
  const perWord = lexemes.map(
    (lexeme) => sql`(select a.id from articles a left join article_categories c on c.id = a.category_id
      where ${filters(search)} and a.search @@ ${tsqueryOf([lexeme], '|')}::tsquery limit ${CANDIDATES_PER_WORD})`,
  );
  const weightOf = (vector: SQL) =>
    sql.join(
      held.map(
        (w) => sql`case when ${vector} @@ ${tsqueryOf([w.lexeme], '|')}::tsquery then ${w.weight}::float8 else 0 end`,
      ),
      sql` + `,
    );
  const best = sql`candidates as (
      ${sql.join(perWord, sql` union `)}
      union
      (select a.id from articles a left join article_categories c on c.id = a.category_id
        where ${filters(search)} and a.search_head @@ ${anyWord}
        order by ts_rank(a.search_head, ${anyWord}) desc limit ${search.limit * 2})
    ),
    scored as (
      select a.id, (${weightOf(sql`a.search`)}) / ${total}::float8 as coverage,
        (${weightOf(sql`a.search_head`)}) / ${total}::float8 as head_coverage,
        ts_rank(a.search, ${anyWord}) as rank
      from candidates join articles a on a.id = candidates.id
    ),
    best as (
      select id, coverage + 0.25 * head_coverage + 0.1 * least(rank, 1) as score from scored
      where coverage > ${floor}
      order by score desc limit ${search.limit}
    )`;
  return rankedHits(db, best, headline(anyWord, true));
}

/**
 * Help-center search (weighted title A, keywords B, body C; ranked; highlighted snippets), per word:
 * 1. Each word is looked up in the workspace's vocabulary; a word no article holds is corrected to the
 *    closest workspace word (edit distance ≤ 1 or 2 by length, the commoner word on a tie).
 * 2. Articles holding every (corrected) word, ranked.
 * 3. Otherwise the best partial matches: articles holding most of the query's weight, rarer words weighing
 *    more (IDF). `matchAny` (subject suggestions) takes any share.
 * 4. Otherwise nothing: the page says "No articles match" with the way to contact the team, instead of
 *    loosely related "close matches".
 * Queries with search syntax (quotes, -word, or) run as written and are never loosened.
 */
export async function searchArticles(db: Tx, search: ArticleSearch): Promise<ArticleSearchHit[]> {
  if (!search.visibilities.length) return [];
  if (usesSearchSyntax(search.query)) {
    const rows = await fullTextHits(db, search, sql`websearch_to_tsquery('english', ${search.query})`);
    return rows.map((row) => toHit(row, false));
  }
  const words = await analyzeQuery(db, search);
  const lexemes = [...new Set(words.flatMap((w) => (w.lexeme ? [w.lexeme] : [])))];
  if (!lexemes.length) return [];
  const everyWordKnown = words.every((w) => w.lexeme !== null);
  if (everyWordKnown && !search.matchAny) {
    // Found through a corrected word: a close match, and the page says so.
    const corrected = words.some((w) => w.lexeme !== w.word);
    const exact = await everyWordHits(db, search, sql`${tsqueryOf(lexemes, '&')}::tsquery`, corrected);
    if (exact.length) return exact.map((row) => toHit(row, corrected));
  }
  const partial = await partialHits(db, search, words, search.matchAny ? 0 : PARTIAL_MATCH_FLOOR);
  return partial.map((row) => toHit(row, true));
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
