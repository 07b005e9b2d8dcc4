import { beforeAll, describe, expect, it } from 'vitest';
import { RELEVANCE_ARTICLES, RELEVANCE_FLOORS, RELEVANCE_QUERIES } from '../fixtures/help-relevance';
import { callerFor } from '../helpers/caller';
import { addMember, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { describeScore, scoreRelevance, seedRelevanceSet, type RelevanceScore } from '../helpers/help-relevance';

// Search quality: the relevance set (tests/fixtures/help-relevance.ts) through the public search procedure
// an anonymous reader calls. The floors are the bar; the shares are printed so a change that
// moves them shows in the log even while it stays above the floor.

const { first: FIRST_FLOOR, topThree: TOP_THREE_FLOOR } = RELEVANCE_FLOORS;

let W: TestWorkspace;
let score: RelevanceScore;

beforeAll(async () => {
  W = await createWorkspace();
  const author = await addMember(W.id, 'agent');
  await seedRelevanceSet(W.id, { userId: author.userId, role: 'agent' });
  const reader = callerFor({});
  score = await scoreRelevance(async (query) =>
    (await reader.help.search({ workspace: W.slug, query, limit: 10, track: false })).items.map((i) => i.slug),
  );
  console.log(`[help relevance] ${describeScore(score)}`);
});

describe('help-center search relevance', () => {
  it('the fixture is coherent: every expected article exists, every query is distinct', () => {
    const slugs = new Set(RELEVANCE_ARTICLES.map((a) => a.slug));
    expect(slugs.size).toBe(RELEVANCE_ARTICLES.length);
    expect(RELEVANCE_QUERIES.filter((q) => !slugs.has(q.expected))).toEqual([]);
    expect(new Set(RELEVANCE_QUERIES.map((q) => q.query.toLowerCase())).size).toBe(RELEVANCE_QUERIES.length);
  });

  it(`puts the expected article first for at least ${FIRST_FLOOR * 100}% of the queries`, () => {
    expect(score.firstShare, describeScore(score)).toBeGreaterThanOrEqual(FIRST_FLOOR);
  });

  it(`puts it within the first three for at least ${TOP_THREE_FLOOR * 100}% of the queries`, () => {
    expect(score.topThreeShare, describeScore(score)).toBeGreaterThanOrEqual(TOP_THREE_FLOOR);
  });

  it('finds every typo query through the fallback', () => {
    const typos = RELEVANCE_QUERIES.filter((q) => q.kind === 'typo');
    const missed = score.misses.filter((m) => m.kind === 'typo' && m.rank === null);
    expect(missed, describeScore(score)).toEqual([]);
    expect(typos.length).toBeGreaterThanOrEqual(4);
  });
});
