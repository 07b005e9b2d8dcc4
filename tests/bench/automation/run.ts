import crypto from 'node:crypto';
import pg from 'pg';
import { loadDotEnv } from '../../../scripts/load-env';
import { loadAverage, machineInfo, writeResults } from '../report';

// `npm run bench:rules [-- --quick]`: the automation figures, on real Postgres (as the worker runs).
// 1. Rule evaluation in the worker: recorded events dispatched to the rules consumer (processEventDispatch,
//    8 jobs at a time as the events queue runs them, each taking a batch when none of the workspace is
//    running) with 100 active rules in the workspace: events per second when every rule is tested and none
//    acts (evaluation, the target ≥ 1,000), and, as information, the same events through every
//    consumer the worker runs, and events on which two rules act (each action a ticket change).
// 2. The effect of 20 rules on ticket creation: creates + their dispatch per second without rules, then with 20.
// It prints figures beside their targets and writes them to bench-results/; it never fails on a slow figure.

const quick = process.argv.includes('--quick');
const PROFILE = quick
  ? { name: 'rules-quick', tickets: 2_000, events: 600, creates: 200, everyConsumer: 300 }
  : { name: 'rules-full', tickets: 20_000, events: 10_000, creates: 1_000, everyConsumer: 1_000 };
const EVENTS_TARGET_PER_SECOND = 1_000;
const CONCURRENCY = 8;
const log = (message: string) => console.log(`[bench:rules] ${message}`);

