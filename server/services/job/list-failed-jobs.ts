import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { listFailedJobsInput } from '@/lib/validators/job';
import { formatTicketNumber } from '@/lib/utils/ticket-number';
import { outbox, tickets } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { DomainEvent } from '@/server/services/outbox/domain-event';
import { getTicketSettings } from '@/server/services/ticket/settings';
import { isUuid } from '@/lib/utils/uuid';

export type FailedJob = {
  id: string;
  kind: string;
  /** What the work was for, in words: an email's recipient and subject, an event's type and ticket. */
  title: string;
  detail: string | null;
  ticketId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  availableAt: Date;
};

const text = (value: unknown) => (typeof value === 'string' ? value : null);

// Cursors travel as JavaScript dates (milliseconds) while Postgres keeps microseconds: the keyset compares
// the timestamp cut to milliseconds, or rows within the same millisecond as the cursor would be skipped.
const availableMs = sql<Date>`date_trunc('milliseconds', ${outbox.availableAt})`;

/**
 * This workspace's failed outbox rows, newest first, a page at a time (keyset on available_at, id).
 * The (status, available_at) index finds the failed rows; RLS keeps other workspaces' rows out.
 */
export async function listFailedJobs(scope: TenantScope, input: z.output<typeof listFailedJobsInput>) {
  const after = input.cursor;
  const rows = await scope.db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'failed'),
        after
          ? or(lt(availableMs, after.availableAt), and(eq(availableMs, after.availableAt), lt(outbox.id, after.id)))
          : undefined,
      ),
    )
    .orderBy(desc(availableMs), desc(outbox.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);

  const ticketIds = [
    ...new Set(
      page
        .flatMap((r) => (r.kind === 'event' ? [text((r.payload as DomainEvent).data?.ticketId)] : []))
        .filter((id): id is string => !!id && isUuid(id)),
    ),
  ];
  const found = ticketIds.length
    ? await scope.db
        .select({ id: tickets.id, number: tickets.number, createdAt: tickets.createdAt })
        .from(tickets)
        .where(inArray(tickets.id, ticketIds))
    : [];
  const settings = found.length ? await getTicketSettings(scope) : undefined;
  const numbers = new Map(found.map((t) => [t.id, formatTicketNumber(settings, t.number, t.createdAt)]));

  const items: FailedJob[] = page.map((row) => {
    const base = {
      id: row.id,
      kind: row.kind,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      availableAt: row.availableAt,
    };
    if (row.kind === 'email') {
      return {
        ...base,
        title: `Email to ${text(row.payload.to) ?? 'unknown recipient'}`,
        detail: text(row.payload.subject),
        ticketId: null,
      };
    }
    if (row.kind === 'event') {
      const event = row.payload as DomainEvent;
      const ticketId = text(event.data?.ticketId);
      const number = ticketId ? numbers.get(ticketId) : undefined;
      return {
        ...base,
        title: `Event ${event.type}`,
        detail: number ? `Ticket ${number}` : ticketId ? 'Ticket no longer exists' : null,
        ticketId: number ? ticketId : null,
      };
    }
    return { ...base, title: row.kind, detail: null, ticketId: null };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? { availableAt: last.availableAt, id: last.id } : null,
  };
}
