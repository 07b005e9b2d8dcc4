import { beforeAll, describe, expect, it } from 'vitest';
import { invitationEmail } from '@/emails/invitation';
import { createElement } from 'react';
import { EmailLayout, renderEmail, singleLine, type Brand, type RenderedEmail } from '@/emails/layout';
import { signInLinkEmail } from '@/emails/sign-in-link';

const hostileName = 'Eve <script>alert(1)</script>\r\nBcc: victim@example.com\n';

/** The layout alone, rendered as a mail would be. */
const renderLayout = async (brand: Brand, parts: { heading: string }) =>
  renderEmail('S', createElement(EmailLayout, { brand, heading: parts.heading }));

describe('singleLine', () => {
  it('turns line breaks and control characters into single spaces', () => {
    expect(singleLine('a\r\nb\tc\u0000d\u2028e  f ')).toBe('a b c d e f');
  });
});

describe('invitation email', () => {
  let mail: RenderedEmail;
  beforeAll(async () => {
    mail = await invitationEmail({
      brand: { name: 'Acme & <Co>\r\nX-Injected: 1' },
      inviterName: hostileName,
      role: 'admin',
      url: 'https://cairn.test/invite/abc?x="y"',
      expiresInDays: 7,
    });
  });

  it('keeps the subject on one line whatever the names contain', () => {
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe(
      'Eve <script>alert(1)</script> Bcc: victim@example.com invited you to Acme & <Co> X-Injected: 1 on Cairn',
    );
  });

  it('escapes names and the link in the HTML part', () => {
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Acme &amp; &lt;Co&gt;');
    expect(mail.html).toContain('href="https://cairn.test/invite/abc?x=&quot;y&quot;"');
    expect(mail.html).toContain('as an admin.');
  });

  it('carries the link and the expiry in the text part', () => {
    expect(mail.text).toContain('Accept the invitation: https://cairn.test/invite/abc?x="y"');
    expect(mail.text).toContain('expires in 7 days');
  });
});

describe('layout branding', () => {
  it('falls back to the default colour when the stored one is not #rrggbb', async () => {
    const { html } = await renderLayout(
      { name: 'X', primaryColor: 'red;background:url(https://evil.test)' },
      { heading: 'H' },
    );
    expect(html).not.toContain('evil.test');
    expect(html).toContain('#0f766e');
  });

  it('shows only https logos, escaped', async () => {
    expect((await renderLayout({ name: 'X', logoUrl: 'javascript:alert(1)' }, { heading: 'H' })).html).not.toContain(
      '<img',
    );
    const { html } = await renderLayout(
      { name: 'X', logoUrl: 'https://cdn.test/logo.png" onerror="alert(1)' },
      { heading: 'H' },
    );
    expect(html).toContain('src="https://cdn.test/logo.png&quot; onerror=&quot;alert(1)"');
  });

  it('sign-in links keep the brand name on one line in the subject', async () => {
    const mail = await signInLinkEmail({
      brand: { name: 'Acme\r\nBcc: x@example.com' },
      url: 'https://cairn.test/acme/portal/auth?token=t',
      expiresInMinutes: 20,
      audience: 'customer',
    });
    expect(mail.subject).toBe('Your sign-in link for Acme Bcc: x@example.com');
    expect(mail.text).toContain('expires in 20 minutes');
  });
});
