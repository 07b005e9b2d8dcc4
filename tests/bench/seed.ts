import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_TICKET_CATEGORIES } from '@/lib/constants/ticket';
import {
  COMMON_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  MEDIUM_WORDS,
  RARE_WORDS,
  SUBJECT_OPENERS,
  SUBJECT_TAILS,
  SUBJECT_TOPICS,
  TAGS,
  TEAM_NAMES,
} from './corpus';
import { workspaceSizes, type Profile } from './options';

// Seeding at scale is set-based SQL on the owner connection (insert … select from generate_series), one
// transaction per workspace; going through the services would take hours for a million tickets. The bench
// keeps its own bookkeeping in a `bench` schema, apart from the app's tables.

/** Bump when the shape of the seeded data changes, so older bench databases are seeded again. */
const SEED_VERSION = 1;
const SENTENCES = 20_000;
/**
 * The big tables' secondary indexes are dropped during the load and rebuilt after: much faster than maintaining them
 * row by row.
 */
const BULK_TABLES = ['tickets', 'ticket_messages', 'ticket_activities'];

export type BenchWorkspace = {
  rank: number;
  tenantId: string;
  slug: string;
  tickets: number;
  customers: number;
  agentUserId: string;
  agentEmail: string;
  agentName: string;
};
export type SeedResult = {
  reused: boolean;
  seconds: number;
  workspaces: BenchWorkspace[];
  totals: { tickets: number; messages: number; customers: number };
};

const marker = (profile: Profile) => ({ version: SEED_VERSION, profile: profile.name, sizes: workspaceSizes(profile) });

/** Whether the database already holds this profile's seed, or anything else (then it must be reset first). */
export async function inspectSeed(ownerUrl: string, profile: Profile): Promise<'ready' | 'empty' | 'other'> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ meta: string | null; tenants: string | null }>(
      `select to_regclass('bench.meta')::text as meta, to_regclass('public.tenants')::text as tenants`,
    );
    if (rows[0]!.meta) {
      const { rows: seeds } = await client.query<{ value: ReturnType<typeof marker> }>(
        `select value from bench.meta where key = 'seed'`,
      );
      const found = seeds[0]?.value;
      const wanted = marker(profile);
      // Field by field: jsonb does not keep key order.
      if (
        found &&
        found.version === wanted.version &&
        found.profile === wanted.profile &&
        found.sizes.join() === wanted.sizes.join()
      )
        return 'ready';
      return 'other';
    }
    if (!rows[0]!.tenants) return 'empty';
    const { rows: count } = await client.query<{ n: number }>('select count(*)::int as n from tenants');
    return count[0]!.n === 0 ? 'empty' : 'other';
  } finally {
    await client.end();
  }
}

export async function loadSeededWorkspaces(ownerUrl: string): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<BenchWorkspace>(
      `select rank, tenant_id as "tenantId", slug, tickets, customers, agent_user_id as "agentUserId", agent_email as "agentEmail", agent_name as "agentName" from bench.workspaces order by rank`,
    );
    const { rows: meta } = await client.query<{ value: { seconds: number; totals: SeedResult['totals'] } }>(
      `select value from bench.meta where key = 'stats'`,
    );
    return {
      reused: true,
      seconds: meta[0]?.value.seconds ?? 0,
      workspaces: rows,
      totals: meta[0]?.value.totals ?? { tickets: 0, messages: 0, customers: 0 },
    };
  } finally {
    await client.end();
  }
}

const pick = (param: string) => `(${param}::text[])[1 + floor(random() * cardinality(${param}::text[]))::int]`;

async function createBenchSchema(client: pg.Client) {
  await client.query(`
    create schema if not exists bench;
    create table if not exists bench.meta (key text primary key, value jsonb not null);
    create table if not exists bench.workspaces (rank int primary key, tenant_id uuid not null, slug text not null, tickets int not null, customers int not null,
      agent_user_id uuid not null, agent_email text not null, agent_name text not null);
    create table if not exists bench.sentences (n int primary key, body text not null);
    truncate bench.meta, bench.workspaces, bench.sentences;
  `);
}

/**
 * A pool of sentences drawn from the three word tiers (55% common, 39% middle band, 6% long tail); a few
 * mention a password reset, so the phrase search has real hits among many rows holding both words apart.
 */
async function seedSentences(client: pg.Client) {
  await client.query(
    `with s as materialized (select n, 6 + floor(random() * 9)::int as len, random() < 0.005 as phrase from generate_series(1, $4::int) n)
     insert into bench.sentences (n, body)
     select s.n,
       (case when s.phrase then 'I requested a password reset but ' else '' end) ||
       array_to_string(array(
         select case when w.r < 0.55 then ${pick('$1')} when w.r < 0.94 then ${pick('$2')} else ${pick('$3')} end
         from (select i, random() as r from generate_series(1, s.len) i) w
       ), ' ') || '.'
     from s`,
    [COMMON_WORDS, MEDIUM_WORDS, RARE_WORDS, SENTENCES],
  );
}

