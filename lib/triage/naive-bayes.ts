/**
 * Multinomial naive Bayes over words, with Laplace smoothing: small, pure and serialisable as JSON, so a
 * workspace's model lives in one row and predicting costs a few map look-ups. No cloud service.
 */

export type TriageModel = {
  /** Per label: how many training documents, and how often each kept word appeared in them. */
  labels: Record<string, { docs: number; words: Record<string, number>; total: number }>;
  vocabulary: number;
  docs: number;
};

export type Prediction = { label: string; confidence: number };

const STOP_WORDS = new Set(
  'a an and are as at be but by do for from has have hi hello i if in is it its me my no not of on or our so that the this to was we were with you your please thanks thank can'.split(
    ' ',
  ),
);

/** Lower-cased words of two letters or more, without the commonest English ones. */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
}

/** The most frequent words only: keeps a busy workspace's model a few hundred kilobytes at most. */
const MAX_VOCABULARY = 5000;

export function trainNaiveBayes(examples: ReadonlyArray<{ text: string; label: string }>): TriageModel {
  const frequency = new Map<string, number>();
  const tokenized = examples.map((e) => ({ label: e.label, words: tokenize(e.text) }));
  for (const { words } of tokenized) for (const w of words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const kept = new Set(
    [...frequency.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_VOCABULARY)
      .map(([w]) => w),
  );
  const labels: TriageModel['labels'] = {};
  for (const { label, words } of tokenized) {
    const entry = (labels[label] ??= { docs: 0, words: {}, total: 0 });
    entry.docs += 1;
    for (const w of words) {
      if (!kept.has(w)) continue;
      entry.words[w] = (entry.words[w] ?? 0) + 1;
      entry.total += 1;
    }
  }
  return { labels, vocabulary: kept.size, docs: examples.length };
}

/**
 * The likeliest label and its posterior probability (softmax of the log scores). Null for an untrained
 * model. Words the model never saw count for nothing, so an empty text falls back to the label priors.
 */
export function predictNaiveBayes(model: TriageModel, text: string): Prediction | null {
  const entries = Object.entries(model.labels);
  if (!entries.length || !model.docs) return null;
  const words = tokenize(text);
  const scores = entries.map(([label, { docs, words: counts, total }]) => {
    let score = Math.log(docs / model.docs);
    const denominator = Math.log(total + model.vocabulary + 1);
    for (const w of words) if (w in counts || isKnown(model, w)) score += Math.log((counts[w] ?? 0) + 1) - denominator;
    return { label, score };
  });
  const best = scores.reduce((a, b) => (b.score > a.score ? b : a));
  const sum = scores.reduce((acc, s) => acc + Math.exp(s.score - best.score), 0);
  return { label: best.label, confidence: 1 / sum };
}

function isKnown(model: TriageModel, word: string) {
  return Object.values(model.labels).some((l) => word in l.words);
}

/**
 * Splits examples into training and held-back sets deterministically (every `every`-th example is held
 * back), so the accuracy shown to the admin is reproducible from the same tickets.
 */
export function holdBack<T>(examples: readonly T[], every = 5) {
  const train: T[] = [];
  const test: T[] = [];
  examples.forEach((e, i) => ((i + 1) % every === 0 ? test : train).push(e));
  return { train, test };
}

/** Share of held-back examples whose predicted label is the recorded one; null when none were held back. */
export function accuracyOf(model: TriageModel, test: ReadonlyArray<{ text: string; label: string }>) {
  if (!test.length) return null;
  const right = test.filter((e) => predictNaiveBayes(model, e.text)?.label === e.label).length;
  return right / test.length;
}
