import { z } from 'zod';
import {
  createWorkspaceInput,
  lookupWorkspaceInput,
  switchWorkspaceInput,
  updateWorkspaceInput,
} from '@/lib/validators/workspace';
import { WORKSPACE_COOKIE } from '@/server/trpc/context';
import { adminProcedure, authedProcedure, publicProcedure, router, tenantProcedure } from '@/server/trpc/init';
import { AppError } from '@/server/errors';
import { createWorkspace } from '@/server/services/workspace/create-workspace';
import { findWorkspaceBySlug, listMyWorkspaces } from '@/server/services/workspace/queries';
import { getWorkspace, updateWorkspace } from '@/server/services/workspace/update-workspace';

const YEAR = 365 * 86_400;

/** What anyone may know about a workspace from its address: the help center and portal show it. */
const publicWorkspace = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  branding: z.object({ logoUrl: z.string().nullish(), primaryColor: z.string().nullish() }),
});

export const workspaceRouter = router({
  /** Public: the help center and portal pages of the workspace at this address. */
  lookup: publicProcedure
    .input(lookupWorkspaceInput)
    .output(publicWorkspace)
    .query(async ({ input }) => {
      const workspace = await findWorkspaceBySlug(input.workspace);
      if (!workspace) throw new AppError('NOT_FOUND', 'There is no workspace at this address. Check the link.');
      return workspace;
    }),
  list: authedProcedure.query(({ ctx }) => listMyWorkspaces(ctx.userId)),
  current: tenantProcedure.query(async ({ ctx }) => ({ ...(await getWorkspace(ctx.scope)), role: ctx.actor.role })),
  create: authedProcedure.input(createWorkspaceInput).mutation(async ({ ctx, input }) => {
    const workspace = await createWorkspace({ ...input, ownerUserId: ctx.userId });
    ctx.setCookie(WORKSPACE_COOKIE, workspace.id, { maxAge: YEAR });
    return { id: workspace.id, slug: workspace.slug, name: workspace.name };
  }),
  switch: authedProcedure.input(switchWorkspaceInput).mutation(async ({ ctx, input }) => {
    const mine = await listMyWorkspaces(ctx.userId);
    const target = mine.find((w) => w.id === input.workspaceId);
    if (!target) throw new AppError('NOT_FOUND', 'That workspace was not found among yours.');
    ctx.setCookie(WORKSPACE_COOKIE, target.id, { maxAge: YEAR });
    return target;
  }),
  update: adminProcedure.input(updateWorkspaceInput).mutation(({ ctx, input }) => updateWorkspace(ctx.scope, input)),
});
