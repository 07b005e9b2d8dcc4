/**
 * The pure half of help-center search: which word a misspelt query word stands for, how much each word
 * weighs, and the tsquery text for a set of lexemes. The SQL half is in search-articles.ts.
 */

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * How many edits a word of this length may need and still count as a typo: none up to 4 letters ("cant"
 * is not a misspelt "card"), one up to 6, two beyond.
 */
export function allowedEdits(length: number) {
  return length <= 4 ? 0 : length <= 6 ? 1 : 2;
}

/**
 * Edits between a query word and a workspace lexeme. Lexemes are stems ("chang" for "change") while a
 * misspelt word keeps its ending ("chnage"), so the word's start, cut to the stem's length, is compared
 * too when the stem is at most one letter shorter (a longer cut would make "shop" one edit from any
 * "shop…" word); a word that differs from the stem only by its ending is still at least one edit away.
 */
export function editsToLexeme(word: string, lexeme: string) {
  const whole = editDistance(word, lexeme);
  if (lexeme.length >= word.length || word.length - lexeme.length > 1) return whole;
  return Math.min(whole, Math.max(1, editDistance(word.slice(0, lexeme.length), lexeme)));
}

export type VocabularyWord = { lexeme: string; articleCount: number };

/**
 * The workspace word a misspelt word stands for: the fewest edits within the allowance, then the word more
 * articles use (the reader more likely meant a common word than a rare one), then alphabetical, so the
 * answer never depends on the order candidates arrived in. Null when nothing is close enough.
 */
export function correctWord(word: string, candidates: readonly VocabularyWord[]): VocabularyWord | null {
  const allowed = allowedEdits(word.length);
  let best: (VocabularyWord & { edits: number }) | null = null;
  for (const candidate of candidates) {
    if (candidate.lexeme.length - word.length > allowed) continue;
    const edits = editsToLexeme(word, candidate.lexeme);
    if (edits === 0 || edits > allowed) continue;
    if (
      !best ||
      edits < best.edits ||
      (edits === best.edits &&
        (candidate.articleCount > best.articleCount ||
          (candidate.articleCount === best.articleCount && candidate.lexeme < best.lexeme)))
    )
      best = { ...candidate, edits };
  }
  return best ? { lexeme: best.lexeme, articleCount: best.articleCount } : null;
}

/** Inverse document frequency: a word in few of the workspace's articles says more about the question. */
export function inverseDocumentFrequency(articleCount: number, totalArticles: number) {
  return Math.log(1 + Math.max(totalArticles, 1) / Math.max(articleCount, 1));
}

/** A lexeme as a tsquery operand: quoted, its quotes and backslashes escaped (tsquery's own syntax). */
export function tsqueryOperand(lexeme: string) {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export const tsqueryOf = (lexemes: readonly string[], operator: '&' | '|') =>
  lexemes.map(tsqueryOperand).join(` ${operator} `);

export type QueryWord = {
  /** The query's own lexeme (stemmed, as to_tsvector makes it). */
  word: string;
  /** What the search uses: the word itself when the workspace knows it, its correction, or null. */
  lexeme: string | null;
  weight: number;
};

/**
 * Weighs the query's words. A word the workspace neither knows nor can correct still counts towards the
 * whole: it was part of the question, and an article holding only the other words answers only part of it.
 */
export function weighQueryWords(
  words: ReadonlyArray<{ word: string; lexeme: string | null; articleCount: number }>,
  totalArticles: number,
): QueryWord[] {
  const known = words.filter((w) => w.lexeme !== null);
  const weights = known.map((w) => inverseDocumentFrequency(w.articleCount, totalArticles));
  const average = weights.length ? weights.reduce((a, b) => a + b, 0) / weights.length : 1;
  return words.map((w) => ({
    word: w.word,
    lexeme: w.lexeme,
    // Half an average word: a word no article uses is as often filler ("cant", "pls") as the question's key.
    weight: w.lexeme === null ? average / 2 : inverseDocumentFrequency(w.articleCount, totalArticles),
  }));
}
