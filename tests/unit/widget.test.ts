import { describe, expect, it } from 'vitest';
import { widgetContext } from '@/lib/validators/widget';
import { describeUserAgent } from '@/lib/widget/describe-user-agent';
import { helpMenuLinks } from '@/lib/widget/help-links';
import { widgetMailtoHref, widgetTicketContext } from '@/lib/widget/ticket-context';
import { signWidgetUserId, verifyWidgetIdentity } from '@/server/services/widget/widget-identity';

describe('describeUserAgent', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      { browser: 'Edge 131', os: 'Windows' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      { browser: 'Safari 17', os: 'iOS' },
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', { browser: 'Firefox 133', os: 'Linux' }],
    ['curl/8.5.0', { browser: 'Other', os: 'Other' }],
  ])('%s', (agent, expected) => expect(describeUserAgent(agent)).toEqual(expected));
});

describe('widget context on a ticket', () => {
  it('keeps the panel facts under fixed keys, prefixes the host fields and drops empty ones', () => {
    const context = widgetContext.parse({ pageUrl: 'https://h.test/a', custom: { plan: 'pro', n: 3 }, locale: '' });
    expect(widgetTicketContext(context)).toEqual({
      page_url: 'https://h.test/a',
      'custom.plan': 'pro',
      'custom.n': '3',
    });
  });

  it('refuses more than 20 host fields with a message saying so', () => {
    const custom = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    const parsed = widgetContext.safeParse({ custom });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toContain('at most 20');
  });

  it('fills the mailto fallback with subject, message and labelled context', () => {
    const href = widgetMailtoHref('help@acme.test', {
      subject: 'Export & more',
      message: 'Line one\nLine two',
      context: { page_url: 'https://h.test/a?x=1', 'custom.plan': 'pro' },
    });
    expect(href.startsWith('mailto:help@acme.test?subject=Export%20%26%20more&body=')).toBe(true);
    const body = decodeURIComponent(href.split('&body=')[1]!);
    expect(body).toBe('Line one\nLine two\n\n---\nPage: https://h.test/a?x=1\ncustom.plan: pro');
  });
});

describe('widget identity', () => {
  const settings = { secret: 'new-secret', previousSecret: 'old-secret' };
  it('verifies a signature under the current or the previous secret, and nothing else', () => {
    expect(verifyWidgetIdentity(settings, { id: 'u1', signature: signWidgetUserId('new-secret', 'u1') })).toEqual({
      externalId: 'u1',
      email: null,
      name: null,
    });
    expect(
      verifyWidgetIdentity(settings, { id: 'u1', signature: signWidgetUserId('old-secret', 'u1') }),
    ).not.toBeNull();
    expect(verifyWidgetIdentity(settings, { id: 'u2', signature: signWidgetUserId('new-secret', 'u1') })).toBeNull();
    expect(verifyWidgetIdentity(settings, { id: 'u1', signature: 'zz' })).toBeNull();
    expect(verifyWidgetIdentity(settings, { id: 'u1' })).toBeNull();
    expect(
      verifyWidgetIdentity({ secret: null, previousSecret: null }, { id: 'u1', signature: 'a'.repeat(64) }),
    ).toBeNull();
  });
});

describe('help menu links', () => {
  it("lists the page's articles first, then the help center, contact and requests", () => {
    const links = helpMenuLinks('https://cairn.test/', 'acme', [{ slug: 'reset', title: 'Reset' }]);
    expect(links.map((l) => [l.kind, l.href])).toEqual([
      ['article', 'https://cairn.test/acme/help/articles/reset'],
      ['help-center', 'https://cairn.test/acme/help'],
      ['contact', 'https://cairn.test/acme/portal/new'],
      ['requests', 'https://cairn.test/acme/portal'],
    ]);
  });
});
