import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateFieldInput } from '@/lib/validators/ticket';
import { ticketFields, tickets, type CustomFieldOption } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { rewriteTickets } from './rewrite-tickets';

type TicketField = typeof ticketFields.$inferSelect;
type Answers = NonNullable<z.output<typeof updateFieldInput>['removedOptions']>;

const ticketCount = (n: number) => `${n} ${n === 1 ? 'ticket holds' : 'tickets hold'}`;
const quoted = (options: CustomFieldOption[]) => options.map((o) => `"${o.label}"`).join(', ');

/** Tickets holding each of `values` in the field, keyed by value; values no ticket holds are absent. */
async function ticketsPerValue(scope: StaffScope, key: string, values: string[]) {
  const rows = await scope.db
    .select({ value: sql<string>`${tickets.customFields} ->> ${key}`, n: sql<number>`count(*)::int` })
    .from(tickets)
    .where(
      and(
        eq(tickets.tenantId, scope.tenantId),
        sql`${tickets.customFields} ->> ${key} = any(${sql.param(values)}::text[])`,
      ),
    )
    .groupBy(sql`1`);
  return new Map(rows.map((r) => [r.value, Number(r.n)]));
}

/** Every answer must be about an option being removed, and move its tickets to an option the field keeps. */
function checkAnswers(field: TicketField, label: string, kept: CustomFieldOption[], answers: Answers) {
  for (const answer of answers) {
    const target = answer.tickets.action === 'reassign' ? answer.tickets.value : null;
    if (kept.some((o) => o.value === answer.value))
      throw new AppError(
        'BAD_REQUEST',
        `The option "${answer.value}" of "${label}" is kept, so its tickets stay as they are. Drop that answer.`,
        { field: 'removedOptions' },
      );
    if (!field.options.some((o) => o.value === answer.value))
      throw new AppError('BAD_REQUEST', `"${answer.value}" is not an option of "${label}". Drop that answer.`, {
        field: 'removedOptions',
      });
    if (target !== null && !kept.some((o) => o.value === target))
      throw new AppError(
        'BAD_REQUEST',
        kept.length
          ? `Move the tickets of "${answer.value}" to an option "${label}" keeps (${quoted(kept)}), or clear the value.`
          : `"${label}" keeps no option to move the tickets of "${answer.value}" to. Clear the value instead.`,
        { field: 'removedOptions' },
      );
  }
}

/**
 * Applies the removal of dropdown options to the tickets holding them, before the field itself changes and
 * in the same transaction. An option tickets hold is never dropped silently: without an answer saying where
 * its tickets go, the removal is refused with each such option and its count, so the admin can be asked.
 * Everything is checked before the first ticket is rewritten, so a refusal changes nothing.
 */
export async function removeFieldOptions(
  scope: StaffScope,
  field: TicketField,
  change: { label: string; kept: CustomFieldOption[]; answers: Answers },
) {
  const { label, kept, answers } = change;
  checkAnswers(field, label, kept, answers);
  const removed = field.options.filter((o) => !kept.some((k) => k.value === o.value));
  if (!removed.length) return 0;
  const counts = await ticketsPerValue(
    scope,
    field.key,
    removed.map((o) => o.value),
  );
  const unanswered = removed.filter((o) => counts.has(o.value) && !answers.some((a) => a.value === o.value));
  if (unanswered.length)
    throw new AppError(
      'CONFLICT',
      `${unanswered.map((o) => `${ticketCount(counts.get(o.value)!)} "${o.label}"`).join(', ')} in "${label}". ` +
        'Choose where those tickets go (another option, or no value), or keep the option.',
      { field: 'options' },
    );

  let rewritten = 0;
  for (const option of removed) {
    const answer = answers.find((a) => a.value === option.value);
    if (!answer || !counts.has(option.value)) continue;
    const target = answer.tickets.action === 'reassign' ? answer.tickets.value : null;
    const targetLabel = kept.find((o) => o.value === target)?.label;
    rewritten += await rewriteTickets(
      scope,
      and(eq(tickets.tenantId, scope.tenantId), sql`${tickets.customFields} ->> ${field.key} = ${option.value}`)!,
      (ticket) => {
        const { [field.key]: _dropped, ...rest } = ticket.customFields;
        return { customFields: target === null ? rest : { ...rest, [field.key]: target } };
      },
      target === null
        ? `Option "${option.label}" of "${label}" was removed; value cleared`
        : `Option "${option.label}" of "${label}" was removed; moved to "${targetLabel}"`,
    );
  }
  return rewritten;
}
