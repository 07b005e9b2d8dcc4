import { arrayContains, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { deleteTagInput } from '@/lib/validators/ticket';
import { tickets } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { AppError } from '@/server/errors';
import { rewriteTickets } from './rewrite-tickets';

/** Every tag in use in the workspace with how many tickets carry it, most used first. */
export async function listTagUsage(scope: StaffScope) {
  const tag = sql<string>`unnest(${tickets.tags})`;
  const rows = await scope.db
    .select({ tag: tag.as('tag'), tickets: sql<number>`count(*)::int`.as('tickets') })
    .from(tickets)
    .where(eq(tickets.tenantId, scope.tenantId))
    .groupBy(sql`1`)
    .orderBy(desc(sql`2`), sql`1`);
  return rows;
}

/**
 * Removes a tag from every ticket, or renames it to another tag (merging the two where a ticket has both),
 * each ticket through the pipeline so its activity says who did it and why.
 */
export async function deleteTag(scope: StaffScope, input: z.output<typeof deleteTagInput>) {
  const replacement = input.tickets.action === 'reassign' ? input.tickets.tag : null;
  if (replacement === input.tag)
    throw new AppError('BAD_REQUEST', 'Choose a different tag to rename it to, or remove it.', { field: 'tag' });
  const count = await rewriteTickets(
    scope,
    arrayContains(tickets.tags, [input.tag]),
    (ticket) => ({
      tags: [...new Set(ticket.tags.flatMap((t) => (t === input.tag ? (replacement ? [replacement] : []) : [t])))],
    }),
    replacement ? `Tag "${input.tag}" was renamed to "${replacement}"` : `Tag "${input.tag}" was removed`,
  );
  if (!count) throw new AppError('NOT_FOUND', `No ticket carries the tag "${input.tag}".`, { field: 'tag' });
  return { tag: input.tag, tickets: count };
}