function withDatabase(url: string, database: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function freshDatabase(serverUrl: string) {
  const named = new URL(serverUrl).pathname.slice(1);
  const name = `${named.includes('bench') ? named : 'cairn_bench'}_rules${quick ? '_quick' : ''}`.slice(0, 63);
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  return withDatabase(serverUrl, name);
}

/** Runs `work` for each item, `concurrency` at a time; returns the wall time in ms. */
async function pooled<T>(items: T[], concurrency: number, work: (item: T) => Promise<unknown>) {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
  return performance.now() - started;
}

async function main() {
  loadDotEnv();
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const ownerUrl = await freshDatabase(serverUrl);
  process.env.DATABASE_URL = ownerUrl;
  delete process.env.DATABASE_APP_URL;
  // No queue traffic is measured here: the nudges go nowhere fast.
  delete process.env.REDIS_URL;
  process.env.AUTH_SECRET = crypto.randomBytes(32).toString('base64url');
  process.env.LOG_LEVEL = 'error';
  // The worker runs with the production builds (React renders every notification mail with them).
  Object.assign(process.env, { NODE_ENV: 'production' });

  const { runMigrations } = await import('../../../server/db/migrate');
  await runMigrations(ownerUrl);
  const { createWorkspace, createTestCustomer } = await import('../../helpers/factories');
  const { runInTenant } = await import('../../../server/db/tenant');
  const { saveRuleInput } = await import('../../../lib/validators/automation');
  const { saveRule } = await import('../../../server/services/automation/rules');
  const { createTicket } = await import('../../../server/services/ticket/create-ticket');
  const { processEventDispatch } = await import('../../../jobs/processors/event-dispatch');
  const { EVENT_CONSUMERS } = await import('../../../jobs/events/consumers');
  const { closeDb } = await import('../../../server/db/client');
  const rulesOnly = EVENT_CONSUMERS.filter((c) => c.name === 'automation-rules');

  const ws = await createWorkspace({ name: 'Rules Bench Desk' });
  const customer = await createTestCustomer(ws.id);
  const addRules = (count: number, prefix: string) =>
    runInTenant(ws.id, async (scope) => {
      for (let i = 0; i < count; i++) {
        // Varied, realistic conditions. Of the twenty, one in ten matches the bench tickets (they mention
        // "invoice"); the eighty added for the hundred do not: most rules do not match most events.
        const matches = prefix === 'Twenty' && i % 10 === 0;
        await saveRule(
          scope,
          saveRuleInput.parse({
            name: `${prefix} ${i}`,
            kind: 'event',
            triggers: ['ticket.created', 'ticket.message_added'],
            conditions: {
              match: 'all',
              conditions: [
                { field: 'text', op: 'has_any', values: [matches ? 'invoice' : `word${i}`, `other${i}`] },
                { field: 'priority', op: 'not_in', values: ['urgent'] },
                {
                  match: 'any',
                  conditions: [
                    { field: 'tags', op: 'has_none', values: [`t${i}`] },
                    { field: 'team', op: 'empty' },
                  ],
                },
              ],
            },
            actions: [{ type: 'add_tags', tags: [`${prefix.toLowerCase()}-${i}`] }],
          }),
        );
      }
    });
  // `about` 'invoice' is what two of the twenty rules look for; 'password' matches none of the hundred.
  const newTickets = (count: number, about: 'invoice' | 'password' = 'invoice') =>
    Array.from(
      { length: count },
      (_, i) => () =>
        runInTenant(ws.id, (scope) =>
          createTicket(scope, {
            subject: `Question ${i} about my ${about}`,
            body: `Something looks wrong, please check the ${about} from last month.`,
            channel: 'web',
            requesterId: customer.id,
            actor: { type: 'customer', customerId: customer.id },
          }),
        ),
    );
  const pendingEvents = async () =>
    (
      await runInTenant(ws.id, ({ db }) =>
        db.execute<{ id: string }>(
          `select id from outbox where kind = 'event' and status = 'pending' order by created_at`,
        ),
      )
    ).rows.map((r) => r.id);

  // ── 2 first: creation throughput without rules, then with 20 (events dispatched to the rules consumer).
  const createRate = async () => {
    const ms = await pooled(newTickets(PROFILE.creates), CONCURRENCY, (create) => create());
    const dispatchMs = await pooled(await pendingEvents(), CONCURRENCY, (outboxId) =>
      processEventDispatch({ tenantId: ws.id, outboxId }, rulesOnly),
    );
    return { createsPerSecond: (PROFILE.creates / (ms + dispatchMs)) * 1000 };
  };
  const plain = await createRate();
  await addRules(20, 'Twenty');
  const withTwenty = await createRate();
  log(
    `ticket creation (create + rules dispatch): ${plain.createsPerSecond.toFixed(0)}/s without rules, ${withTwenty.createsPerSecond.toFixed(0)}/s with 20 rules (${((withTwenty.createsPerSecond / plain.createsPerSecond) * 100).toFixed(0)}% of plain)`,
  );

  // ── 1: 100 active rules, the largest workspace's tickets, events dispatched as the worker does.
  await addRules(80, 'Hundred');
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  // Background tickets so the workspace is large: rules read one ticket each, but indexes and RLS scale.
  await owner.query(
    `insert into tickets (tenant_id, number, subject, requester_id, status)
     select $1, 100000 + g, 'Background ticket ' || g, $2, 'open' from generate_series(1, $3) g`,
    [ws.id, customer.id, PROFILE.tickets],
  );
  // Evaluation: events whose tickets no rule matches, so each of the hundred rules is tested and none acts.
  await pooled(newTickets(PROFILE.events, 'password'), CONCURRENCY, (create) => create());
  const quiet = await pendingEvents();
  const quietMs = await pooled(quiet, CONCURRENCY, (outboxId) =>
    processEventDispatch({ tenantId: ws.id, outboxId }, rulesOnly),
  );
  const evaluatedPerSecond = (quiet.length / quietMs) * 1000;
  // The same events through every consumer the worker runs (assignment, triage, notifications, rollups too):
  // information, beside the rules' own figure.
  await pooled(newTickets(PROFILE.everyConsumer, 'password'), CONCURRENCY, (create) => create());
  const everyConsumer = await pendingEvents();
  const everyConsumerMs = await pooled(everyConsumer, CONCURRENCY, (outboxId) =>
    processEventDispatch({ tenantId: ws.id, outboxId }, EVENT_CONSUMERS),
  );
  const allConsumersPerSecond = (everyConsumer.length / everyConsumerMs) * 1000;
  // Acting: events on which two of the hundred rules act, each action a ticket change through the pipeline.
  await pooled(newTickets(PROFILE.events), CONCURRENCY, (create) => create());
  const events = await pendingEvents();
  const ms = await pooled(events, CONCURRENCY, (outboxId) =>
    processEventDispatch({ tenantId: ws.id, outboxId }, rulesOnly),
  );
  const eventsPerSecond = (events.length / ms) * 1000;
  const fired = await owner.query(`select count(*)::int as n from automation_rule_firings where tenant_id = $1`, [
    ws.id,
  ]);
  await owner.end();
  const ok = evaluatedPerSecond >= EVENTS_TARGET_PER_SECOND;
  log(
    `rule evaluation in the worker: ${evaluatedPerSecond.toFixed(0)} events/s with 100 active rules tested on each, none acting, over ${PROFILE.tickets.toLocaleString('en')}+ tickets (target ≥ ${EVENTS_TARGET_PER_SECOND}) ${ok ? '✓' : '✗'}`,
  );
  log(
    `the same through every consumer of the worker (rules, assignment, triage, notifications, rollups): ${allConsumersPerSecond.toFixed(0)} events/s (information)`,
  );
  log(
    `with 2 of the 100 acting on each event (each action a ticket change): ${eventsPerSecond.toFixed(0)} events/s, ${fired.rows[0].n} firings (information: the issue's target is for evaluation)`,
  );

  const file = writeResults(PROFILE.name, {
    machine: machineInfo(),
    loadAverage: loadAverage(),
    profile: PROFILE,
    ruleEvaluation: {
      eventsPerSecond: evaluatedPerSecond,
      target: EVENTS_TARGET_PER_SECOND,
      ok,
      rules: 100,
      events: quiet.length,
    },
    everyConsumer: { eventsPerSecond: allConsumersPerSecond, events: everyConsumer.length },
    ruleActing: { eventsPerSecond, rulesActingPerEvent: 2, events: events.length },
    ticketCreation: { plain: plain.createsPerSecond, with20Rules: withTwenty.createsPerSecond },
  });
  log(`results: ${file}`);
  await closeDb();
}

await main();
