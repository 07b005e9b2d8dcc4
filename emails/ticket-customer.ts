import { renderLayout, singleLine, type Brand, type RenderedEmail } from './layout';

// Mails a customer receives about their ticket. Props in, markup out; subjects carry the ticket number so
// the customer (and the inbound channel, as a fallback) can tell requests apart.

type TicketRef = { displayNumber: string; subject: string; url: string };

const ticketSubject = (t: TicketRef) => `[${singleLine(t.displayNumber)}] ${singleLine(t.subject)}`;
const paragraphs = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);
const replyHint = 'Reply to this email to add to your request.';

export function ticketReceivedEmail(props: {
  brand: Brand;
  ticket: TicketRef;
  customerName: string;
  expectedFirstResponse: string;
}): RenderedEmail {
  const hello = props.customerName ? `Hi ${singleLine(props.customerName)},` : 'Hello,';
  return {
    subject: ticketSubject(props.ticket),
    ...renderLayout(props.brand, {
      heading: 'We received your request',
      paragraphs: [
        hello,
        `Thanks for contacting ${props.brand.name}. Your ticket number is ${props.ticket.displayNumber}.`,
        // The wording comes from the computed due time (lib/sla/describe-promise): a promise, not a habit.
        `You can expect a first response ${props.expectedFirstResponse}.`,
      ],
      action: { label: 'View your request', url: props.ticket.url },
      footnote: replyHint,
    }),
  };
}

export function agentReplyEmail(props: {
  brand: Brand;
  ticket: TicketRef;
  agentName: string;
  body: string;
}): RenderedEmail {
  return {
    subject: `Re: ${ticketSubject(props.ticket)}`,
    ...renderLayout(props.brand, {
      heading: `${singleLine(props.agentName)} replied to ${props.ticket.displayNumber}`,
      paragraphs: paragraphs(props.body),
      action: { label: 'View the conversation', url: props.ticket.url },
      footnote: replyHint,
    }),
  };
}

export function ticketSolvedEmail(props: { brand: Brand; ticket: TicketRef; satisfactionUrl: string }): RenderedEmail {
  return {
    subject: `Solved: ${ticketSubject(props.ticket)}`,
    ...renderLayout(props.brand, {
      heading: `Your request ${props.ticket.displayNumber} was solved`,
      paragraphs: [
        `We marked "${singleLine(props.ticket.subject)}" as solved.`,
        'How did we do? One click tells us.',
        'Not solved after all? Reply to this email and the request opens again.',
      ],
      action: { label: 'Rate our support', url: props.satisfactionUrl },
      footnote: `View the request: ${props.ticket.url}`,
    }),
  };
}

export function ticketClosedEmail(props: { brand: Brand; ticket: TicketRef }): RenderedEmail {
  return {
    subject: `Closed: ${ticketSubject(props.ticket)}`,
    ...renderLayout(props.brand, {
      heading: `Your request ${props.ticket.displayNumber} is closed`,
      paragraphs: [
        `"${singleLine(props.ticket.subject)}" is now closed and cannot be reopened.`,
        'If you need more help, open a new request and mention this ticket number.',
      ],
      action: { label: 'View the request', url: props.ticket.url },
    }),
  };
}
