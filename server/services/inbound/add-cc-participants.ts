import { ticketParticipants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { upsertCustomerByEmail } from '@/server/services/customer/customers';

/** A mail that CCs a crowd is not a reason to mail a crowd: the first ten people in CC join. */
const MAX_CC_PARTICIPANTS = 10;

/**
 * The people in CC of the mail that opened a ticket join it as participants: they may reply by mail and they
 * receive public replies. Our own addresses (and plus-addresses of ours), the requester and malformed
 * addresses never join.
 */
export async function addCcParticipants(
  scope: TenantScope,
  ticket: { id: string; requesterEmail: string },
  cc: ReadonlyArray<{ address: string; name: string }>,
  ownAddresses: ReadonlySet<string>,
) {
  const ownDomains = [...ownAddresses].map((a) => a.split('@'));
  const isOwn = (address: string) =>
    ownAddresses.has(address) ||
    ownDomains.some(([local, domain]) => address.startsWith(`${local}+`) && address.endsWith(`@${domain}`));
  const seen = new Set<string>([ticket.requesterEmail.toLowerCase()]);
  const joining: Array<{ address: string; name: string }> = [];
  for (const person of cc) {
    const address = person.address.trim().toLowerCase();
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address) || address.length > 320) continue;
    if (seen.has(address) || isOwn(address)) continue;
    seen.add(address);
    joining.push({ address, name: person.name });
    if (joining.length >= MAX_CC_PARTICIPANTS) break;
  }
  if (!joining.length) return [];
  const rows = [];
  for (const person of joining) {
    const customer = await upsertCustomerByEmail(scope, {
      email: person.address,
      name: person.name.slice(0, 200) || undefined,
    });
    rows.push({ tenantId: scope.tenantId, ticketId: ticket.id, customerId: customer.id });
  }
  await scope.db.insert(ticketParticipants).values(rows).onConflictDoNothing();
  return joining.map((p) => p.address);
}
