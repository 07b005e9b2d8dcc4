import { signUpInput, acceptInvitationInput, invitationTokenInput } from '@/lib/validators/workspace';
import { requestPortalLinkInput } from '@/lib/validators/customer';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { publicProcedure, router } from '@/server/trpc/init';
import { signUpWithWorkspace } from '@/server/services/workspace/create-workspace';
import { acceptInvitation, describeInvitation } from '@/server/services/invitation/invitations';
import { requestPortalLink } from '@/server/services/portal/portal-sign-in';

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit('signUp', ctx.ip);
    const { userId, workspace } = await signUpWithWorkspace(input);
    return { userId, workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name } };
  }),
  invitation: publicProcedure.input(invitationTokenInput).query(({ input }) => describeInvitation(input.token)),
  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(input, ctx.caller.kind === 'staff' ? ctx.caller.userId : null)),
  requestPortalLink: publicProcedure.input(requestPortalLinkInput).mutation(async ({ ctx, input }) => {
    await consumeRateLimit('magicLink', `${input.email}|${ctx.ip}`);
    return requestPortalLink(input);
  }),
});
