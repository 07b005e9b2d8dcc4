import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { RELEVANCE_CATEGORIES } from '../fixtures/help-relevance';
import {
  ARTICLE_CATEGORIES,
  ARTICLE_OPENERS,
  ARTICLE_SECTIONS,
  ARTICLE_TAILS,
  MEDIUM_WORDS,
  SUBJECT_TOPICS,
  TAGS,
} from './corpus';
import { articleSizes, type Profile } from './options';
import type { BenchWorkspace } from './seed';

// The help center at scale, on top of the ticket seed: generated articles in every bench workspace
// (set-based SQL, like seed.ts), plus the relevance set (through the authoring services, see run.ts) in
// a workspace of its own and in the largest one. Kept apart from the ticket seed with its own marker, so
// adding or changing it never re-seeds a million tickets.

/** Bump when the shape of the seeded articles changes. */
const HELP_SEED_VERSION = 1;
export const RELEVANCE_WORKSPACE_SLUG = 'bench-relevance';
const HELP_TABLES = ['articles', 'article_versions'];

export type HelpWorkspace = { slug: string; tenantId: string; articles: number };
export type RelevanceWorkspace = { slug: string; tenantId: string; authorUserId: string };
export type HelpSeed = {
  reused: boolean;
  seconds: number;
  totalArticles: number;
  workspaces: HelpWorkspace[];
  relevance: RelevanceWorkspace;
};

const fixtureHash = () => createHash('sha256').update(JSON.stringify(RELEVANCE_CATEGORIES)).digest('hex').slice(0, 16);
const marker = (profile: Profile) => ({
  version: HELP_SEED_VERSION,
  profile: profile.name,
  sizes: articleSizes(profile),
  fixture: fixtureHash(),
});

const pick = (param: string) => `(${param}::text[])[1 + floor(random() * cardinality(${param}::text[]))::int]`;

async function connect(ownerUrl: string) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  return client;
}

/** The stored help seed when it matches this profile and fixture, else null (then it is seeded afresh). */
export async function loadHelpSeed(ownerUrl: string, profile: Profile): Promise<HelpSeed | null> {
  const client = await connect(ownerUrl);
  try {
    const { rows } = await client.query<{ value: ReturnType<typeof marker> & Omit<HelpSeed, 'reused'> }>(
      `select value from bench.meta where key = 'help-seed'`,
    );
    const found = rows[0]?.value;
    const wanted = marker(profile);
    if (
      !found ||
      found.version !== wanted.version ||
      found.profile !== wanted.profile ||
      found.fixture !== wanted.fixture ||
      found.sizes.join() !== wanted.sizes.join()
    )
      return null;
    return {
      reused: true,
      seconds: found.seconds,
      totalArticles: found.totalArticles,
      workspaces: found.workspaces,
      relevance: found.relevance,
    };
  } finally {
    await client.end();
  }
}

async function clearHelpCenter(client: pg.Client) {
  await client.query(`delete from bench.meta where key = 'help-seed'`);
  await client.query(
    'truncate article_feedback, help_links, help_searches, article_versions, articles, article_sections, article_categories',
  );
  await client.query('delete from tenants where slug = $1', [RELEVANCE_WORKSPACE_SLUG]);
}

async function dropIndexes(client: pg.Client) {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [HELP_TABLES],
  );
  for (const index of rows) await client.query(`drop index public.${client.escapeIdentifier(index.name)}`);
  return rows;
}

/**
 * One workspace's help center: the categories with three sections each, then `count` published articles
 * (92% public, 5% for signed-in customers, 3% internal) of 9–18 sentences in markdown (an intro, numbered
 * steps, a troubleshooting part), each with its first version, as createArticle would leave it.
 */
