import { createTeamInput, teamIdInput, teamMemberInput, updateTeamInput } from '@/lib/validators/workspace';
import { adminProcedure, router, tenantProcedure } from '@/server/trpc/init';
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  listTeams,
  removeTeamMember,
  updateTeam,
} from '@/server/services/team/teams';

export const teamRouter = router({
  list: tenantProcedure.query(({ ctx }) => listTeams(ctx.scope)),
  create: adminProcedure.input(createTeamInput).mutation(({ ctx, input }) => createTeam(ctx.scope, input)),
  update: adminProcedure.input(updateTeamInput).mutation(({ ctx, input }) => updateTeam(ctx.scope, input)),
  delete: adminProcedure.input(teamIdInput).mutation(({ ctx, input }) => deleteTeam(ctx.scope, input)),
  addMember: adminProcedure.input(teamMemberInput).mutation(({ ctx, input }) => addTeamMember(ctx.scope, input)),
  removeMember: adminProcedure.input(teamMemberInput).mutation(({ ctx, input }) => removeTeamMember(ctx.scope, input)),
});
