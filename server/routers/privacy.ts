import { eraseCustomerInput, privacyCustomerInput, updateRetentionInput } from '@/lib/validators/privacy';
import { adminProcedure, router } from '@/server/trpc/init';
import { listPrivacyRequests } from '@/server/services/privacy/list-privacy-requests';
import { requestCustomerErasure, requestCustomerExport } from '@/server/services/privacy/request-privacy';
import { getRetentionSettings, updateRetentionSettings } from '@/server/services/privacy/retention-settings';

// Privacy requests reach a customer's whole history: admins and owners only, agents included in nothing.

export const privacyRequestRouter = router({
  list: adminProcedure.input(privacyCustomerInput).query(({ ctx, input }) => listPrivacyRequests(ctx.scope, input)),
  export: adminProcedure
    .input(privacyCustomerInput)
    .mutation(({ ctx, input }) => requestCustomerExport(ctx.scope, input)),
  erase: adminProcedure
    .input(eraseCustomerInput)
    .mutation(({ ctx, input }) => requestCustomerErasure(ctx.scope, input)),
});

export const retentionSettingsRouter = router({
  get: adminProcedure.query(({ ctx }) => getRetentionSettings(ctx.scope)),
  update: adminProcedure
    .input(updateRetentionInput)
    .mutation(({ ctx, input }) => updateRetentionSettings(ctx.scope, input)),
});
