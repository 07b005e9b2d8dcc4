import type { z } from 'zod';
import type { bulkUpdateInput } from '@/lib/validators/ticket';
import type { StaffScope } from '@/server/services/types';
import { AppError } from '@/server/errors';
import { commitTicketChange } from './commit-ticket-change';
import { loadTicketForUpdate, type TicketRecord } from './load-ticket';
import type { TicketChanges } from './plan-ticket-change';
import { assertReferences } from './references';

type BulkAction = z.output<typeof bulkUpdateInput>['action'];

function changesFor(action: BulkAction, ticket: TicketRecord): TicketChanges {
  switch (action.type) {
    case 'assign':
      return {
        assigneeId: action.assigneeId,
        ...(action.teamId !== undefined ? { teamId: action.teamId } : {}),
        ...(action.assigneeId && ticket.status === 'new' ? { status: 'open' as const } : {}),
      };
    case 'status':
      return { status: action.status };
    case 'priority':
      return { priority: action.priority };
    case 'add_tags':
      return { tags: [...new Set([...ticket.tags, ...action.tags])] };
    case 'remove_tags':
      return { tags: ticket.tags.filter((t) => !action.tags.includes(t)) };
    case 'category':
      return { categoryId: action.categoryId };
    case 'close':
      return { status: 'closed' };
  }
}

/**
 * Applies one action to many tickets. Each ticket runs in its own savepoint: one that can't take the
 * change (say, a closed ticket asked to reopen) is reported and the others still go through.
 */
export async function bulkUpdateTickets(scope: StaffScope, input: z.output<typeof bulkUpdateInput>) {
  const action = input.action;
  if (action.type === 'assign') await assertReferences(scope, { assigneeId: action.assigneeId, teamId: action.teamId });
  if (action.type === 'category') await assertReferences(scope, { categoryId: action.categoryId });
  const actor = { type: 'agent' as const, userId: scope.actor.userId };
  const results: Array<{ ticketId: string; ok: boolean; error?: string }> = [];
  for (const ticketId of [...new Set(input.ticketIds)]) {
    try {
      await scope.db.transaction(async (savepoint) => {
        const nested = { ...scope, db: savepoint };
        const ticket = await loadTicketForUpdate(nested, ticketId);
        await commitTicketChange(nested, ticket, changesFor(action, ticket), {
          actor,
          channel: 'agent',
          action: `bulk_${action.type}`,
        });
      });
      results.push({ ticketId, ok: true });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ ticketId, ok: false, error: error.message });
    }
  }
  return { results, succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length };
}
