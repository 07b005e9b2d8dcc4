import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { updateDigestInput } from '@/lib/validators/reports';
import type { TenantScope } from '@/server/db/tenant';
import { AppError } from '@/server/errors';

/** Who gets the weekly summary mail (member ids). */
export async function getDigestSettings(scope: TenantScope) {
  const { rows } = await scope.db.execute<{ ids: string[] | null }>(sql`
    select array(select jsonb_array_elements_text(settings -> 'reports' -> 'digestUserIds')) as ids
    from tenants where id = ${scope.tenantId}`);
  return { userIds: rows[0]?.ids ?? [] };
}

/** Sets the recipients; each must be a member of this workspace (an id from elsewhere is refused). */
export async function updateDigestSettings(scope: TenantScope, input: z.output<typeof updateDigestInput>) {
  const userIds = [...new Set(input.userIds)];
  const { rows } = await scope.db.execute<{ n: number }>(sql`
    select count(*)::int as n from memberships
    where tenant_id = ${scope.tenantId} and user_id in (select jsonb_array_elements_text(${JSON.stringify(userIds)}::jsonb)::uuid)`);
  if (Number(rows[0]?.n ?? 0) !== userIds.length)
    throw new AppError(
      'NOT_FOUND',
      'One of the chosen people is not a member of this workspace. Reload and choose again.',
    );
  await scope.db.execute(sql`
    update tenants set settings = jsonb_set(settings, '{reports}',
      coalesce(settings -> 'reports', '{}'::jsonb) || jsonb_build_object('digestUserIds', ${JSON.stringify(userIds)}::jsonb))
    where id = ${scope.tenantId}`);
  return { userIds };
}
