import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import { isAdminRole } from '@/server/services/member/is-admin-role';
import type { saveViewInput } from '@/lib/validators/ticket';
import { savedViews, type ViewFilters } from '@/server/db/schema';
import type { StaffScope } from '@/server/services/types';
import { AppError, notFound } from '@/server/errors';

/** A view as the sidebar gets it: "shared" spelled out, without the workspace and sidebar position. */
const toView = ({ tenantId: _tenantId, position: _position, ...view }: typeof savedViews.$inferSelect) => ({
  ...view,
  shared: view.ownerUserId === null,
});

/** The caller's own views and the workspace's shared ones (owner null); other people's personal views stay private. */
export async function listSavedViews(scope: StaffScope) {
  const rows = await scope.db
    .select()
    .from(savedViews)
    .where(
      and(
        eq(savedViews.tenantId, scope.tenantId),
        or(isNull(savedViews.ownerUserId), eq(savedViews.ownerUserId, scope.actor.userId)),
      ),
    )
    .orderBy(asc(savedViews.position), asc(savedViews.name));
  return rows.map(toView);
}

/** Agents save personal views; a view everyone sees in their sidebar is an admin's call. */
export async function createSavedView(scope: StaffScope, input: z.output<typeof saveViewInput>) {
  if (input.shared && !isAdminRole(scope.actor.role)) {
    throw new AppError(
      'FORBIDDEN',
      'Only admins can share a view with the whole workspace. Save it as a personal view instead.',
      { field: 'shared' },
    );
  }
  // Dates go into jsonb as ISO strings; list-tickets reads them back through the same zod filters.
  const filters = JSON.parse(JSON.stringify(input.filters)) as ViewFilters;
  const [row] = await scope.db
    .insert(savedViews)
    .values({
      tenantId: scope.tenantId,
      ownerUserId: input.shared ? null : scope.actor.userId,
      name: input.name,
      filters,
      sort: input.sort,
    })
    .returning();
  return toView(row!);
}

/** The owner deletes their own view; admins delete shared views and anyone's. */
export async function deleteSavedView(scope: StaffScope, input: { savedViewId: string }) {
  const [view] = await scope.db.select().from(savedViews).where(eq(savedViews.id, input.savedViewId));
  const mine = view?.ownerUserId === scope.actor.userId;
  // Someone else's personal view is invisible to a non-admin: "not found", as if it did not exist.
  if (!view || (!mine && view.ownerUserId !== null && !isAdminRole(scope.actor.role))) throw notFound('The saved view');
  if (!mine && !isAdminRole(scope.actor.role))
    throw new AppError('FORBIDDEN', 'Only admins can delete a shared view. Ask a workspace admin.');
  await scope.db.delete(savedViews).where(eq(savedViews.id, view.id));
  return { id: view.id };
}
