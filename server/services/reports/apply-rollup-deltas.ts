import { sql } from 'drizzle-orm';
import type { RollupDelta } from '@/lib/reports/rollup-measures';
import type { TenantScope } from '@/server/db/tenant';

/**
 * Adds the deltas to the rollup rows in one statement, creating rows as needed. The deltas come sorted by
 * the rows' key (rollupDeltas), so two workers touching the same days lock rows in the same order.
 */
export async function applyRollupDeltas(scope: TenantScope, deltas: readonly RollupDelta[]) {
  if (!deltas.length) return;
  const col = <K extends keyof RollupDelta>(key: K) => deltas.map((d) => d[key]);
  await scope.db.execute(sql`
    insert into analytics_rollups (tenant_id, day, dimension, dimension_value, metric, bucket, value)
    select ${scope.tenantId}, u.day::date, u.dimension, u.dimension_value, u.metric, u.bucket, u.value
    from unnest(${col('day')}::text[], ${col('dimension')}::text[], ${col('dimensionValue')}::text[],
      ${col('metric')}::text[], ${col('bucket')}::int[], ${col('value')}::bigint[])
      with ordinality as u(day, dimension, dimension_value, metric, bucket, value, n)
    order by u.n
    on conflict (tenant_id, dimension, dimension_value, day, metric, bucket)
      do update set value = analytics_rollups.value + excluded.value`);
}
