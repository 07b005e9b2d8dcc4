import { and, eq, isNull, sql } from 'drizzle-orm';
import { TICKET_PRIORITIES, UNSOLVED_STATUSES, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { predictNaiveBayes } from '@/lib/triage/naive-bayes';
import { ticketCategories, ticketTriageSuggestions } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { readTriageSettings, type TriageSettingsRow } from './triage-settings';

/** The text a new ticket is judged by: what the models were trained on (subject and first message). */
export async function ticketText(scope: TenantScope, ticketId: string) {
  const { rows } = await scope.db.execute<{
    text: string;
    category_id: string | null;
    priority: TicketPriority;
    status: TicketStatus;
  }>(sql`
    select t.subject || E'\n' || coalesce(m.body, '') as text, t.category_id, t.priority, t.status
    from tickets t
    left join lateral (
      select body from ticket_messages where ticket_id = t.id order by created_at limit 1
    ) m on true
    where t.id = ${ticketId}`);
  return rows[0] ?? null;
}

/** Suggestions and notes are for tickets still being worked: one solved before its event was dispatched gets none. */
export const stillOpen = (ticket: { status: TicketStatus }) =>
  (UNSOLVED_STATUSES as readonly string[]).includes(ticket.status);

/**
 * Predicts a new ticket's category and priority and keeps what clears the admin's threshold and differs
 * from what the ticket has, as a suggestion for the agent. Never changes the ticket: the agent accepts.
 * A category archived since training is not suggested. `settings` when the caller read them already (once
 * for a batch of events).
 */
export async function suggestTriage(
  scope: TenantScope,
  ticketId: string,
  known?: { settings: TriageSettingsRow | null },
) {
  const settings = known ? known.settings : await readTriageSettings(scope);
  if (!settings?.categoryModel && !settings?.priorityModel) return null;
  const ticket = await ticketText(scope, ticketId);
  if (!ticket || !stillOpen(ticket)) return null;
  const threshold = settings.threshold;
  const category = settings.categoryModel ? predictNaiveBayes(settings.categoryModel, ticket.text) : null;
  const priority = settings.priorityModel ? predictNaiveBayes(settings.priorityModel, ticket.text) : null;
  let categoryId: string | null = null;
  if (category && category.confidence >= threshold && category.label !== ticket.category_id) {
    const [live] = await scope.db
      .select({ id: ticketCategories.id })
      .from(ticketCategories)
      .where(and(eq(ticketCategories.id, category.label), isNull(ticketCategories.archivedAt)));
    categoryId = live?.id ?? null;
  }
  const suggestedPriority =
    priority &&
    priority.confidence >= threshold &&
    priority.label !== ticket.priority &&
    (TICKET_PRIORITIES as readonly string[]).includes(priority.label)
      ? (priority.label as TicketPriority)
      : null;
  if (!categoryId && !suggestedPriority) return null;
  const [row] = await scope.db
    .insert(ticketTriageSuggestions)
    .values({
      tenantId: scope.tenantId,
      ticketId,
      categoryId,
      categoryConfidence: categoryId ? category!.confidence : null,
      priority: suggestedPriority,
      priorityConfidence: suggestedPriority ? priority!.confidence : null,
    })
    .onConflictDoNothing({ target: ticketTriageSuggestions.ticketId })
    .returning();
  return row ?? null;
}
