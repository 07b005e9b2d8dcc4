import { sql, type AnyColumn } from 'drizzle-orm';

/**
 * ORDER BY terms that the ticket indexes can serve. drizzle-kit writes an index column declared `.desc()` as
 * `DESC NULLS LAST`, while a plain `ORDER BY x DESC` means `NULLS FIRST` in Postgres; an index serves an
 * ORDER BY only when both agree, and Postgres does not use NOT NULL to reconcile them. With plain
 * `desc()` every view's first page sorted the whole workspace (65–120 ms at 250,000 tickets) instead of
 * reading 26 index entries. Ascending terms match the same indexes read backwards.
 */
export const newestFirst = (column: AnyColumn) => sql`${column} desc nulls last`;
export const oldestFirst = (column: AnyColumn) => sql`${column} asc nulls first`;
