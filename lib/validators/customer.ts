import { z } from 'zod';
import { emailField } from './workspace';

export const createCustomerInput = z.strictObject({
  email: emailField,
  name: z.string().trim().max(120).default(''),
  externalId: z.string().trim().min(1).max(200).optional(),
  organizationId: z.uuid().optional(),
});
export const updateCustomerInput = z.strictObject({
  customerId: z.uuid(),
  name: z.string().trim().max(120).optional(),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  organizationId: z.uuid().nullable().optional(),
});
export const customerIdInput = z.strictObject({ customerId: z.uuid() });
export const listCustomersInput = z.strictObject({
  search: z.string().trim().max(200).optional(),
  cursor: z.uuid().nullish(),
  limit: z.number().int().min(1).max(100).default(25),
  // Sent by tRPC's infinite queries; lists here only page forward.
  direction: z.enum(['forward', 'backward']).optional(),
});
export const createOrganizationInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  domain: z.string().trim().toLowerCase().max(253).optional(),
});

export const requestPortalLinkInput = z.strictObject({
  workspace: z.string().trim().toLowerCase().min(1).max(40),
  email: emailField,
  next: z.string().max(300).optional(),
});
