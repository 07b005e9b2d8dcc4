import { Link, Text } from '@react-email/components';
import type { CSSProperties } from 'react';
import {
  brandColor,
  EmailLayout,
  Paragraph,
  paragraphsOf,
  renderEmail,
  singleLine,
  type Brand,
  type RenderedEmail,
} from './layout';

// Mails a customer receives about their ticket. Props in, markup out; subjects carry the ticket number so
// the customer (and the inbound channel, as a fallback) can tell requests apart.

type TicketRef = { displayNumber: string; subject: string; url: string };
type ReceivedProps = { brand: Brand; ticket: TicketRef; customerName: string; expectedFirstResponse: string };
type AgentReplyProps = { brand: Brand; ticket: TicketRef; agentName: string; body: string };
/** One-click ratings, best first: each link records its rating (see app/[workspace]/portal/rate). */
export type RatingLink = { label: string; url: string };
type SolvedProps = { brand: Brand; ticket: TicketRef; ratings: RatingLink[] | null };
type ClosedProps = { brand: Brand; ticket: TicketRef };

const ticketSubject = (t: TicketRef) => `[${singleLine(t.displayNumber)}] ${singleLine(t.subject)}`;
const replyHint = 'Reply to this email to add to your request.';

export function TicketReceivedEmail(props: ReceivedProps) {
  const number = `Thanks for contacting ${singleLine(props.brand.name)}. Your ticket number is ${props.ticket.displayNumber}.`;
  return (
    <EmailLayout
      brand={props.brand}
      heading="We received your request"
      preview={number}
      action={{ label: 'View your request', url: props.ticket.url }}
      footnote={replyHint}
    >
      <Paragraph text={props.customerName ? `Hi ${singleLine(props.customerName)},` : 'Hello,'} />
      <Paragraph text={number} />
      {/* The wording comes from the computed due time (lib/sla/describe-promise): a promise, not a habit. */}
      <Paragraph text={`You can expect a first response ${props.expectedFirstResponse}.`} />
    </EmailLayout>
  );
}

export function AgentReplyEmail(props: AgentReplyProps) {
  return (
    <EmailLayout
      brand={props.brand}
      heading={`${singleLine(props.agentName)} replied to ${props.ticket.displayNumber}`}
      preview={singleLine(props.body).slice(0, 140)}
      action={{ label: 'View the conversation', url: props.ticket.url }}
      footnote={replyHint}
    >
      {paragraphsOf(props.body).map((p, i) => (
        <Paragraph key={i} text={p} />
      ))}
    </EmailLayout>
  );
}

/**
 * The ratings as a row of small buttons in HTML, and as one "Label: url" line each in the text part (a
 * block the HTML hides), so a plain-text reader gets one link per line. Opening the mail records nothing.
 */
function RatingLinks({ brand, ratings }: { brand: Brand; ratings: RatingLink[] }) {
  const color = brandColor(brand);
  return (
    <>
      <Text data-skip-in-text="true" style={{ margin: '0 0 16px', fontSize: '14px', lineHeight: '2.4' }}>
        {ratings.flatMap((rating, i) => [
          ...(i === 0 ? [] : [' ']),
          <Link
            key={rating.url}
            href={rating.url}
            style={{
              border: `1px solid ${color}`,
              borderRadius: '6px',
              color,
              padding: '6px 12px',
              textDecoration: 'none',
              whiteSpace: 'nowrap',
            }}
          >
            {rating.label}
          </Link>,
        ])}
      </Text>
      <div style={{ display: 'none', maxHeight: 0, overflow: 'hidden', msoHide: 'all' } as CSSProperties}>
        {ratings.map((rating) => (
          <Text key={rating.url}>{`${rating.label}: ${rating.url}`}</Text>
        ))}
      </div>
    </>
  );
}

export function TicketSolvedEmail(props: SolvedProps) {
  const ask = 'How would you rate the support you received? One click tells us.';
  return (
    <EmailLayout
      brand={props.brand}
      heading={`Your request ${props.ticket.displayNumber} was solved`}
      preview={props.ratings ? ask : `We marked "${singleLine(props.ticket.subject)}" as solved.`}
      action={{ label: 'View the request', url: props.ticket.url }}
    >
      <Paragraph text={`We marked "${singleLine(props.ticket.subject)}" as solved.`} />
      {props.ratings ? (
        <>
          <Paragraph text={ask} />
          <RatingLinks brand={props.brand} ratings={props.ratings} />
        </>
      ) : null}
      <Paragraph text="Not solved after all? Reply to this email and the request opens again." />
    </EmailLayout>
  );
}

export function TicketClosedEmail(props: ClosedProps) {
  return (
    <EmailLayout
      brand={props.brand}
      heading={`Your request ${props.ticket.displayNumber} is closed`}
      action={{ label: 'View the request', url: props.ticket.url }}
    >
      <Paragraph text={`"${singleLine(props.ticket.subject)}" is now closed and cannot be reopened.`} />
      <Paragraph text="If you need more help, open a new request and mention this ticket number." />
    </EmailLayout>
  );
}

export function ticketReceivedEmail(props: ReceivedProps): Promise<RenderedEmail> {
  return renderEmail(ticketSubject(props.ticket), <TicketReceivedEmail {...props} />);
}

export function agentReplyEmail(props: AgentReplyProps): Promise<RenderedEmail> {
  return renderEmail(`Re: ${ticketSubject(props.ticket)}`, <AgentReplyEmail {...props} />);
}

export function ticketSolvedEmail(props: SolvedProps): Promise<RenderedEmail> {
  return renderEmail(`Solved: ${ticketSubject(props.ticket)}`, <TicketSolvedEmail {...props} />);
}

export function ticketClosedEmail(props: ClosedProps): Promise<RenderedEmail> {
  return renderEmail(`Closed: ${ticketSubject(props.ticket)}`, <TicketClosedEmail {...props} />);
}
