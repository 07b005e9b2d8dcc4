import { changePasswordInput, revokeSessionInput } from '@/lib/validators/account';
import { authedProcedure, router } from '@/server/trpc/init';
import { changePassword } from '@/server/services/auth/change-password';
import { listStaffSessions, revokeOtherStaffSessions, revokeStaffSession } from '@/server/services/auth/sessions';

// A person's own sign-in: not workspace data, so signed in is enough and another person's ids answer NOT_FOUND.
export const accountRouter = router({
  changePassword: authedProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx.userId, input, ctx.ip)),
});

export const sessionRouter = router({
  list: authedProcedure.query(({ ctx }) => listStaffSessions(ctx.userId, ctx.sessionId)),
  revoke: authedProcedure
    .input(revokeSessionInput)
    .mutation(({ ctx, input }) => revokeStaffSession(ctx.userId, input.sessionId)),
  revokeOthers: authedProcedure.mutation(({ ctx }) => revokeOtherStaffSessions(ctx.userId, ctx.sessionId)),
});
