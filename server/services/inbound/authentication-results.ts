import type { MailHeaders } from './classify-mail';
import type { AuthenticationSummary } from './sender-verdict';

/**
 * The DMARC result the workspace's own receiving server wrote (RFC 8601), read from the topmost
 * Authentication-Results header whose authserv-id is the trusted one. Headers naming any other server are
 * ignored: a sender can write an Authentication-Results of their own, but not above the one our server adds.
 * Null when the trusted server left no verdict (then nothing is quarantined on its word).
 */
export function summaryFromAuthenticationResults(
  headers: MailHeaders,
  authservId: string,
): AuthenticationSummary | null {
  const trusted = authservId.trim().toLowerCase();
  for (const value of headers.get('authentication-results') ?? []) {
    const unfolded = value.replace(/\r?\n[ \t]+/g, ' ').replace(/\([^()]*\)/g, ' ');
    const [head = '', ...results] = unfolded.split(';');
    if (head.trim().split(/\s+/)[0]?.toLowerCase() !== trusted) continue;
    for (const result of results) {
      const dmarc = result.trim().match(/^dmarc\s*=\s*([a-z]+)/i);
      if (dmarc) return { dmarc: { status: { result: dmarc[1]!.toLowerCase() } } };
    }
    return null;
  }
  return null;
}
