import {
  setAvailabilityInput,
  teamIdOnlyInput,
  updateAgentProfileInput,
  updateTeamAssignmentInput,
} from '@/lib/validators/assignment';
import { adminProcedure, agentProcedure, router, tenantProcedure } from '@/server/trpc/init';
import { getMyAvailability, setMyAvailability } from '@/server/services/assignment/availability';
import {
  getTeamAssignment,
  updateAgentProfile,
  updateTeamAssignment,
} from '@/server/services/assignment/team-assignment';

export const assignmentRouter = router({
  team: tenantProcedure.input(teamIdOnlyInput).query(({ ctx, input }) => getTeamAssignment(ctx.scope, input)),
  updateTeam: adminProcedure
    .input(updateTeamAssignmentInput)
    .mutation(({ ctx, input }) => updateTeamAssignment(ctx.scope, input)),
  updateAgent: adminProcedure
    .input(updateAgentProfileInput)
    .mutation(({ ctx, input }) => updateAgentProfile(ctx.scope, input)),
  myAvailability: agentProcedure.query(({ ctx }) => getMyAvailability(ctx.scope)),
  setMyAvailability: agentProcedure
    .input(setAvailabilityInput)
    .mutation(({ ctx, input }) => setMyAvailability(ctx.scope, input)),
});
