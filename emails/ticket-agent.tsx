import {
  EmailLayout,
  Paragraph,
  paragraphsOf,
  renderEmail,
  singleLine,
  type Brand,
  type RenderedEmail,
} from './layout';

// Mails agents receive about tickets. The body is quoted in full so an agent can triage from the mail.

type TicketRef = { displayNumber: string; subject: string; url: string };
type Person = { name: string; email: string };
type AlertProps = { brand: Brand; ticket: TicketRef; customer: Person; body: string };

const who = (p: Person) => (p.name ? `${singleLine(p.name)} (${p.email})` : p.email);
const footnote = 'You get this because of your notification settings in Cairn.';

export function NewTicketAlertEmail(props: AlertProps) {
  return (
    <EmailLayout
      brand={props.brand}
      heading={`New ticket ${props.ticket.displayNumber}`}
      preview={`${who(props.customer)}: ${singleLine(props.ticket.subject)}`}
      action={{ label: 'Open the ticket', url: props.ticket.url }}
      footnote={footnote}
    >
      <Paragraph text={`${who(props.customer)} wrote:`} />
      {paragraphsOf(props.body).map((p, i) => (
        <Paragraph key={i} text={p} />
      ))}
    </EmailLayout>
  );
}

export function CustomerReplyAlertEmail(props: AlertProps) {
  return (
    <EmailLayout
      brand={props.brand}
      heading={`${singleLine(props.customer.name || props.customer.email)} replied on ${props.ticket.displayNumber}`}
      preview={singleLine(props.body).slice(0, 140)}
      action={{ label: 'Open the ticket', url: props.ticket.url }}
      footnote={footnote}
    >
      {paragraphsOf(props.body).map((p, i) => (
        <Paragraph key={i} text={p} />
      ))}
    </EmailLayout>
  );
}

export function newTicketAlertEmail(props: AlertProps): Promise<RenderedEmail> {
  const subject = `[${singleLine(props.ticket.displayNumber)}] New ticket: ${singleLine(props.ticket.subject)}`;
  return renderEmail(subject, <NewTicketAlertEmail {...props} />);
}

export function customerReplyAlertEmail(props: AlertProps): Promise<RenderedEmail> {
  const subject = `Re: [${singleLine(props.ticket.displayNumber)}] ${singleLine(props.ticket.subject)}`;
  return renderEmail(subject, <CustomerReplyAlertEmail {...props} />);
}
