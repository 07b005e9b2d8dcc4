import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processDomainVerify } from '@/jobs/processors/domain-verify';
import { workspaceDomains } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { getQueue, jobId } from '@/server/queue/enqueue';
import { recheckVerifiedDomains } from '@/server/services/domain/verify-domain';
import { findWorkspaceByDomain } from '@/server/services/workspace/queries';
import { resolveWorkspaceSlugByHost } from '@/server/services/workspace/resolve-host';
import { callerFor } from '../helpers/caller';
import { createWorkspace, uniqueDomain, type TestWorkspace } from '../helpers/factories';
import { startDnsServer, type TestDnsServer } from '../helpers/dns-server';

// Issue 9, hole 6: a workspace could claim any host name and was served on it at once. Now a domain is
// served only after the worker found `_cairn-verify.<domain>` TXT <token> in DNS, and stops being served
// when a re-check no longer finds it. DNS is a real resolver asking a DNS server inside this test.

let dns: TestDnsServer;
let owner: TestWorkspace;
let squatter: TestWorkspace;

beforeAll(async () => {
  dns = await startDnsServer();
  owner = await createWorkspace({ name: 'Domain Owner' });
  squatter = await createWorkspace({ name: 'Domain Squatter' });
});

afterAll(async () => {
  await dns?.close();
});

const asOwner = () => callerFor({ userId: owner.owner.userId, workspaceId: owner.id });
const asSquatter = () => callerFor({ userId: squatter.owner.userId, workspaceId: squatter.id });
const verify = (ws: TestWorkspace, domainId: string) =>
  processDomainVerify({ tenantId: ws.id, domainId }, { resolver: dns.resolver() });
const row = async (ws: TestWorkspace, domainId: string) =>
  (
    await runInTenant(ws.id, ({ db }) => db.select().from(workspaceDomains).where(eq(workspaceDomains.id, domainId)))
  )[0]!;

describe('custom domain ownership', () => {
  it('serves nothing on a freshly added domain, and shows the TXT record to create', async () => {
    const domain = uniqueDomain('claimed');
    const added = await asSquatter().domain.add({ domain });
    expect(added.verifiedAt).toBeNull();
    expect(added.verificationRecord).toEqual({
      type: 'TXT',
      name: `_cairn-verify.${domain}`,
      value: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(await resolveWorkspaceSlugByHost(domain)).toBeNull();
    expect(await findWorkspaceByDomain(domain)).toBeNull();
  });

  it('verifies only with the right TXT record, then serves the domain', async () => {
    const domain = uniqueDomain('owned');
    const added = await asOwner().domain.add({ domain });

    // No record: stays unverified with a note saying what to add.
    await expect(verify(owner, added.id)).resolves.toMatchObject({ verified: false });
    expect(await row(owner, added.id)).toMatchObject({
      verifiedAt: null,
      checkError: expect.stringContaining(`_cairn-verify.${domain}`),
    });

    // Someone else's token (another workspace's claim) proves nothing.
    dns.setTxt(`_cairn-verify.${domain}`, ['0123456789abcdef0123456789abcdef']);
    await expect(verify(owner, added.id)).resolves.toMatchObject({ verified: false });
    expect(await findWorkspaceByDomain(domain)).toBeNull();

    dns.setTxt(`_cairn-verify.${domain}`, ['v=spf1 -all', added.verificationRecord.value]);
    await expect(verify(owner, added.id)).resolves.toMatchObject({ verified: true });
    expect(await row(owner, added.id)).toMatchObject({ verifiedAt: expect.any(Date), checkError: null });
    expect(await findWorkspaceByDomain(domain)).toMatchObject({ slug: owner.slug });
  });

  it("a squatter's earlier claim does not block the owner, cannot verify, and a verified domain cannot be claimed again", async () => {
    const domain = uniqueDomain('contested');
    const squatted = await asSquatter().domain.add({ domain });
    const claimed = await asOwner().domain.add({ domain });
    dns.setTxt(`_cairn-verify.${domain}`, [claimed.verificationRecord.value]);

    await expect(verify(squatter, squatted.id)).resolves.toMatchObject({ verified: false });
    await expect(verify(owner, claimed.id)).resolves.toMatchObject({ verified: true });
    expect(await findWorkspaceByDomain(domain)).toMatchObject({ slug: owner.slug });

    const late = await asSquatter()
      .domain.add({ domain })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    // The squatter's own earlier claim is still in its list, so this is refused either way; never served.
    expect(late?.code).toBe('CONFLICT');
    const third = await createWorkspace({ name: 'Third' });
    const refused = await callerFor({ userId: third.owner.userId, workspaceId: third.id })
      .domain.add({ domain })
      .then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
    expect(refused?.code).toBe('CONFLICT');
    expect(refused?.message).not.toContain(owner.slug);
  });

  it('Verify now queues the look-up in the worker; the re-check un-verifies a domain whose record is gone', async () => {
    const domain = uniqueDomain('lapsing');
    const added = await asOwner().domain.add({ domain });
    await asOwner().domain.verify({ domainId: added.id });
    expect(await getQueue('outbound').getJob(jobId('domain.verify', added.id))).toBeTruthy();

    dns.setTxt(`_cairn-verify.${domain}`, [added.verificationRecord.value]);
    await verify(owner, added.id);
    expect(await findWorkspaceByDomain(domain)).toMatchObject({ slug: owner.slug });

    // A day later the daily re-check queues it again; the record has been removed meanwhile.
    await getQueue('outbound').remove(jobId('domain.verify', added.id));
    const tomorrow = new Date(Date.now() + 25 * 60 * 60_000);
    await recheckVerifiedDomains(tomorrow);
    expect(await getQueue('outbound').getJob(jobId('domain.verify', added.id))).toBeTruthy();
    dns.remove(`_cairn-verify.${domain}`);
    await expect(verify(owner, added.id)).resolves.toMatchObject({ verified: false });
    expect(await row(owner, added.id)).toMatchObject({ verifiedAt: null });
    expect(await findWorkspaceByDomain(domain)).toBeNull();
  });

  it("Verify now answers NOT_FOUND for another workspace's domain and queues nothing", async () => {
    const added = await asOwner().domain.add({ domain: uniqueDomain('other') });
    await expect(asSquatter().domain.verify({ domainId: added.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getQueue('outbound').getJob(jobId('domain.verify', added.id))).toBeFalsy();
  });
});
