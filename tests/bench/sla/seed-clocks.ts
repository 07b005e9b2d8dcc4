import type pg from 'pg';

/**
 * Open urgent tickets with first-response and resolution clocks, seeded in SQL as the services would leave
 * them (24×7 defaults: urgent = 120 / 1440 minutes; warnings off so only breaches are timed): each ticket's
 * creation, its 'created' activity and its first customer message sit exactly 120 minutes before its due
 * time, so a recompute in the worker arrives at the same due time the seed wrote.
 *  - `soon` tickets fall due between `soonFromS` and `soonToS` seconds from now, spread evenly;
 *  - the rest fall due 1 to 30 days from now (what a large desk carries, and what the sweep must skip).
 */
export async function seedClocks(
  owner: pg.Client,
  input: { tenantId: string; customerId: string; total: number; soon: number; soonFromS: number; soonToS: number },
) {
  const { tenantId, customerId, total, soon } = input;
  await owner.query('begin');
  await owner.query(
    `insert into tickets (tenant_id, number, subject, status, priority, channel, requester_id, created_at, updated_at, message_count)
     select $1, n, 'Bench clock ' || n, 'open', 'urgent', 'web', $2, due - interval '120 minutes', due - interval '120 minutes', 1
     from (select n, case when n <= $4::int
                  then now() + make_interval(secs => $5::float8 + ($6::float8 - $5::float8) * (n - 1)::float8 / greatest($4::int - 1, 1))
                  else now() + make_interval(days => 1 + (n % 30)) + make_interval(mins => n % 1440) end as due
           from generate_series(1, $3::int) n) s`,
    [tenantId, customerId, total, soon, input.soonFromS, input.soonToS],
  );
  await owner.query(
    `insert into ticket_counters (tenant_id, last_number) values ($1, $2) on conflict (tenant_id) do update set last_number = excluded.last_number`,
    [tenantId, total],
  );
  await owner.query(
    `insert into ticket_activities (tenant_id, ticket_id, actor_type, action, changes, created_at)
     select tenant_id, id, 'customer', 'created', '{"status":{"from":null,"to":"open"}}'::jsonb, created_at from tickets where tenant_id = $1`,
    [tenantId],
  );
  await owner.query(
    `insert into ticket_messages (tenant_id, ticket_id, kind, author_type, author_customer_id, body, created_at)
     select tenant_id, id, 'reply', 'customer', requester_id, 'It is broken.', created_at from tickets where tenant_id = $1`,
    [tenantId],
  );
  await owner.query(
    `insert into ticket_sla_targets (tenant_id, ticket_id, metric, started_at, target_minutes, due_at, warn_at, next_check_at)
     select tenant_id, id, m.metric::sla_metric, created_at, m.minutes, created_at + make_interval(mins => m.minutes), null, created_at + make_interval(mins => m.minutes)
     from tickets cross join (values ('first_response', 120), ('resolution', 1440)) as m(metric, minutes) where tenant_id = $1`,
    [tenantId],
  );
  await owner.query('commit');
  await owner.query('analyze tickets; analyze ticket_sla_targets; analyze ticket_activities; analyze ticket_messages');
  const { rows } = await owner.query<{ id: string; due: Date }>(
    `select t.id, s.due_at as due from tickets t join ticket_sla_targets s on s.ticket_id = t.id and s.metric = 'first_response' where t.tenant_id = $1 and t.number <= $2 order by t.number`,
    [tenantId, soon],
  );
  return rows;
}
