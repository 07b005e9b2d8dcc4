import dns from 'node:dns';
import { authenticate, type DNSResolver } from 'mailauth';
import { componentLogger } from '@/server/log';
import type { AuthenticationSummary } from './sender-verdict';

const log = componentLogger('inbound');

/** Look-ups through the system's resolver, each limited so a dead DNS server cannot hold a job for long. */
export function defaultMailResolver(): DNSResolver {
  const resolver = new dns.promises.Resolver({ timeout: 3_000, tries: 1 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}

const AUTHENTICATE_TIMEOUT_MS = 10_000;

/**
 * SPF, DKIM and DMARC on the raw message as Cairn received it, with the client taken from the top Received
 * header. Runs outside any database transaction (DNS waits). A look-up that fails or runs out of time counts
 * as no answer (`none`), never as a failure: offline, or with DNS down, mail is still accepted.
 */
export async function authenticateSender(raw: Buffer, resolver: DNSResolver): Promise<AuthenticationSummary | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), AUTHENTICATE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      authenticate(raw, { trustReceived: true, disableArc: true, disableBimi: true, resolver }),
      timeout,
    ]);
  } catch (error) {
    log.warn({ err: error }, 'sender authentication could not run; treated as none');
    return null;
  } finally {
    clearTimeout(timer);
  }
}
