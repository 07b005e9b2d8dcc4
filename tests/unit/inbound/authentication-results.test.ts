import { describe, expect, it } from 'vitest';
import { summaryFromAuthenticationResults } from '@/server/services/inbound/authentication-results';
import { senderVerdict } from '@/server/services/inbound/sender-verdict';

const headers = (...values: string[]) => new Map([['authentication-results', values]]);

describe('summaryFromAuthenticationResults', () => {
  it("takes the trusted server's topmost header; a lower one (the sender's own) does not count", () => {
    const h = headers(
      'MX.Acme.Test; spf=fail smtp.mailfrom=x.example; dmarc=fail (p=reject) header.from=x.example',
      'mx.acme.test; dmarc=pass header.from=x.example',
    );
    expect(senderVerdict(summaryFromAuthenticationResults(h, 'mx.acme.test')).quarantine).toBe(true);
  });

  it('ignores headers of other servers and a trusted header without a DMARC verdict', () => {
    const h = headers('mx.forger.example; dmarc=fail', 'mx.acme.test 1; spf=pass smtp.mailfrom=x.example');
    expect(summaryFromAuthenticationResults(h, 'mx.acme.test')).toBeNull();
    expect(summaryFromAuthenticationResults(new Map(), 'mx.acme.test')).toBeNull();
  });

  it('reads a version number after the authserv-id and comments inside results', () => {
    const h = headers('mx.acme.test 1; dkim=pass (good signature) header.d=x.example; dmarc=pass (p=none)');
    expect(summaryFromAuthenticationResults(h, 'mx.acme.test')).toEqual({ dmarc: { status: { result: 'pass' } } });
  });
});
