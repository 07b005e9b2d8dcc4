import { beforeAll, describe, expect, it } from 'vitest';
import type { TicketStatus } from '@/lib/constants/ticket';
import { replyInput, saveMacroInput } from '@/lib/validators/ticket';
import { explainTicketSla } from '@/server/services/sla/explain-ticket-sla';
import { loadSlaFacts } from '@/server/services/sla/load-sla-facts';
import { assignTicket, replyAsAgent, updateTicketStatus } from '@/server/services/ticket/agent-actions';
import { bulkUpdateTickets } from '@/server/services/ticket/bulk-update';
import { createTicket } from '@/server/services/ticket/create-ticket';
import { applyMacro, saveMacro } from '@/server/services/ticket/macros';
import type { StaffScope } from '@/server/services/types';
import {
  addMember,
  asStaff,
  createTestCustomer,
  createWorkspace,
  type TestMember,
  type TestWorkspace,
} from '../helpers/factories';

// Every way a ticket can become pending or on hold must stop its SLA clocks. Each path runs in the same
// transaction as the ticket's creation and assignment, as the demo seed does (and as a rule acting on a new
// ticket will): the status history the clocks are computed from must keep the order the changes were made in,
// even when they share one transaction.
//
// One row per path. Paths that do not exist yet join the table when they land: a trigger rule that sets
// pending or on hold, and an inbound email reply that does.

type PausingStatus = Extract<TicketStatus, 'pending' | 'on_hold'>;
type PausingPath = {
  path: string;
  pause: (scope: StaffScope, ticketId: string, status: PausingStatus) => Promise<unknown>;
};

const PAUSING_PATHS: PausingPath[] = [
  { path: 'agent status change', pause: (scope, ticketId, status) => updateTicketStatus(scope, { ticketId, status }) },
  {
    path: 'agent reply that sets the status',
    pause: (scope, ticketId, status) =>
      replyAsAgent(scope, replyInput.parse({ ticketId, body: 'Could you send us the request id?', status })),
  },
  {
    path: 'bulk update',
    pause: async (scope, ticketId, status) => {
      const result = await bulkUpdateTickets(scope, { ticketIds: [ticketId], action: { type: 'status', status } });
      expect(result.failed).toBe(0);
    },
  },
  {
    path: 'macro',
    pause: async (scope, ticketId, status) => {
      const macro = await saveMacro(
        scope,
        saveMacroInput.parse({ name: `Park as ${status} ${ticketId}`, actions: { status } }),
      );
      return applyMacro(scope, { macroId: macro.id, ticketId });
    },
  },
];

let ws: TestWorkspace;
let agent: TestMember;

beforeAll(async () => {
  ws = await createWorkspace({ name: 'Pausing Desk' });
  agent = await addMember(ws.id, 'admin');
});

describe.each(PAUSING_PATHS)('$path', ({ pause }) => {
  it.each(['pending', 'on_hold'] as const)('%s stops every clock, and the explanation says so', async (status) => {
    const customer = await createTestCustomer(ws.id);
    const actor = { userId: agent.userId, role: agent.role };
    const ticketId = await asStaff(ws.id, actor, async (scope) => {
      const ticket = await createTicket(scope, {
        requesterId: customer.id,
        subject: 'Webhook fails with 401',
        body: 'Since yesterday.',
        channel: 'web',
        actor: { type: 'customer', customerId: customer.id },
      });
      await assignTicket(scope, { ticketId: ticket.id, assigneeId: agent.userId });
      await pause(scope, ticket.id, status);
      return ticket.id;
    });

    const { facts, sla } = await asStaff(ws.id, actor, async (scope) => ({
      facts: await loadSlaFacts(scope, ticketId),
      sla: await explainTicketSla(scope, ticketId),
    }));
    expect(facts!.statusChanges.map((c) => c.to)).toEqual(['new', 'open', status]);
    // A public reply meets the first response; every clock still running must stand still.
    const running = sla.targets.filter((t) => !t.metAt);
    expect(running.map((t) => t.metric)).toContain('resolution');
    for (const target of running) {
      expect(target.state, target.metric).toBe('paused');
      expect(target.dueAt, target.metric).toBeNull();
      expect(target.explanation.status).toBe('paused');
      const current = target.explanation.pausesAddedBack.at(-1);
      expect(current?.to).toBeNull();
      expect(current?.businessMinutes).toBeNull();
    }
  });
});
