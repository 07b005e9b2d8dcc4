import './outside-next';
import { loadDotEnv } from '../../scripts/load-env';
import { benchDatabaseName } from './database';
import { parseOptions } from './options';
import { loadSeededWorkspaces } from './seed';
import { captureSql } from './sql-capture';

// `tsx tests/bench/profile-create.ts [--quick]`: where ticket.create's time goes, on the seeded bench
// database (`npm run bench` seeds it). Creates tickets in the largest workspace, one at a time and then 8 at
// once, and prints each statement's median time; the second pass shows which statement waits on a lock.
// The tickets it creates are removed again. Figures, not pass/fail.

const options = parseOptions(process.argv.slice(2));
loadDotEnv();
const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const url = new URL(server);
url.pathname = `/${benchDatabaseName(server, options.profile)}`;
process.env.DATABASE_URL = url.toString();
delete process.env.DATABASE_APP_URL;

const { runInTenant } = await import('../../server/db/tenant');
const { closeDb } = await import('../../server/db/client');
const { createTicketAsAgent } = await import('../../server/services/ticket/agent-actions');
const { createTicketInput } = await import('../../lib/validators/ticket');
const { removeCreatedTickets } = await import('./restore');
const { createInputs } = await import('./scenarios');

const seed = await loadSeededWorkspaces(url.toString());
const largest = seed.workspaces[0]!;
const actor = { userId: largest.agentUserId, role: 'agent' as const };
const direct = <T>(work: Parameters<typeof runInTenant<T>>[1]) =>
  runInTenant(largest.tenantId, (scope) => work({ ...scope, actor } as typeof scope), largest.agentUserId);
const input = await createInputs({ workspace: largest, direct } as Parameters<typeof createInputs>[0]);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function profile(label: string, count: number, concurrency: number) {
  let next = 0;
  const started = performance.now();
  // One capture around the whole pass: sql-capture records one capture at a time, and this one sees all callers.
  const { statements } = await captureSql(() =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          const i = next++;
          await direct((scope) => createTicketAsAgent(scope as never, createTicketInput.parse(input(10_000 + i))));
        }
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const byStatement = new Map<string, number[]>();
  for (const s of statements) {
    const key = s.text.replace(/\s+/g, ' ').slice(0, 110);
    byStatement.set(key, [...(byStatement.get(key) ?? []), s.ms ?? 0]);
  }
  console.log(`\n${label}: ${count} creates in ${seconds.toFixed(1)} s = ${(count / seconds).toFixed(1)}/s`);
  for (const [text, times] of byStatement)
    console.log(
      `  ${median(times).toFixed(2).padStart(7)} ms median ${Math.max(...times)
        .toFixed(1)
        .padStart(7)} max ×${String(times.length).padStart(4)}  ${text}`,
    );
}

try {
  await profile('one at a time', 40, 1);
  await profile('8 at once', 80, 8);
} finally {
  console.log(`\n${await removeCreatedTickets(url.toString(), [largest])} profiled tickets removed`);
  await closeDb();
}