async function seedArticles(
  client: pg.Client,
  workspace: BenchWorkspace,
  count: number,
  superuser: boolean,
  sentences: number,
) {
  await client.query('begin');
  try {
    await client.query('set local synchronous_commit = off');
    if (superuser) await client.query('set local session_replication_role = replica');
    await client.query(`select set_config('app.tenant_id', $1, true)`, [workspace.tenantId]);
    await client.query(
      `create temp table h_categories on commit drop as
       select row_number() over ()::int as n, gen_random_uuid() as id, c.slug, c.name, c.icon from unnest($1::text[], $2::text[], $3::text[]) as c(slug, name, icon)`,
      [
        ARTICLE_CATEGORIES.map((c) => c.slug),
        ARTICLE_CATEGORIES.map((c) => c.name),
        ARTICLE_CATEGORIES.map((c) => c.icon),
      ],
    );
    await client.query(
      `insert into article_categories (id, tenant_id, slug, name, description, icon, position) select id, $1, slug, name, 'Guides about ' || lower(name) || '.', icon, n - 1 from h_categories`,
      [workspace.tenantId],
    );
    await client.query(
      `create temp table h_sections on commit drop as
       select c.n as category_n, s.k::int as k, gen_random_uuid() as id, c.id as category_id, s.name from h_categories c cross join unnest($1::text[]) with ordinality as s(name, k)`,
      [ARTICLE_SECTIONS],
    );
    await client.query(
      `insert into article_sections (id, tenant_id, category_id, name, position) select id, $1, category_id, name, k - 1 from h_sections`,
      [workspace.tenantId],
    );
    await client.query(
      `create temp table h_articles on commit drop as
       select g as n, gen_random_uuid() as id, trim(${pick('$2')} || ' ' || ${pick('$3')} || ' ' || ${pick('$4')}) as title,
         ${pick('$3')} || ', ' || ${pick('$5')} || ', ' || ${pick('$5')} as keywords, ${pick('$6')} as tag,
         1 + floor(random() * $7::int)::int as category_n, 1 + floor(random() * 3)::int as section_n, 9 + floor(random() * 10)::int as sentences,
         random() as r_visibility, now() - interval '720 days' * random() as published_at, floor(power(random(), 4) * 5000)::int as views
       from generate_series(1, $1::int) g`,
      [count, ARTICLE_OPENERS, SUBJECT_TOPICS, ARTICLE_TAILS, MEDIUM_WORDS, TAGS, ARTICLE_CATEGORIES.length],
    );
    await client.query(
      `insert into articles (id, tenant_id, category_id, section_id, slug, title, body_markdown, excerpt, tags, keywords, position, visibility, status,
         author_id, current_version, published_at, view_count, helpful_yes, helpful_no, created_at, updated_at)
       select a.id, $1, s.category_id, s.id, trim(both '-' from regexp_replace(lower(a.title), '[^a-z0-9]+', '-', 'g')) || '-' || a.n, a.title, b.markdown,
         left(b.intro, 160), array[a.tag], a.keywords, a.n % 100,
         (case when a.r_visibility < 0.92 then 'public' when a.r_visibility < 0.97 then 'customers' else 'internal' end)::article_visibility,
         'published', $2, 1, a.published_at, a.views, a.views / 40, a.views / 200, a.published_at - interval '3 days', a.published_at + (now() - a.published_at) * random()
       from h_articles a
       join h_sections s on s.category_n = a.category_n and s.k = a.section_n
       cross join lateral (
         select string_agg(
             case when p.k = 4 then E'\\n\\n## Steps\\n\\n1. ' || t.body
               when p.k between 5 and 7 then E'\\n' || (p.k - 3) || '. ' || t.body
               when p.k = 8 then E'\\n\\n## If it still does not work\\n\\n' || t.body
               when p.k = 1 then t.body
               else ' ' || t.body end, '' order by p.k) as markdown,
           string_agg(t.body, ' ' order by p.k) filter (where p.k <= 2) as intro
         from (select k, 1 + floor(random() * $3::int)::int as sentence from generate_series(1, a.sentences) k) p
         join bench.sentences t on t.n = p.sentence
       ) b`,
      [workspace.tenantId, workspace.agentUserId, sentences],
    );
    await client.query(
      `insert into article_versions (tenant_id, article_id, version, title, body_markdown, excerpt, author_id, created_at)
       select $1, id, 1, title, body_markdown, excerpt, author_id, created_at from articles where tenant_id = $1`,
      [workspace.tenantId],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

/** The relevance set's own workspace: a tenant and an owner who writes its articles (run.ts, through the services). */
async function createRelevanceWorkspace(client: pg.Client): Promise<RelevanceWorkspace> {
  const tenantId = randomUUID();
  const userId = randomUUID();
  await client.query('begin');
  await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
  await client.query(`insert into tenants (id, slug, name, plan) values ($1, $2, 'Bench relevance set', 'business')`, [
    tenantId,
    RELEVANCE_WORKSPACE_SLUG,
  ]);
  await client.query(
    `insert into users (id, name, email) values ($1, 'Relevance Author', 'author@bench-relevance.bench.test')`,
    [userId],
  );
  await client.query(`insert into memberships (tenant_id, user_id, role) values ($1, $2, 'owner')`, [tenantId, userId]);
  await client.query('commit');
  return { slug: RELEVANCE_WORKSPACE_SLUG, tenantId, authorUserId: userId };
}

/**
 * Generated articles for every bench workspace and the relevance workspace. `publishRelevance` then
 * writes the fixture through the services (it needs the app's database client, which run.ts owns).
 */
export async function seedHelpCenter(
  ownerUrl: string,
  profile: Profile,
  workspaces: BenchWorkspace[],
  kind: 'postgres' | 'pglite',
  publishRelevance: (relevance: RelevanceWorkspace, largest: BenchWorkspace) => Promise<void>,
): Promise<HelpSeed> {
  const started = Date.now();
  const sizes = articleSizes(profile);
  if (sizes.length > workspaces.length)
    throw new Error(
      `The help seed wants ${sizes.length} workspaces but the ticket seed has ${workspaces.length}; run with --reseed.`,
    );
  const client = await connect(ownerUrl);
  try {
    const { rows } = await client.query<{ superuser: boolean; sentences: number }>(
      `select (select rolsuper from pg_roles where rolname = current_user) as superuser, (select count(*)::int from bench.sentences) as sentences`,
    );
    const { superuser, sentences } = rows[0]!;
    // The search vocabulary's trigger (drizzle/…_rls) would upsert every lexeme of every generated article one
    // row at a time; off during the bulk load, the vocabulary is then built in one statement.
    await client.query('alter table articles disable trigger articles_search_terms');
    await clearHelpCenter(client);
    const indexes = await dropIndexes(client);
    const seeded: HelpWorkspace[] = [];
    for (const [i, count] of sizes.entries()) {
      const workspace = workspaces[i]!;
      await seedArticles(client, workspace, count, superuser, sentences);
      seeded.push({ slug: workspace.slug, tenantId: workspace.tenantId, articles: count });
      if (i === 0 || (i + 1) % 25 === 0 || i === sizes.length - 1) {
        console.log(
          `[bench]   help center: ${i + 1}/${sizes.length} workspaces, ${sizes
            .slice(0, i + 1)
            .reduce((a, b) => a + b, 0)
            .toLocaleString('en')} articles (${((Date.now() - started) / 1000).toFixed(0)}s)`,
        );
      }
    }
    console.log(`[bench]   help center: rebuilding ${indexes.length} indexes…`);
    for (const index of indexes) {
      await client.query('begin');
      await client.query(`set local maintenance_work_mem = '${kind === 'pglite' ? '128MB' : '1GB'}'`);
      await client.query(index.def);
      await client.query('commit');
    }
    await client.query('delete from help_search_terms');
    await client.query(`insert into help_search_terms (tenant_id, lexeme, article_count)
      select a.tenant_id, l, count(*) from articles a, unnest(array_prepend('', tsvector_to_array(a.search))) l
      where a.status = 'published' group by a.tenant_id, l`);
    await client.query('alter table articles enable trigger articles_search_terms');
    const relevance = await createRelevanceWorkspace(client);
    await publishRelevance(relevance, workspaces[0]!);
    await client.query('vacuum (analyze) article_categories, article_sections, articles, article_versions');
    const seconds = (Date.now() - started) / 1000;
    const totalArticles = sizes.reduce((a, b) => a + b, 0);
    const value = { ...marker(profile), seconds, totalArticles, workspaces: seeded, relevance };
    await client.query(`insert into bench.meta (key, value) values ('help-seed', $1)`, [JSON.stringify(value)]);
    return { reused: false, seconds, totalArticles, workspaces: seeded, relevance };
  } finally {
    await client.end();
  }
}

/** Removes the searches the bench recorded (help.search tracks each one), so every run starts alike. */
export async function removeRecordedSearches(ownerUrl: string, tenantIds: string[]) {
  const client = await connect(ownerUrl);
  try {
    let removed = 0;
    for (const tenantId of tenantIds) {
      await client.query('begin');
      // A non-superuser owner is under the forced RLS too: delete as the workspace.
      await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
      removed += (await client.query('delete from help_searches where tenant_id = $1', [tenantId])).rowCount ?? 0;
      await client.query('commit');
    }
    return removed;
  } finally {
    await client.end();
  }
}
