import { addDomainInput, removeDomainInput } from '@/lib/validators/workspace';
import { adminProcedure, router } from '@/server/trpc/init';
import { addDomain, listDomains, removeDomain } from '@/server/services/domain/domains';

export const domainRouter = router({
  list: adminProcedure.query(({ ctx }) => listDomains(ctx.scope)),
  add: adminProcedure.input(addDomainInput).mutation(({ ctx, input }) => addDomain(ctx.scope, input)),
  remove: adminProcedure.input(removeDomainInput).mutation(({ ctx, input }) => removeDomain(ctx.scope, input)),
});
