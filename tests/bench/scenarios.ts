import { sql } from 'drizzle-orm';
import { BUILT_IN_VIEWS } from '@/lib/constants/ticket';
import { listTicketsInput, searchTicketsInput, type ListTicketsInput } from '@/lib/validators/ticket';
import { getTicketDetail } from '@/server/services/ticket/get-ticket';
import { countViews, listTickets } from '@/server/services/ticket/list-tickets';
import { searchTickets } from '@/server/services/ticket/search-tickets';
import { getWorkspace } from '@/server/services/workspace/update-workspace';
import { COMMON_WORDS, SEARCH_TERMS, SUBJECT_TOPICS } from './corpus';
import type { Operation } from './measure';
import { sampleIds, type WorkspaceClient } from './workspace-client';

type Page = { items: Array<{ id: string }>; nextCursor: string | null };

/** Each built-in view's first page, and its second page from the first page's cursor. */
async function viewOperations(client: WorkspaceClient): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const view of BUILT_IN_VIEWS) {
    const first = listTicketsInput.parse({ view });
    const list = (input: ListTicketsInput) => client.direct((scope) => listTickets(scope, scope.actor.userId, input));
    operations.push({
      kind: 'view-first',
      label: `ticket.list ${view}, first page`,
      http: () => client.http.query('ticket.list', { view }),
      direct: () => list(first),
    });
    const page = (await list(first)) as Page;
    if (!page.nextCursor) continue;
    const second = listTicketsInput.parse({ view, cursor: page.nextCursor });
    operations.push({
      kind: 'view-next',
      label: `ticket.list ${view}, next page`,
      http: () => client.http.query('ticket.list', { view, cursor: page.nextCursor }),
      direct: () => list(second),
    });
  }
  return operations;
}

/** How many of the workspace's tickets a search term matches (subject or any message), for the label. */
async function matchingTickets(client: WorkspaceClient, query: string) {
  return client.direct(async (scope) => {
    const result = await scope.db.execute<{ n: number }>(sql`
      with q as (select websearch_to_tsquery('english', ${query}) as q)
      select count(*)::int as n from (
        select t.id from tickets t, q where t.tenant_id = ${scope.tenantId} and t.search @@ q.q
        union
        select m.ticket_id from ticket_messages m, q where m.tenant_id = ${scope.tenantId} and m.search @@ q.q
      ) hits`);
    return result.rows[0]!.n;
  });
}

export async function workspaceOperations(client: WorkspaceClient, ticketSamples: number): Promise<Operation[]> {
  // What every authenticated call pays before its own query: session, membership, transaction, tRPC.
  const operations: Operation[] = [
    {
      kind: 'baseline',
      label: 'workspace.current (per-request floor)',
      http: () => client.http.query('workspace.current'),
      direct: () => client.direct((scope) => getWorkspace(scope)),
    },
  ];
  operations.push(...(await viewOperations(client)));
  operations.push({
    kind: 'counts',
    label: 'ticket.viewCounts',
    http: () => client.http.query('ticket.viewCounts'),
    direct: () => client.direct((scope) => countViews(scope, scope.actor.userId)),
  });
  for (const term of SEARCH_TERMS) {
    const input = searchTicketsInput.parse({ query: term.query });
    const matches = await matchingTickets(client, term.query);
    operations.push({
      kind: 'search',
      label: `ticket.search ${term.query} (${term.label}; ${matches.toLocaleString('en')} tickets match)`,
      http: () => client.http.query('ticket.search', { query: term.query }),
      direct: () => client.direct((scope) => searchTickets(scope, input)),
    });
  }
  // Different random tickets on each side, so neither reads rows the other has just brought into cache.
  const ids = await sampleIds(client, 'tickets', ticketSamples * 2);
  const ticket = (i: number) => ids[i % ids.length]!;
  operations.push({
    kind: 'get',
    label: 'ticket.get (random tickets)',
    http: (i) => client.http.query('ticket.get', { ticketId: ticket(2 * i + 1) }),
    direct: (i) => client.direct((scope) => getTicketDetail(scope, ticket(2 * i))),
  });
  return operations;
}

/** ticket.create input for call i: an existing requester, a plausible subject and body. */
export async function createInputs(client: WorkspaceClient) {
  const customers = await sampleIds(client, 'customers', 50);
  return (i: number) => ({
    subject: `Bench: ${SUBJECT_TOPICS[i % SUBJECT_TOPICS.length]} question ${i}`,
    body: Array.from({ length: 30 }, (_, k) => COMMON_WORDS[(i * 7 + k * 13) % COMMON_WORDS.length]).join(' '),
    requester: { customerId: customers[i % customers.length]! },
    priority: 'normal' as const,
    channel: 'phone' as const,
  });
}
