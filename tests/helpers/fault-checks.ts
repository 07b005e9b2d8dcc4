import { and, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import type { OutgoingMail } from '@/server/email/transport';
import { outbox, ticketActivities, ticketSlaTargets } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { ownerDatabaseUrl } from '@/server/db/urls';
import type { TestSmtpServer } from './smtp';

// What the fault tests check after each fault, in one place so every case holds the same bar: each mail
// sent exactly once (or, where the worker died mid-send, marked as possibly delivered and never resent),
// and each timer's breach recorded exactly once.

type OutboxRow = typeof outbox.$inferSelect;

const bare = (id: string | undefined) => id?.replace(/^<|>$/g, '');

/**
 * The mails the SMTP server received for one outbox row: by Message-ID when the row sets one, else by
 * recipient and subject.
 */
export function mailsFor(smtp: TestSmtpServer, row: OutboxRow) {
  const mail = row.payload as unknown as OutgoingMail;
  if (mail.messageId) return smtp.mails.filter((m) => bare(m.messageId) === bare(mail.messageId));
  return smtp.mailsTo(mail.to).filter((m) => m.subject === mail.subject);
}

export const emailRows = (tenantId: string) =>
  runInTenant(tenantId, ({ db }) => db.select().from(outbox).where(eq(outbox.kind, 'email')));

/**
 * Every email row settled and delivered once: `done` with exactly one mail received, or `failed` as
 * "may have been delivered" (one of uncertainReasons) with at most one. Returns what is wrong, one line per row.
 */
export function deliveryProblems(rows: OutboxRow[], smtp: TestSmtpServer, uncertainReasons: readonly string[]) {
  const problems: string[] = [];
  for (const row of rows) {
    const received = mailsFor(smtp, row).length;
    const to = String(row.payload.to);
    if (row.status === 'done' && received !== 1) problems.push(`${to}: done but received ${received} times`);
    else if (row.status === 'failed' && !uncertainReasons.includes(row.lastError ?? ''))
      problems.push(`${to}: failed (${row.lastError})`);
    else if (row.status === 'failed' && received > 1) problems.push(`${to}: uncertain but received ${received} times`);
    else if (row.status !== 'done' && row.status !== 'failed') problems.push(`${to}: still ${row.status}`);
  }
  return problems;
}

/** Per ticket: whether its first-response breach is recorded, and how many `sla_breached` activities say so. */
export async function firstResponseBreaches(tenantId: string, ticketIds: string[]) {
  return runInTenant(tenantId, async ({ db }) => {
    const targets = await db
      .select({ ticketId: ticketSlaTargets.ticketId, breachedAt: ticketSlaTargets.breachedAt })
      .from(ticketSlaTargets)
      .where(and(inArray(ticketSlaTargets.ticketId, ticketIds), eq(ticketSlaTargets.metric, 'first_response')));
    const activities = await db
      .select({ ticketId: ticketActivities.ticketId, changes: ticketActivities.changes })
      .from(ticketActivities)
      .where(and(inArray(ticketActivities.ticketId, ticketIds), eq(ticketActivities.action, 'sla_breached')));
    return ticketIds.map((ticketId) => ({
      ticketId,
      breached: targets.some((t) => t.ticketId === ticketId && t.breachedAt !== null),
      recorded: activities.filter(
        (a) => a.ticketId === ticketId && (a.changes as { metric?: { to?: string } }).metric?.to === 'first_response',
      ).length,
    }));
  });
}

type TicketServices = {
  createTicket: typeof import('@/server/services/ticket/create-ticket').createTicket;
  recomputeTicketSla: typeof import('@/server/services/sla/recompute-ticket-sla').recomputeTicketSla;
};

/**
 * An urgent ticket (2 h first response) moved back in time through the owner connection so its first
 * response falls due `inMs` from now. The services come from the test's own module graph, so the timer
 * the recompute schedules lands on that graph's queue.
 */
export async function urgentTicketDueIn(
  app: TicketServices,
  owner: { query: (text: string, values: unknown[]) => Promise<unknown> },
  tenantId: string,
  customerId: string,
  inMs: number,
) {
  const ticket = await runInTenant(tenantId, (scope) =>
    app.createTicket(scope, {
      requesterId: customerId,
      subject: `Down again ${Math.random().toString(36).slice(2, 10)}`,
      body: 'Nothing loads.',
      priority: 'urgent',
      channel: 'web',
      actor: { type: 'customer', customerId },
    }),
  );
  const shiftMs = String(2 * 3_600_000 - inMs);
  for (const [table, column] of [
    ['tickets', 'id'],
    ['ticket_messages', 'ticket_id'],
    ['ticket_activities', 'ticket_id'],
  ] as const) {
    await owner.query(
      `update ${table} set created_at = created_at - ($2 || ' milliseconds')::interval where ${column} = $1`,
      [ticket.id, shiftMs],
    );
  }
  // The recompute schedules the timer at the new due time, as any change to the ticket would.
  await runInTenant(tenantId, (scope) => app.recomputeTicketSla(scope, ticket.id));
  return ticket.id;
}

/**
 * The files before a fault test leave outbox rows pending (mails and events no worker ran), and a worker's
 * sweep re-queues every pending row of every workspace: the test's own work would wait behind all of them
 * (its mail slots held by others' mails). They are set aside, marked failed with the reason, so the test
 * carries out its own workspace's work only. Over the owner connection, which sees every workspace.
 */
export async function setAsideEarlierFilesWork(ownWorkspaceId: string, testFile: string) {
  const owner = new pg.Client({ connectionString: ownerDatabaseUrl() });
  await owner.connect();
  try {
    await owner.query(
      `update outbox set status = 'failed', last_error = $2 where status = 'pending' and tenant_id <> $1`,
      [ownWorkspaceId, `set aside by ${testFile}: left pending by an earlier test file`],
    );
  } finally {
    await owner.end();
  }
}
