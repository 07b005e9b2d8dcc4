import {
  createInvitationInput,
  removeMemberInput,
  revokeInvitationInput,
  updateMemberRoleInput,
} from '@/lib/validators/workspace';
import { adminProcedure, router, tenantProcedure } from '@/server/trpc/init';
import { listMembers, removeMember, updateMemberRole } from '@/server/services/member/members';
import { createInvitation, listInvitations, revokeInvitation } from '@/server/services/invitation/invitations';

export const memberRouter = router({
  list: tenantProcedure.query(({ ctx }) => listMembers(ctx.scope)),
  updateRole: adminProcedure
    .input(updateMemberRoleInput)
    .mutation(({ ctx, input }) => updateMemberRole(ctx.scope, input)),
  remove: adminProcedure.input(removeMemberInput).mutation(({ ctx, input }) => removeMember(ctx.scope, input)),
});

export const invitationRouter = router({
  list: adminProcedure.query(({ ctx }) => listInvitations(ctx.scope)),
  create: adminProcedure.input(createInvitationInput).mutation(({ ctx, input }) => createInvitation(ctx.scope, input)),
  revoke: adminProcedure.input(revokeInvitationInput).mutation(({ ctx, input }) => revokeInvitation(ctx.scope, input)),
});
