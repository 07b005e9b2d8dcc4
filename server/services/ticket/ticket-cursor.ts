import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { newestFirst, oldestFirst } from './index-order';

/** The columns a ticket list is ordered by (the last one unique, the id) and which way. */
export type TicketOrder = { columns: PgColumn[]; direction: 'newest_first' | 'oldest_first' };

/**
 * Keyset paging over tickets: the cursor is the last row's id, and the comparison reads that row's stored
 * values, so deep pages cost the same as the first and no timestamp precision is lost on the way. The row
 * comparison and the ORDER BY use the same columns in the same direction, which is what lets the
 * list's index serve both.
 */
export function ticketKeyset(order: TicketOrder, cursor: string | null | undefined) {
  const newest = order.direction === 'newest_first';
  const list = (columns: SQL[]) => sql.join(columns, sql`, `);
  // The cursor row is read under the alias c: the outer query's own tickets columns keep their names.
  const cursorColumns = order.columns.map((column) => sql.raw(`c.${column.name}`));
  return {
    orderBy: order.columns.map(newest ? newestFirst : oldestFirst),
    after: cursor
      ? sql`(${list(order.columns.map((column) => sql`${column}`))}) ${sql.raw(newest ? '<' : '>')} (select ${list(cursorColumns)} from tickets c where c.id = ${cursor})`
      : undefined,
  };
}

/** One row more than the page is read: when it came, the page's last id is where the next page starts. */
export function nextTicketCursor(rows: unknown[], page: Array<{ id: string }>, limit: number) {
  return rows.length > limit ? (page.at(-1)?.id ?? null) : null;
}
