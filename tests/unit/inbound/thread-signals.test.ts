import { describe, expect, it } from 'vitest';
import { DEFAULT_TICKET_NUMBER_FORMAT } from '@/lib/constants/ticket';
import { chooseThread, replyTokenIn, ticketNumberInSubject } from '@/server/services/inbound/thread-signals';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz234567';

describe('replyTokenIn', () => {
  it('takes the 32-character token after the plus, lower-cased', () => {
    expect(replyTokenIn(['someone@x.org', `support+${TOKEN.toUpperCase()}@acme.test`])).toBe(TOKEN);
  });

  it('ignores plus-addresses that are not tokens', () => {
    expect(replyTokenIn(['support+sales@acme.test', 'support+abc@acme.test'])).toBeNull();
    expect(replyTokenIn([`support+${TOKEN}1@acme.test`])).toBeNull();
  });
});

describe('ticketNumberInSubject', () => {
  const format = { ...DEFAULT_TICKET_NUMBER_FORMAT };

  it('reads the number in the workspace format', () => {
    expect(ticketNumberInSubject('Re: [SUP-2026-00000042] Printer', format)).toBe(42);
    expect(ticketNumberInSubject('Re: Printer (sup-2026-00000007)', format)).toBe(7);
  });

  it('ignores other numbers and other prefixes', () => {
    expect(ticketNumberInSubject('Order 2026-00000042 missing', format)).toBeNull();
    expect(ticketNumberInSubject('Re: [ABC-2026-00000042]', format)).toBeNull();
  });

  it('without a prefix only a bracketed number counts', () => {
    const bare = { prefix: '', includeYear: false, padding: 4, suffix: '' };
    expect(ticketNumberInSubject('Invoice 1234', bare)).toBeNull();
    expect(ticketNumberInSubject('Re: [#0012] Invoice', bare)).toBe(12);
  });
});

describe('chooseThread', () => {
  const ticket = (id: string, via: 'reply_token' | 'references' | 'subject', extra = {}) => ({
    ticketId: id,
    requesterEmail: 'Alice@Example.org',
    status: 'open' as const,
    via,
    ...extra,
  });

  it('takes the strongest signal whose ticket the sender requested', () => {
    expect(chooseThread([ticket('t1', 'reply_token'), ticket('t2', 'references')], 'alice@example.org')?.ticketId).toBe(
      't1',
    );
    expect(
      chooseThread([null, ticket('t2', 'references'), ticket('t3', 'subject')], 'alice@example.org')?.ticketId,
    ).toBe('t2');
  });

  it("never joins a stranger to someone else's ticket", () => {
    expect(chooseThread([ticket('t1', 'reply_token'), ticket('t2', 'subject')], 'mallory@evil.test')).toBeNull();
  });

  it('starts a new ticket instead of continuing a closed or merged one', () => {
    expect(chooseThread([ticket('t1', 'reply_token', { status: 'closed' })], 'alice@example.org')).toBeNull();
    expect(
      chooseThread(
        [ticket('t1', 'reply_token', { status: 'merged' }), ticket('t2', 'references', { status: 'solved' })],
        'alice@example.org',
      )?.ticketId,
    ).toBe('t2');
  });
});
