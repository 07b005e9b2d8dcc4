import { sql } from 'drizzle-orm';
import type { PairRollupDelta } from '@/lib/reports/rollup-measures';
import type { TenantScope } from '@/server/db/tenant';

/**
 * Adds the deltas to the pair rollup rows in one statement: each row's day measures are merged key by key,
 * and a key whose sum comes to nothing is dropped. Rows are written in the unique key's order, as the single
 * rollups are, so two workers touching the same days cannot deadlock.
 */
export async function applyPairRollupDeltas(scope: TenantScope, deltas: readonly PairRollupDelta[]) {
  if (!deltas.length) return;
  await scope.db.execute(sql`
    insert into analytics_pair_rollups (tenant_id, dimension, dimension_value, day, measures)
    select ${scope.tenantId}, u.dimension, u."dimensionValue", u.day, u.measures
    from jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb)
      as u(dimension text, "dimensionValue" text, day date, measures jsonb)
    order by u.dimension, u."dimensionValue", u.day
    on conflict (tenant_id, dimension, dimension_value, day) do update set measures = (
      select coalesce(jsonb_object_agg(key, total), '{}'::jsonb)
      from (
        select key, sum(value::bigint) as total
        from (
          select * from jsonb_each_text(analytics_pair_rollups.measures)
          union all select * from jsonb_each_text(excluded.measures)
        ) both_sides
        group by key
        having sum(value::bigint) <> 0
      ) merged)`);
}
