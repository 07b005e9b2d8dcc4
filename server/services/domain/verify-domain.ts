import dns from 'node:dns';
import { eq, sql } from 'drizzle-orm';
import { workspaceDomains } from '@/server/db/schema';
import { isUniqueViolation } from '@/server/db/errors';
import { runInTenant, runWithoutTenant } from '@/server/db/tenant';
import { enqueueDomainVerification, verificationRecordName } from './domains';

/** The part of dns.promises.Resolver this needs: tests pass a real Resolver pointed at their own DNS server. */
export type TxtResolver = Pick<dns.promises.Resolver, 'resolveTxt'>;

export const defaultTxtResolver = (): TxtResolver => new dns.promises.Resolver({ timeout: 5_000, tries: 2 });

/** The record is missing or wrong (the domain is not proven), or DNS did not answer (nothing is known). */
type Lookup = { proven: true } | { proven: false; definitive: boolean; error: string };

/** Answers that mean "there is no such record", as opposed to a DNS server that failed to answer. */
const NO_RECORD = new Set(['ENOTFOUND', 'ENODATA']);

export async function lookUpOwnership(domain: string, token: string, resolver: TxtResolver): Promise<Lookup> {
  const name = verificationRecordName(domain);
  let records: string[][];
  try {
    records = await resolver.resolveTxt(name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (NO_RECORD.has(code)) {
      return {
        proven: false,
        definitive: true,
        error: `No TXT record found at ${name}. Add it at your DNS provider; changes can take up to an hour to appear.`,
      };
    }
    return {
      proven: false,
      definitive: false,
      error: `The DNS servers for ${domain} did not answer. Cairn will try again; you can also press Verify now later.`,
    };
  }
  // A long TXT value arrives in 255-byte chunks: join them before comparing.
  if (records.some((chunks) => chunks.join('').trim() === token)) return { proven: true };
  return {
    proven: false,
    definitive: true,
    error: `The TXT record at ${name} does not hold this domain's verification code. Check its value.`,
  };
}

/**
 * Checks one domain's TXT record and records the outcome. The DNS wait sits between two short
 * transactions. A missing or wrong record un-verifies the domain (so it stops being served once the proxy's
 * minute-long cache expires); a DNS outage changes nothing but the note beside it.
 */
export async function verifyDomain(tenantId: string, domainId: string, resolver: TxtResolver = defaultTxtResolver()) {
  const row = await runInTenant(tenantId, async ({ db }) => {
    const [found] = await db.select().from(workspaceDomains).where(eq(workspaceDomains.id, domainId));
    return found;
  });
  if (!row) return { skipped: true as const };
  const lookup = await lookUpOwnership(row.domain, row.verificationToken, resolver);
  const checkedAt = new Date();
  if (lookup.proven) {
    try {
      await runInTenant(tenantId, ({ db }) =>
        db
          .update(workspaceDomains)
          .set({ verifiedAt: sql`coalesce(${workspaceDomains.verifiedAt}, now())`, checkedAt, checkError: null })
          .where(eq(workspaceDomains.id, domainId)),
      );
      return { verified: true as const };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another workspace holds it verified; it keeps it until its own record disappears.
      const checkError = `${row.domain} is verified by another workspace. Ask them to remove it, then verify again.`;
      await runInTenant(tenantId, ({ db }) =>
        db.update(workspaceDomains).set({ checkedAt, checkError }).where(eq(workspaceDomains.id, domainId)),
      );
      return { verified: false as const, error: checkError };
    }
  }
  await runInTenant(tenantId, ({ db }) =>
    db
      .update(workspaceDomains)
      .set(
        lookup.definitive
          ? { verifiedAt: null, checkedAt, checkError: lookup.error }
          : { checkedAt, checkError: lookup.error },
      )
      .where(eq(workspaceDomains.id, domainId)),
  );
  return { verified: lookup.definitive ? (false as const) : row.verifiedAt !== null, error: lookup.error };
}

/** A day between re-checks, a little less so a daily run never just misses one. */
export const DOMAIN_RECHECK_AFTER_MS = 20 * 60 * 60_000;

/** Queues a look-up for every verified domain not checked for a day, across workspaces (ids only). */
export async function recheckVerifiedDomains(now = new Date()) {
  const due = await runWithoutTenant((tx) =>
    tx.execute<{ tenant_id: string; domain_id: string }>(
      sql`select * from cairn_verified_domains_due(${new Date(now.getTime() - DOMAIN_RECHECK_AFTER_MS).toISOString()}::timestamptz)`,
    ),
  );
  for (const { tenant_id, domain_id } of due.rows) await enqueueDomainVerification(tenant_id, domain_id);
  return { queued: due.rows.length };
}
