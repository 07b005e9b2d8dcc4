import { toPlainText } from '@react-email/components';
import { describe, expect, it } from 'vitest';
import { invitationEmail } from '@/emails/invitation';
import type { RenderedEmail } from '@/emails/layout';
import { signInLinkEmail } from '@/emails/sign-in-link';
import { slaEscalationEmail } from '@/emails/sla-escalation';
import { customerReplyAlertEmail, newTicketAlertEmail } from '@/emails/ticket-agent';
import { csatBadRatingEmail } from '@/emails/csat-bad-rating';
import { agentReplyEmail, ticketClosedEmail, ticketReceivedEmail, ticketSolvedEmail } from '@/emails/ticket-customer';

// Every template, rendered through React Email to HTML and text, with hostile input in every field a person
// can type: the subject of the ticket, names, the workspace name and the body.
const hostile = '<script>alert(1)</script>';
const brand = { name: `Acme ${hostile}`, primaryColor: '#1d4ed8' };
const url = 'https://cairn.test/acme/portal/access?token=t&x=1';
const ticket = { displayNumber: '#7', subject: `Printer ${hostile}`, url };
const person = { name: `Eve ${hostile}`, email: 'eve@example.test' };

const mails: Record<string, { mail: RenderedEmail; link: string; label: string }> = {
  invitation: {
    mail: await invitationEmail({ brand, inviterName: person.name, role: 'agent', url, expiresInDays: 7 }),
    link: url,
    label: 'Accept the invitation',
  },
  signInLink: {
    mail: await signInLinkEmail({ brand, url, expiresInMinutes: 20, audience: 'staff' }),
    link: url,
    label: 'Sign in',
  },
  slaEscalation: {
    mail: await slaEscalationEmail({
      brand,
      ticketNumber: '#7',
      subject: ticket.subject,
      metricLabel: 'First response',
      trigger: 'breach',
      level: 1,
      policyName: `Gold ${hostile}`,
      dueAt: '2026-12-06 10:00 UTC',
      url,
    }),
    link: url,
    label: 'Open the ticket',
  },
  csatBadRating: {
    mail: await csatBadRatingEmail({
      brand,
      ticketNumber: '#7',
      subject: ticket.subject,
      ratingLabel: 'Very poor',
      comment: `Broke it.\n\n${hostile}`,
      teamName: `Billing ${hostile}`,
      url,
    }),
    link: url,
    label: 'Open the ticket',
  },
  ticketReceived: {
    mail: await ticketReceivedEmail({
      brand,
      ticket,
      customerName: person.name,
      expectedFirstResponse: 'within 4 hours',
    }),
    link: url,
    label: 'View your request',
  },
  agentReply: {
    mail: await agentReplyEmail({ brand, ticket, agentName: person.name, body: `Hi.\n\n${hostile}\nBest, Eve` }),
    link: url,
    label: 'View the conversation',
  },
  ticketSolved: {
    mail: await ticketSolvedEmail({ brand, ticket, ratings: [{ label: 'Good', url: `${url}&rate=5` }] }),
    link: url,
    label: 'View the request',
  },
  ticketClosed: { mail: await ticketClosedEmail({ brand, ticket }), link: url, label: 'View the request' },
  newTicketAlert: {
    mail: await newTicketAlertEmail({ brand, ticket, customer: person, body: hostile }),
    link: url,
    label: 'Open the ticket',
  },
  customerReplyAlert: {
    mail: await customerReplyAlertEmail({ brand, ticket, customer: person, body: hostile }),
    link: url,
    label: 'Open the ticket',
  },
};

describe('email templates (React Email)', () => {
  for (const [name, { mail, link, label }] of Object.entries(mails)) {
    describe(name, () => {
      it('renders a full HTML document in the brand colour with the action as a button and a link', () => {
        expect(mail.html).toMatch(/^<!DOCTYPE html/);
        expect(mail.html).toContain('#1d4ed8');
        // React escapes & in attributes: the link is the same URL once an HTML parser reads it.
        expect(mail.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`);
        expect(mail.html).toContain(label);
      });

      it('escapes everything a person typed in the HTML part', () => {
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      });

      it('has a plain-text part with the action as "Label: url", the brand, and no markup', () => {
        expect(mail.text).toContain(`${label}: ${link}`);
        expect(mail.text).toContain('— Acme');
        expect(mail.text).not.toMatch(/<(p|a|div|table|br)\b/);
        // The hidden preview line and the button are skipped: the link appears once, on its own line.
        expect(mail.text.split(`${label}: `)).toHaveLength(2);
      });

      it("converts its text part exactly as React Email's toPlainText does (emails/plain-text.ts compiles it once)", () => {
        const converted = toPlainText(mail.html.replace(/^<!DOCTYPE[^>]*>/, ''), {
          selectors: [{ selector: 'h1', options: { uppercase: false } }],
        });
        expect(mail.text).toBe(converted.trim());
      });

      it('keeps the subject on one line; the user input in it is plain text (the HTML is where escaping matters)', () => {
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.subject.length).toBeGreaterThan(5);
      });
    });
  }

  it('the subject typed by a customer is escaped where it appears in the HTML of the ticket mails', () => {
    for (const key of ['slaEscalation', 'csatBadRating', 'ticketSolved', 'ticketClosed'])
      expect(mails[key]!.mail.html).toContain('Printer &lt;script&gt;');
  });

  it('a reply keeps its paragraphs and its single line breaks in both parts', () => {
    const { mail } = mails.agentReply!;
    expect(mail.text).toContain(`Hi.\n\n${hostile}\nBest, Eve`);
    expect(mail.html).toContain('&lt;/script&gt;<br/>Best, Eve');
  });

  it('the SLA escalation keeps its subject and names the late target', () => {
    const { mail } = mails.slaEscalation!;
    expect(mail.subject).toBe(`[#7] SLA breached: first response — Printer ${hostile}`);
    expect(mail.text).toContain('First response breached on #7');
    expect(mail.text).toContain('missed its first response target (due 2026-12-06 10:00 UTC)');
  });

  it('the confirmation carries the promise sentence the SLA computed', () => {
    expect(mails.ticketReceived!.mail.text).toContain('You can expect a first response within 4 hours.');
  });
});
