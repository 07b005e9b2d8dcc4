import { describe, expect, it } from 'vitest';
import { customerReplyAlertEmail, newTicketAlertEmail } from '@/emails/ticket-agent';
import { agentReplyEmail, ticketClosedEmail, ticketReceivedEmail, ticketSolvedEmail } from '@/emails/ticket-customer';
import { newReplyToken, replyToAddress } from '@/server/services/notification/reply-token';
import { messageIdFor } from '@/server/services/notification/threading';

const brand = { name: 'Acme\r\nX-Injected: 1' };
const ticket = {
  displayNumber: '#42',
  subject: 'Broken <b>printer</b>\r\nBcc: victim@example.com',
  url: 'https://cairn.test/acme/portal/access?token=t',
};
const person = { name: 'Eve <script>\r\nBcc: x@evil.test', email: 'eve@example.test' };

// Rendering is asynchronous (React Email); top-level await keeps the table of mails a plain object.
const all = {
  received: await ticketReceivedEmail({
    brand,
    ticket,
    customerName: person.name,
    expectedFirstResponse: 'within 4 hours',
  }),
  reply: await agentReplyEmail({ brand, ticket, agentName: 'Alex\nAgent', body: 'First.\n\n<b>Second</b>' }),
  solved: await ticketSolvedEmail({
    brand,
    ticket,
    ratings: [
      { label: 'Good', url: `${ticket.url}&csat=good` },
      { label: 'Bad', url: `${ticket.url}&csat=bad` },
    ],
  }),
  solvedWithoutSurvey: await ticketSolvedEmail({ brand, ticket, ratings: null }),
  closed: await ticketClosedEmail({ brand, ticket }),
  newTicket: await newTicketAlertEmail({ brand, ticket, customer: person, body: 'Help!' }),
  customerReply: await customerReplyAlertEmail({ brand, ticket, customer: person, body: 'Any news?' }),
};

describe('ticket notification templates', () => {
  for (const [name, mail] of Object.entries(all)) {
    it(`${name}: one-line subject with the ticket number, escaped HTML, and a plain-text part`, () => {
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.subject).toContain('[#42]');
      expect(mail.html).not.toMatch(/<script>|<b>/);
      expect(mail.text.length).toBeGreaterThan(20);
      expect(mail.text).toContain('#42');
    });
  }

  it('the confirmation states the number and the expected first response', () => {
    expect(all.received.text).toContain('Your ticket number is #42.');
    expect(all.received.text).toContain('first response within 4 hours');
    expect(all.received.text).toContain(ticket.url);
  });

  it('the solved mail carries one link per rating, each on its own line of the text part', () => {
    expect(all.solved.text).toContain(`Good: ${ticket.url}&csat=good`);
    expect(all.solved.text).toContain(`Bad: ${ticket.url}&csat=bad`);
    expect(all.solved.html).toContain(`href="${ticket.url.replaceAll('&', '&amp;')}&amp;csat=good"`);
  });

  it('with surveys off the solved mail asks for no rating', () => {
    expect(all.solvedWithoutSurvey.text).not.toMatch(/rate the support/i);
    expect(all.solvedWithoutSurvey.text).toContain(`View the request: ${ticket.url}`);
  });

  it("an agent's reply keeps its paragraphs in the text part", () => {
    expect(all.reply.text).toContain('First.\n\n<b>Second</b>');
  });
});

describe('reply token and Message-ID', () => {
  it('tokens are 32 lower-case base32 characters (160 bits) and differ each time', () => {
    const tokens = new Set(Array.from({ length: 200 }, newReplyToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
  });

  it('the reply-to address plus-addresses the sender mailbox, replacing any tag it had', () => {
    expect(replyToAddress('support@acme.test', 'abc')).toBe('support+abc@acme.test');
    expect(replyToAddress('support+old@acme.test', 'abc')).toBe('support+abc@acme.test');
  });

  it('the Message-ID is derived from the outbox row, so a retry sends the same one', () => {
    const id = '6f1c8f0e-1111-4222-8333-944455556666';
    expect(messageIdFor(id, 'acme.test')).toBe(`<${id}@acme.test>`);
    expect(messageIdFor(id, 'acme.test')).toBe(messageIdFor(id, 'acme.test'));
  });
});
