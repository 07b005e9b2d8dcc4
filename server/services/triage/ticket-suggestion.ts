import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { acceptTriageSuggestionInput } from '@/lib/validators/triage';
import { ticketCategories, ticketTriageSuggestions } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { commitTicketChange } from '@/server/services/ticket/commit-ticket-change';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';

async function openSuggestion(scope: TenantScope, ticketId: string) {
  const [row] = await scope.db
    .select({
      suggestion: ticketTriageSuggestions,
      categoryName: ticketCategories.name,
      categoryColor: ticketCategories.color,
    })
    .from(ticketTriageSuggestions)
    .leftJoin(ticketCategories, eq(ticketCategories.id, ticketTriageSuggestions.categoryId))
    .where(and(eq(ticketTriageSuggestions.ticketId, ticketId), eq(ticketTriageSuggestions.status, 'open')));
  return row ?? null;
}

/** The open suggestion of a ticket for its page, or null (none, or already accepted or dismissed). */
export async function getTriageSuggestion(scope: TenantScope, input: { ticketId: string }) {
  const row = await openSuggestion(scope, input.ticketId);
  if (!row) return null;
  const { suggestion } = row;
  return {
    ticketId: suggestion.ticketId,
    category: suggestion.categoryId
      ? {
          id: suggestion.categoryId,
          name: row.categoryName ?? '',
          color: row.categoryColor ?? '#64748b',
          confidence: suggestion.categoryConfidence ?? 0,
        }
      : null,
    priority: suggestion.priority
      ? { value: suggestion.priority, confidence: suggestion.priorityConfidence ?? 0 }
      : null,
  };
}

const noSuggestion = () =>
  new AppError('NOT_FOUND', 'This ticket has no open triage suggestion; it was accepted or dismissed already.');

/** The agent takes the suggestion (or part of it): the change goes through commitTicketChange as theirs. */
export async function acceptTriageSuggestion(scope: StaffScope, input: z.output<typeof acceptTriageSuggestionInput>) {
  const ticket = await loadTicketForUpdate(scope, input.ticketId);
  const row = await openSuggestion(scope, ticket.id);
  if (!row) throw noSuggestion();
  const { suggestion } = row;
  const changes = {
    ...(input.category && suggestion.categoryId ? { categoryId: suggestion.categoryId } : {}),
    ...(input.priority && suggestion.priority ? { priority: suggestion.priority } : {}),
  };
  if (!Object.keys(changes).length)
    throw new AppError('BAD_REQUEST', 'Choose the category, the priority or both to accept.');
  const result = await commitTicketChange(scope, ticket, changes, {
    actor: { type: 'agent', userId: scope.actor.userId },
    channel: 'agent',
    reason: 'Triage suggestion accepted',
  });
  await scope.db
    .update(ticketTriageSuggestions)
    .set({ status: 'accepted' })
    .where(eq(ticketTriageSuggestions.id, suggestion.id));
  return { ticketId: ticket.id, categoryId: result.ticket.categoryId, priority: result.ticket.priority };
}

export async function dismissTriageSuggestion(scope: TenantScope, input: { ticketId: string }) {
  const [row] = await scope.db
    .update(ticketTriageSuggestions)
    .set({ status: 'dismissed' })
    .where(and(eq(ticketTriageSuggestions.ticketId, input.ticketId), eq(ticketTriageSuggestions.status, 'open')))
    .returning({ id: ticketTriageSuggestions.id });
  if (!row) throw noSuggestion();
  return { dismissed: true as const };
}
