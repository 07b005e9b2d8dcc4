import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AGENT_ROLES } from '@/lib/constants/workspace';
import { memberships, teams, ticketCategories, ticketTypes } from '@/server/db/schema';
import { assertExists } from '@/server/db/exists-in-workspace';
import type { TenantScope } from '@/server/db/tenant';
import { AppError, notFound } from '@/server/errors';

/**
 * Ids a request points at must exist in this workspace; RLS hides other workspaces' rows, so they are "not
 * found". A ticket type is named by its key and must be one of the workspace's active types.
 */
export async function assertReferences(
  scope: TenantScope,
  refs: { categoryId?: string | null; assigneeId?: string | null; teamId?: string | null; type?: string | null },
) {
  if (refs.type) {
    const [row] = await scope.db
      .select({ id: ticketTypes.id })
      .from(ticketTypes)
      .where(
        and(eq(ticketTypes.tenantId, scope.tenantId), eq(ticketTypes.key, refs.type), isNull(ticketTypes.archivedAt)),
      );
    if (!row)
      throw new AppError(
        'NOT_FOUND',
        `The ticket type "${refs.type}" is not one of this workspace's active types. Choose one listed under Admin → Ticket types.`,
        { field: 'type' },
      );
  }
  if (refs.categoryId) {
    const [row] = await scope.db
      .select({ id: ticketCategories.id })
      .from(ticketCategories)
      .where(and(eq(ticketCategories.id, refs.categoryId), isNull(ticketCategories.archivedAt)));
    if (!row) throw notFound('The category');
  }
  if (refs.assigneeId) {
    const isAgent = and(eq(memberships.tenantId, scope.tenantId), inArray(memberships.role, [...AGENT_ROLES]));
    await assertExists(
      scope,
      memberships.userId,
      refs.assigneeId,
      'The assignee (an agent of this workspace)',
      isAgent,
    );
  }
  if (refs.teamId) {
    const [row] = await scope.db.select({ id: teams.id }).from(teams).where(eq(teams.id, refs.teamId));
    if (!row) throw notFound('The team');
  }
}
