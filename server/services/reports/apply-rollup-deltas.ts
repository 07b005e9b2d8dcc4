import { sql } from 'drizzle-orm';
import type { RollupDelta } from '@/lib/reports/rollup-measures';
import type { TenantScope } from '@/server/db/tenant';

/**
 * Adds the deltas to the rollup rows in one statement, creating rows as needed. Rows are written in the
 * unique key's order, so two workers touching the same days lock rows in the same order and cannot deadlock.
 */
export async function applyRollupDeltas(scope: TenantScope, deltas: readonly RollupDelta[]) {
  if (!deltas.length) return;
  await scope.db.execute(sql`
    insert into analytics_rollups (tenant_id, day, dimension, dimension_value, metric, bucket, value)
    select ${scope.tenantId}, u.day, u.dimension, u."dimensionValue", u.metric, u.bucket, u.value
    from jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb)
      as u(day date, dimension text, "dimensionValue" text, metric text, bucket int, value bigint)
    order by u.dimension, u."dimensionValue", u.day, u.metric, u.bucket
    on conflict (tenant_id, dimension, dimension_value, day, metric, bucket)
      do update set value = analytics_rollups.value + excluded.value`);
}
