import { and, eq } from 'drizzle-orm';
import type { PrivacyRequestKind } from '@/lib/constants/privacy';
import { customers, privacyRequests } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { recordAudit } from '@/server/services/audit/record-audit';
import type { StaffScope } from '@/server/services/types';
import { schedulePrivacyRequest } from './schedule-request';

async function lockCustomer(scope: StaffScope, customerId: string) {
  // The lock orders two admins asking at the same moment: the second sees the first's pending request.
  const [customer] = await scope.db.select().from(customers).where(eq(customers.id, customerId)).for('update');
  if (!customer) throw notFound('The customer');
  return customer;
}

async function createRequest(scope: StaffScope, kind: PrivacyRequestKind, customerId: string) {
  // Asking twice while the first is still running is one request, not two jobs.
  const stillPending = and(
    eq(privacyRequests.customerId, customerId),
    eq(privacyRequests.kind, kind),
    eq(privacyRequests.status, 'pending'),
  );
  const [pending] = await scope.db.select().from(privacyRequests).where(stillPending);
  if (pending) return shown(pending);
  const [request] = await scope.db
    .insert(privacyRequests)
    .values({ tenantId: scope.tenantId, kind, customerId, requestedByUserId: scope.actor.userId })
    .returning();
  await recordAudit(scope, {
    actorUserId: scope.actor.userId,
    action: kind === 'export' ? 'customer.export_requested' : 'customer.erasure_requested',
    subject: { type: 'customer', id: customerId },
    details: { requestId: request!.id },
  });
  schedulePrivacyRequest(scope, request!.id);
  return shown(request!);
}

const shown = (r: typeof privacyRequests.$inferSelect) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  customerId: r.customerId,
  createdAt: r.createdAt,
});

/** An admin asks for everything the workspace holds about one customer; the worker writes the file. */
export async function requestCustomerExport(scope: StaffScope, input: { customerId: string }) {
  await lockCustomer(scope, input.customerId);
  return createRequest(scope, 'export', input.customerId);
}

/**
 * An admin asks to erase a customer's personal data. The typed address must be the customer's: it is the
 * one check standing between a slip of the mouse and a deletion nobody can undo.
 */
export async function requestCustomerErasure(scope: StaffScope, input: { customerId: string; confirmEmail: string }) {
  const customer = await lockCustomer(scope, input.customerId);
  if (customer.erasedAt) throw new AppError('CONFLICT', "This customer's personal data has already been deleted.");
  if (customer.email !== input.confirmEmail) {
    throw new AppError(
      'BAD_REQUEST',
      `The address you typed is not this customer's. Type ${customer.email} exactly to confirm.`,
      { field: 'confirmEmail' },
    );
  }
  return createRequest(scope, 'erasure', input.customerId);
}
