import { renderLayout, singleLine, type Brand, type RenderedEmail } from './layout';

// Mails agents receive about tickets. The body is quoted in full so an agent can triage from the mail.

type TicketRef = { displayNumber: string; subject: string; url: string };
type Person = { name: string; email: string };

const who = (p: Person) => (p.name ? `${singleLine(p.name)} (${p.email})` : p.email);
const paragraphs = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
const footnote = 'You get this because of your notification settings in Cairn.';

export function newTicketAlertEmail(props: {
  brand: Brand;
  ticket: TicketRef;
  customer: Person;
  body: string;
}): RenderedEmail {
  return {
    subject: `[${singleLine(props.ticket.displayNumber)}] New ticket: ${singleLine(props.ticket.subject)}`,
    ...renderLayout(props.brand, {
      heading: `New ticket ${props.ticket.displayNumber}`,
      paragraphs: [`${who(props.customer)} wrote:`, ...paragraphs(props.body)],
      action: { label: 'Open the ticket', url: props.ticket.url },
      footnote,
    }),
  };
}

export function customerReplyAlertEmail(props: {
  brand: Brand;
  ticket: TicketRef;
  customer: Person;
  body: string;
}): RenderedEmail {
  return {
    subject: `Re: [${singleLine(props.ticket.displayNumber)}] ${singleLine(props.ticket.subject)}`,
    ...renderLayout(props.brand, {
      heading: `${singleLine(props.customer.name || props.customer.email)} replied on ${props.ticket.displayNumber}`,
      paragraphs: paragraphs(props.body),
      action: { label: 'Open the ticket', url: props.ticket.url },
      footnote,
    }),
  };
}
