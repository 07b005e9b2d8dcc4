import {
  createCustomerInput,
  createOrganizationInput,
  customerIdInput,
  listCustomersInput,
  updateCustomerInput,
} from '@/lib/validators/customer';
import { agentProcedure, router, tenantProcedure } from '@/server/trpc/init';
import {
  createCustomer,
  createOrganization,
  getCustomer,
  listCustomers,
  listOrganizations,
  updateCustomer,
} from '@/server/services/customer/customers';

export const customerRouter = router({
  list: tenantProcedure.input(listCustomersInput).query(({ ctx, input }) => listCustomers(ctx.scope, input)),
  get: tenantProcedure.input(customerIdInput).query(({ ctx, input }) => getCustomer(ctx.scope, input)),
  create: agentProcedure.input(createCustomerInput).mutation(({ ctx, input }) => createCustomer(ctx.scope, input)),
  update: agentProcedure.input(updateCustomerInput).mutation(({ ctx, input }) => updateCustomer(ctx.scope, input)),
});

export const organizationRouter = router({
  list: tenantProcedure.query(({ ctx }) => listOrganizations(ctx.scope)),
  create: agentProcedure
    .input(createOrganizationInput)
    .mutation(({ ctx, input }) => createOrganization(ctx.scope, input)),
});
