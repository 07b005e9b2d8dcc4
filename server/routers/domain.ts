import { addDomainInput, removeDomainInput, verifyDomainInput } from '@/lib/validators/workspace';
import { adminProcedure, router } from '@/server/trpc/init';
import { addDomain, listDomains, removeDomain, requestDomainVerification } from '@/server/services/domain/domains';

export const domainRouter = router({
  list: adminProcedure.query(({ ctx }) => listDomains(ctx.scope)),
  add: adminProcedure.input(addDomainInput).mutation(({ ctx, input }) => addDomain(ctx.scope, input)),
  /** Verify now: queues the TXT look-up in the worker; the list shows the outcome once it has run. */
  verify: adminProcedure
    .input(verifyDomainInput)
    .mutation(({ ctx, input }) => requestDomainVerification(ctx.scope, input)),
  remove: adminProcedure.input(removeDomainInput).mutation(({ ctx, input }) => removeDomain(ctx.scope, input)),
});
