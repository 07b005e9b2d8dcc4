import type { JobPayload } from '@/server/queue/jobs';
import { recheckVerifiedDomains, verifyDomain, type TxtResolver } from '@/server/services/domain/verify-domain';

/** Verify now, or the daily re-check of one domain: looks up its TXT record and records what it found. */
export function processDomainVerify(
  { tenantId, domainId }: JobPayload<'domain.verify'>,
  options: { resolver?: TxtResolver } = {},
) {
  return verifyDomain(tenantId, domainId, options.resolver);
}

export function processDomainRecheck() {
  return recheckVerifiedDomains();
}