async function dropBulkIndexes(client: pg.Client) {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [BULK_TABLES],
  );
  for (const index of rows) await client.query(`drop index public.${client.escapeIdentifier(index.name)}`);
  return rows;
}

async function rebuildIndexes(client: pg.Client, indexes: Array<{ name: string; def: string }>, memory: string) {
  for (const index of indexes) {
    await client.query('begin');
    await client.query(`set local maintenance_work_mem = '${memory}'`);
    await client.query(index.def);
    await client.query('commit');
  }
}

function agentCount(tickets: number) {
  return Math.max(2, Math.min(25, Math.ceil(tickets / 10_000)));
}

/** One workspace: agents, customers, categories, teams, tickets, 1–4 messages each, an activity each, the counter. */
async function seedWorkspace(
  client: pg.Client,
  rank: number,
  tickets: number,
  superuser: boolean,
): Promise<BenchWorkspace> {
  const tenantId = randomUUID();
  const slug = `bench-${String(rank).padStart(3, '0')}`;
  const agents = agentCount(tickets);
  const customers = Math.max(10, Math.round(tickets * 0.02));
  await client.query('begin');
  try {
    await client.query(`set local synchronous_commit = off`);
    // Every row is consistent by construction; skipping the foreign-key triggers halves the load time.
    if (superuser) await client.query(`set local session_replication_role = replica`);
    // A non-superuser owner is under the forced RLS too: write as the workspace.
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    await client.query(`insert into tenants (id, slug, name, plan) values ($1, $2, $3, 'business')`, [
      tenantId,
      slug,
      `Bench workspace ${rank}`,
    ]);
    // The workspace's ticket types (the four defaults, as for any new workspace): tickets hold their keys.
    await client.query(
      `insert into ticket_types (tenant_id, key, name, position)
       select $1, d.key, d.name, d.position from (values ('question', 'Question', 0), ('incident', 'Incident', 1),
         ('problem', 'Problem', 2), ('task', 'Task', 3)) as d (key, name, position)`,
      [tenantId],
    );

    await client.query(
      `create temp table b_agents on commit drop as select g as n, gen_random_uuid() as id, ${pick('$1')} || ' ' || ${pick('$2')} as name from generate_series(1, $3::int) g`,
      [FIRST_NAMES, LAST_NAMES, agents],
    );
    await client.query(
      `insert into users (id, name, email) select id, name, format('agent%s@%s.bench.test', n, $1::text) from b_agents`,
      [slug],
    );
    await client.query(
      `insert into memberships (tenant_id, user_id, role) select $1, id, (case when n = 2 then 'owner' else 'agent' end)::member_role from b_agents`,
      [tenantId],
    );

    await client.query(
      `create temp table b_customers on commit drop as select g as n, gen_random_uuid() as id from generate_series(1, $1::int) g`,
      [customers],
    );
    await client.query(
      `insert into customers (id, tenant_id, email, name, created_at, updated_at)
       select id, $1, format('customer%s@example-%s.test', n, $2::text), ${pick('$3')} || ' ' || ${pick('$4')}, now() - interval '400 days' * random(), now() from b_customers`,
      [tenantId, slug, FIRST_NAMES, LAST_NAMES],
    );

    await client.query(
      `create temp table b_categories on commit drop as select row_number() over ()::int as n, gen_random_uuid() as id, c.* from unnest($1::text[], $2::text[], $3::text[]) as c(name, color, icon)`,
      [
        DEFAULT_TICKET_CATEGORIES.map((c) => c.name),
        DEFAULT_TICKET_CATEGORIES.map((c) => c.color),
        DEFAULT_TICKET_CATEGORIES.map((c) => c.icon),
      ],
    );
    await client.query(
      `insert into ticket_categories (id, tenant_id, name, color, icon, position) select id, $1, name, color, icon, n - 1 from b_categories`,
      [tenantId],
    );
    await client.query(
      `create temp table b_teams on commit drop as select row_number() over ()::int as n, gen_random_uuid() as id, name from unnest($1::text[]) as name`,
      [TEAM_NAMES],
    );
    await client.query(`insert into teams (id, tenant_id, name) select id, $1, name from b_teams`, [tenantId]);

    // Status mix: 40% unsolved (new 8, open 18, pending 9, on hold 5), solved 15, closed 45. Unsolved
    // tickets lean recent; everything is spread over 180 days. New tickets are unassigned, a fifth of the
    // other unsolved ones too.
    await client.query(
      `create temp table b_tickets on commit drop as
       with s as materialized (
         select g as number, random() as r_status, random() as r_age, random() as r_span, random() as r_assign, random() as r_team,
           random() as r_cat, random() as r_prio, random() as r_type, random() as r_chan, random() as r_tags,
           1 + floor(random() * $2::int)::int as agent_n, 1 + floor(random() * $3::int)::int as customer_n,
           1 + floor(random() * 3)::int as team_n, 1 + floor(random() * 6)::int as cat_n, 1 + floor(random() * 4)::int as messages,
           trim(${pick('$4')} || ' ' || ${pick('$5')} || ' ' || ${pick('$6')}) as subject,
           ${pick('$7')} as tag1, ${pick('$7')} as tag2
         from generate_series(1, $1::int) g
       ), st as (
         select s.*, case when r_status < 0.08 then 'new' when r_status < 0.26 then 'open' when r_status < 0.35 then 'pending'
           when r_status < 0.40 then 'on_hold' when r_status < 0.55 then 'solved' else 'closed' end as status
         from s
       ), timed as (
         select st.*, now() - interval '180 days' * (case when status in ('solved', 'closed') then r_age else r_age * r_age end) as updated_at from st
       )
       select gen_random_uuid() as id, t.number, t.subject, t.status,
         case when t.r_prio < 0.20 then 'low' when t.r_prio < 0.75 then 'normal' when t.r_prio < 0.93 then 'high' else 'urgent' end as priority,
         case when t.r_type < 0.30 then null when t.r_type < 0.65 then 'question' when t.r_type < 0.85 then 'incident' when t.r_type < 0.93 then 'problem' else 'task' end as type,
         case when t.r_chan < 0.45 then 'email' when t.r_chan < 0.70 then 'web' when t.r_chan < 0.85 then 'widget' when t.r_chan < 0.93 then 'chat' when t.r_chan < 0.98 then 'phone' else 'api' end as channel,
         case when t.r_tags < 0.5 then '{}'::text[] when t.r_tags < 0.85 then array[t.tag1] else array(select distinct unnest(array[t.tag1, t.tag2])) end as tags,
         case when t.status = 'new' then 1 else t.messages end as message_count,
         t.updated_at - interval '14 days' * t.r_span as created_at, t.updated_at,
         cu.id as requester_id,
         case when t.status = 'new' then null when t.status in ('open', 'pending', 'on_hold') and t.r_assign < 0.2 then null
           when t.status in ('solved', 'closed') and t.r_assign < 0.05 then null else ag.id end as assignee_id,
         case when t.r_team < 0.4 then null else tm.id end as team_id,
         case when t.r_cat < 0.2 then null else cat.id end as category_id
       from timed t
       join b_customers cu on cu.n = t.customer_n
       join b_agents ag on ag.n = t.agent_n
       join b_teams tm on tm.n = t.team_n
       join b_categories cat on cat.n = t.cat_n`,
      [tickets, agents, customers, SUBJECT_OPENERS, SUBJECT_TOPICS, SUBJECT_TAILS, TAGS],
    );
    await client.query(
      `insert into tickets (id, tenant_id, number, subject, status, priority, type, channel, category_id, requester_id, assignee_id, team_id, tags,
         message_count, created_at, updated_at, first_responded_at, last_customer_message_at, last_agent_message_at, solved_at, closed_at)
       select id, $1, number, subject, status::ticket_status, priority::ticket_priority, type, channel::ticket_channel, category_id, requester_id,
         assignee_id, team_id, tags, message_count, created_at, updated_at,
         case when message_count > 1 then created_at + (updated_at - created_at) / message_count end,
         created_at,
         case when message_count > 1 then updated_at end,
         case when status = 'solved' then updated_at when status = 'closed' then greatest(created_at, updated_at - interval '4 days') end,
         case when status = 'closed' then updated_at end
       from b_tickets`,
      [tenantId],
    );
    // The first message restates the subject, as customers do; later ones are agent replies (55%),
    // customer replies (25%) and internal notes (20%), each two to four sentences from the pool.
    await client.query(
      `insert into ticket_messages (tenant_id, ticket_id, kind, author_type, author_user_id, author_customer_id, body, created_at)
       select $1, m.ticket_id, m.kind::message_kind, m.author_type::message_author_type,
         case when m.author_type = 'agent' then coalesce(m.assignee_id, ag.id) end,
         case when m.author_type = 'customer' then m.requester_id end,
         case when m.k = 1 then m.subject || '. ' else '' end || s1.body || ' ' || s2.body || coalesce(' ' || s3.body, '') || coalesce(' ' || s4.body, ''),
         m.created_at
       from (
         with x as materialized (
           select b.id as ticket_id, b.subject, b.assignee_id, b.requester_id, k,
             b.created_at + (b.updated_at - b.created_at) * ((k - 1)::float8 / b.message_count) as created_at,
             random() as r_kind, 1 + floor(random() * $2::int)::int as agent_n,
             1 + floor(random() * $3::int)::int as s1, 1 + floor(random() * $3::int)::int as s2,
             case when random() < 0.7 then 1 + floor(random() * $3::int)::int end as s3,
             case when random() < 0.4 then 1 + floor(random() * $3::int)::int end as s4
           from b_tickets b cross join lateral generate_series(1, b.message_count) k
         )
         select x.*,
           case when k = 1 or r_kind < 0.8 then 'reply' else 'note' end as kind,
           case when k = 1 then 'customer' when r_kind < 0.55 then 'agent' when r_kind < 0.8 then 'customer' else 'agent' end as author_type
         from x
       ) m
       join b_agents ag on ag.n = m.agent_n
       join bench.sentences s1 on s1.n = m.s1
       join bench.sentences s2 on s2.n = m.s2
       left join bench.sentences s3 on s3.n = m.s3
       left join bench.sentences s4 on s4.n = m.s4`,
      [tenantId, agents, SENTENCES],
    );
    await client.query(
      `insert into ticket_activities (tenant_id, ticket_id, actor_type, actor_customer_id, action, changes, created_at)
       select $1, id, 'customer', requester_id, 'created', '{"status":{"from":null,"to":"new"}}'::jsonb, created_at from b_tickets`,
      [tenantId],
    );
    await client.query(`insert into ticket_counters (tenant_id, last_number) values ($1, $2)`, [tenantId, tickets]);
    const { rows } = await client.query<{ id: string; name: string; email: string }>(
      `select a.id, a.name, u.email from b_agents a join users u on u.id = a.id where a.n = 1`,
    );
    const agent = rows[0]!;
    await client.query(
      `insert into bench.workspaces (rank, tenant_id, slug, tickets, customers, agent_user_id, agent_email, agent_name) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [rank, tenantId, slug, tickets, customers, agent.id, agent.email, agent.name],
    );
    await client.query('commit');
    return {
      rank,
      tenantId,
      slug,
      tickets,
      customers,
      agentUserId: agent.id,
      agentEmail: agent.email,
      agentName: agent.name,
    };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
}

export async function seedBench(ownerUrl: string, profile: Profile, kind: 'postgres' | 'pglite'): Promise<SeedResult> {
  const started = Date.now();
  const sizes = workspaceSizes(profile);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ superuser: boolean }>(
      `select rolsuper as superuser from pg_roles where rolname = current_user`,
    );
    const superuser = Boolean(rows[0]?.superuser);
    await createBenchSchema(client);
    await seedSentences(client);
    const indexes = await dropBulkIndexes(client);
    const workspaces: BenchWorkspace[] = [];
    let done = 0;
    for (const [i, tickets] of sizes.entries()) {
      workspaces.push(await seedWorkspace(client, i + 1, tickets, superuser));
      done += tickets;
      if (i === 0 || (i + 1) % 10 === 0 || i === sizes.length - 1) {
        console.log(
          `[bench]   ${i + 1}/${sizes.length} workspaces, ${done.toLocaleString('en')} tickets (${((Date.now() - started) / 1000).toFixed(0)}s)`,
        );
      }
    }
    console.log(`[bench]   rebuilding ${indexes.length} indexes…`);
    await rebuildIndexes(client, indexes, kind === 'pglite' ? '128MB' : '1GB');
    // A bulk load leaves no statistics and no visibility map; autovacuum would provide both on a live install.
    console.log('[bench]   vacuum analyze…');
    await client.query(
      'vacuum (analyze) tenants, users, memberships, customers, ticket_categories, teams, ticket_counters, tickets, ticket_messages, ticket_activities',
    );
    const { rows: counts } = await client.query<{ tickets: number; messages: number; customers: number }>(
      `select (select count(*)::int from tickets) as tickets, (select count(*)::int from ticket_messages) as messages, (select count(*)::int from customers) as customers`,
    );
    const seconds = (Date.now() - started) / 1000;
    await client.query(`insert into bench.meta (key, value) values ('stats', $1), ('seed', $2)`, [
      JSON.stringify({ seconds, totals: counts[0] }),
      JSON.stringify(marker(profile)),
    ]);
    return { reused: false, seconds, workspaces, totals: counts[0]! };
  } finally {
    await client.end();
  }
}
