import type pg from 'pg';
import type { Caller } from './caller';

// The dashboard tests' way of setting a ticket's moments: the tickets are made through the services, then
// their times are moved through the owner connection to what those days would have left behind, before the
// rollup consumer runs over the recorded events.

/** Moves a ticket's creation, first response and solving; its SLA clocks are dropped (a test adds its own). */
export async function placeTicket(
  owner: pg.Client,
  ticketId: string,
  createdAt: Date,
  set: { firstRespondedAt?: Date; solvedAt?: Date } = {},
) {
  await owner.query(
    `update tickets set created_at = $2, first_responded_at = $3, solved_at = $4,
       closed_at = null where id = $1`,
    [ticketId, createdAt, set.firstRespondedAt ?? null, set.solvedAt ?? null],
  );
  await owner.query(`update ticket_activities set created_at = $2 where ticket_id = $1 and action = 'created'`, [
    ticketId,
    createdAt,
  ]);
  await owner.query(`delete from ticket_sla_targets where ticket_id = $1`, [ticketId]);
}

/** A public reply by the calling agent (solving the ticket when asked), moved to `when`. */
export async function replyAt(owner: pg.Client, asAgent: Caller, ticketId: string, when: Date, status?: 'solved') {
  await asAgent.ticket.reply({ ticketId, body: 'On it.', ...(status ? { status } : {}) });
  await owner.query(
    `update ticket_messages set created_at = $2 where id = (select id from ticket_messages
       where ticket_id = $1 and author_type = 'agent' order by created_at desc limit 1)`,
    [ticketId, when],
  );
}
