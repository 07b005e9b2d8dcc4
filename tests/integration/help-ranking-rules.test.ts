import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { helpSearchTerms } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { setArticleStatus } from '@/server/services/help/change-article-status';
import { callerFor } from '../helpers/caller';
import { createWorkspace, uniqueWord, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';

// The ranking rules of issue 12, each on articles built to isolate it, through the public search procedure
// an anonymous reader calls: partial matches, rarer words weighing more, a strong body match beating a weak
// title match, per-word typo correction against the workspace's words, and "no answer" when there is none.

let W: TestWorkspace;
/** Made-up words, so nothing else in the workspace holds them. */
const rare = uniqueWord('zorb');
const gadget = uniqueWord('gizmo');

const search = async (query: string) =>
  (await callerFor({}).help.search({ workspace: W.slug, query, limit: 10, track: false })).items;
const slugsFor = async (query: string) => (await search(query)).map((i) => i.slug);
const article = (slug: string, title: string, body: string, keywords = '') =>
  createTestArticle(W.id, W.owner, { slug, title, body, keywords });

beforeAll(async () => {
  W = await createWorkspace();
  // Partial matches: no article holds "export", "invoices" and "spreadsheet" together.
  await article('export-invoices', 'Export your invoices', 'Download every invoice as a file from Billing → Export.');
  await article('spreadsheet-tips', 'Spreadsheet tips', 'Sort columns and freeze rows in a spreadsheet.');
  // Rarer words weigh more: "refund" is everywhere, the made-up word in one article.
  for (const n of [1, 2, 3, 4, 5])
    await article(`refund-note-${n}`, `Refund note ${n}`, `Refund rules, part ${n}: refunds take five days.`);
  await article(`about-${rare}`, `Setting up ${rare}`, `Connect ${rare} from the integrations page.`);
  // A strong body match and a weak title match for the same word.
  await article(`weak-${gadget}`, `Holiday opening hours and ${gadget}`, 'We are closed on public holidays.');
  await article(
    'strong-body',
    'Pairing a new device',
    `Hold the ${gadget} button. The ${gadget} light blinks, then the ${gadget} pairs; if the ${gadget} stays dark, replace the ${gadget} battery.`,
  );
  // Typos, one per word.
  await article('change-shipping-address', 'Change the shipping address', 'Edit the delivery address before dispatch.');
});

describe('help search ranking rules', () => {
  it('a query matching most but not all of its words returns the best partial matches', async () => {
    const items = await search('export invoices spreadsheet');
    expect(items[0]).toMatchObject({ slug: 'export-invoices', fuzzy: true });
  });

  it('rarer words weigh more than common ones', async () => {
    // No article holds both; the one holding the rare word answers more of the question.
    const slugs = await slugsFor(`refund ${rare}`);
    expect(slugs[0]).toBe(`about-${rare}`);
    // And the common word alone, over half the weight in no article, does not pull in the refund notes.
    expect(slugs.filter((s) => s.startsWith('refund-note'))).toEqual([]);
  });

  it('a strong body match can beat a weak title match', async () => {
    const slugs = await slugsFor(gadget);
    expect(slugs.slice(0, 2)).toEqual(['strong-body', `weak-${gadget}`]);
  });

  it('corrects each misspelt word against the workspace vocabulary', async () => {
    const items = await search('chnage shiping adress');
    expect(items[0]).toMatchObject({ slug: 'change-shipping-address', fuzzy: true });
    expect((await search(`${rare.slice(0, -2)}${rare.at(-1)}${rare.at(-2)} setup`))[0]?.slug).toBe(`about-${rare}`);
  });

  it('says there is no answer instead of loosely related matches', async () => {
    expect(await search('teleport moonbase')).toEqual([]);
    expect(await search('how do I fly to the moon')).toEqual([]);
    expect(await search('the of and')).toEqual([]);
  });

  it('keeps the vocabulary with the articles: a new word is found, an unpublished one forgotten', async () => {
    // Ends in letters no English stemming rule removes: the vocabulary holds stemmed lexemes, and a random
    // ending such as "-ing" or "-s" would be stored shorter than the word looked up here.
    const word = `${uniqueWord('quux')}zq`;
    const created = await article(`new-${word}`, `About ${word}`, `Only this article says ${word}.`);
    const count = () =>
      runInTenant(W.id, ({ db }) =>
        db
          .select({ n: helpSearchTerms.articleCount })
          .from(helpSearchTerms)
          .where(and(eq(helpSearchTerms.tenantId, W.id), eq(helpSearchTerms.lexeme, word))),
      );
    expect(await count()).toEqual([{ n: 1 }]);
    expect((await search(`${word}x`))[0]?.slug).toBe(`new-${word}`);
    await runInTenant(W.id, (scope) => setArticleStatus(scope, { articleId: created.id, status: 'archived' }));
    expect(await count()).toEqual([]);
    expect(await search(word)).toEqual([]);
  });
});
