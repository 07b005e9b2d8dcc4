import {
  EmailLayout,
  Paragraph,
  paragraphsOf,
  renderEmail,
  singleLine,
  type Brand,
  type RenderedEmail,
} from './layout';

// The mail an automation rule's "notify" action sends to agents: the rule's message and a link.

type RuleNotificationProps = {
  brand: Brand;
  ticket: { displayNumber: string; subject: string; url: string };
  ruleName: string;
  message: string;
};

export function RuleNotificationEmail(props: RuleNotificationProps) {
  return (
    <EmailLayout
      brand={props.brand}
      heading={`${singleLine(props.ticket.displayNumber)}: ${singleLine(props.ticket.subject)}`}
      preview={singleLine(props.message).slice(0, 140)}
      action={{ label: 'Open the ticket', url: props.ticket.url }}
      footnote={`Sent by the automation rule "${singleLine(props.ruleName)}".`}
    >
      {paragraphsOf(props.message).map((p, i) => (
        <Paragraph key={i} text={p} />
      ))}
    </EmailLayout>
  );
}

export function ruleNotificationEmail(props: RuleNotificationProps): Promise<RenderedEmail> {
  const subject = `[${singleLine(props.ticket.displayNumber)}] ${singleLine(props.ticket.subject)}`;
  return renderEmail(subject, <RuleNotificationEmail {...props} />);
}
