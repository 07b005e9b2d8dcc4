import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOutboundCheck } from '@/jobs/processors/outbound-check';
import { sendMail } from '@/server/email/transport';
import {
  OutboundRefused,
  parseAllowList,
  resolveOutboundAddress,
  tlsServerName,
  type Lookup,
} from '@/server/net/outbound-guard';
import { callerFor } from '../helpers/caller';
import { createWorkspace, type TestWorkspace } from '../helpers/factories';
import { startTcpServer, type TestTcpServer } from '../helpers/tcp-server';

// Issue 9, hole 5: the SMTP test connected wherever a workspace pointed it (loopback, link-local, cloud
// metadata), and its error told an open port from a closed one: an internal port scanner. Every outbound
// connection a workspace configures now goes through server/net/outbound-guard.ts, which resolves the host,
// refuses internal addresses, and hands back the checked address to connect to.
//
// global-setup allows 127.0.0.1 (the suite's own mail servers); the listener here is on 127.0.0.2, which is
// just as much loopback and not allowed.

const NO_ALLOW_LIST = parseAllowList('');

const INTERNAL = [
  '127.0.0.1',
  '127.0.0.2',
  '10.0.0.1',
  '172.16.5.4',
  '192.168.1.1',
  '169.254.169.254',
  '100.64.0.1',
  '100.100.100.200',
  '224.0.0.1',
  '0.0.0.0',
  '255.255.255.255',
  '::1',
  '::',
  'fe80::1',
  'fc00::1',
  'fd00:ec2::254',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:169.254.169.254',
  '::ffff:10.0.0.1',
  '64:ff9b::a00:1',
];

const fakeDns =
  (answers: Record<string, string[]>): Lookup =>
  async (host) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('the outbound guard', () => {
  it.each(INTERNAL)('refuses %s, as a literal and behind a DNS name', async (address) => {
    await expect(resolveOutboundAddress(address, { allow: NO_ALLOW_LIST })).rejects.toBeInstanceOf(OutboundRefused);
    const lookup = fakeDns({ 'mail.attacker.example': [address] });
    await expect(
      resolveOutboundAddress('mail.attacker.example', { allow: NO_ALLOW_LIST, lookup }),
    ).rejects.toBeInstanceOf(OutboundRefused);
  });

  it('refuses a name with any internal answer, and a name that does not resolve, with the same message', async () => {
    const lookup = fakeDns({ 'mixed.example': ['93.184.215.14', '10.0.0.7'] });
    const mixed = await resolveOutboundAddress('mixed.example', { allow: NO_ALLOW_LIST, lookup }).catch(
      (e: Error) => e,
    );
    const missing = await resolveOutboundAddress('missing.example', { allow: NO_ALLOW_LIST, lookup }).catch(
      (e: Error) => e,
    );
    expect(mixed).toBeInstanceOf(OutboundRefused);
    expect(missing).toBeInstanceOf(OutboundRefused);
    expect((mixed as Error).message.replace('mixed', 'missing')).toBe((missing as Error).message);
  });

  it('returns the checked public address to connect to, with the name kept for TLS (no second DNS answer)', async () => {
    const lookup = fakeDns({ 'smtp.provider.example': ['93.184.215.14'] });
    const target = await resolveOutboundAddress('SMTP.Provider.Example.', { allow: NO_ALLOW_LIST, lookup });
    expect(target).toEqual({ host: 'smtp.provider.example', address: '93.184.215.14', family: 4 });
    expect(tlsServerName(target)).toEqual({ servername: 'smtp.provider.example' });
    expect(tlsServerName(await resolveOutboundAddress('2606:4700::1111', { allow: NO_ALLOW_LIST }))).toEqual({});
  });

  it('lets the operator allow internal hosts and ranges by name, address or CIDR (OUTBOUND_ALLOWED_HOSTS)', async () => {
    const allow = parseAllowList('relay.corp.internal, 10.20.0.0/16, fd12::/16, 127.0.0.1');
    const lookup = fakeDns({ 'relay.corp.internal': ['10.99.0.5'], 'other.corp.internal': ['10.99.0.6'] });
    await expect(resolveOutboundAddress('relay.corp.internal', { allow, lookup })).resolves.toMatchObject({
      address: '10.99.0.5',
    });
    await expect(resolveOutboundAddress('10.20.3.4', { allow })).resolves.toMatchObject({ address: '10.20.3.4' });
    await expect(resolveOutboundAddress('fd12::5', { allow })).resolves.toMatchObject({ address: 'fd12::5' });
    await expect(resolveOutboundAddress('::ffff:127.0.0.1', { allow })).resolves.toBeTruthy();
    await expect(resolveOutboundAddress('other.corp.internal', { allow, lookup })).rejects.toBeInstanceOf(
      OutboundRefused,
    );
    await expect(resolveOutboundAddress('10.21.0.1', { allow })).rejects.toBeInstanceOf(OutboundRefused);
    expect(() => parseAllowList('10.0.0.0/99')).toThrow(/OUTBOUND_ALLOWED_HOSTS/);
  });
});

describe('a workspace pointing its SMTP server inward', () => {
  let open: TestTcpServer;
  let ws: TestWorkspace;
  beforeAll(async () => {
    // Greets like a mail server, so before the guard the check reported "connected" for this port.
    open = await startTcpServer({ greeting: '220 internal.example ESMTP\r\n', host: '127.0.0.2' });
    ws = await createWorkspace({ name: 'Port Scanner' });
  });
  afterAll(async () => {
    await open?.close();
  });

  const check = async (smtpUrl: string) => {
    const admin = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    await admin.mailSettings.test({ smtpUrl });
    await processOutboundCheck({ tenantId: ws.id, kind: 'smtp' });
    return admin.mailSettings.testStatus();
  };

  it('the connection check never connects, and an open port reads exactly like a closed one', async () => {
    const openPort = await check(`smtp://127.0.0.2:${open.port}`);
    const closedPort = await check('smtp://127.0.0.2:1');
    const mapped = await check(`smtp://[::ffff:127.0.0.2]:${open.port}`);
    const metadata = await check('smtp://169.254.169.254:80');
    for (const result of [openPort, closedPort, mapped, metadata]) {
      expect(result.status).toBe('failed');
      expect(result.message).not.toMatch(/ECONNREFUSED|timeout|greeting|connected/i);
    }
    expect(openPort.message).toBe(closedPort.message);
    expect(open.connections()).toBe(0);
  });

  it('mail sent through the workspace server is refused the same way, before any connection', async () => {
    const mail = { to: 'someone@example.test', subject: 'Hi', text: 'Hi', html: '<p>Hi</p>' };
    await expect(sendMail(mail, { smtpUrl: `smtp://127.0.0.2:${open.port}` })).rejects.toBeInstanceOf(OutboundRefused);
    expect(open.connections()).toBe(0);
  });
});
