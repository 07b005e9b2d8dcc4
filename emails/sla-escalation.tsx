import { EmailLayout, Paragraph, renderEmail, singleLine, type Brand, type RenderedEmail } from './layout';

type SlaEscalationProps = {
  brand: Brand;
  ticketNumber: string;
  subject: string;
  metricLabel: string;
  trigger: 'at_risk' | 'breach';
  level: number;
  policyName: string;
  dueAt: string;
  url: string;
};

const stateOf = (trigger: SlaEscalationProps['trigger']) => (trigger === 'breach' ? 'breached' : 'at risk');

/** To the agents an escalation level names: which ticket, which target, how late, and a link to act. */
export function SlaEscalationEmail(props: SlaEscalationProps) {
  const state = stateOf(props.trigger);
  const summary = `"${singleLine(props.subject)}" ${props.trigger === 'breach' ? 'missed' : 'is close to missing'} its ${props.metricLabel.toLowerCase()} target (due ${props.dueAt}).`;
  return (
    <EmailLayout
      brand={props.brand}
      heading={`${props.metricLabel} ${state} on ${props.ticketNumber}`}
      preview={summary}
      action={{ label: 'Open the ticket', url: props.url }}
      footnote="You get this because an SLA escalation in this workspace names you."
    >
      <Paragraph text={summary} />
      <Paragraph
        text={`Escalation level ${props.level} of the policy "${singleLine(props.policyName)}" sent you this.`}
      />
    </EmailLayout>
  );
}

export function slaEscalationEmail(props: SlaEscalationProps): Promise<RenderedEmail> {
  const subject = `[${singleLine(props.ticketNumber)}] SLA ${stateOf(props.trigger)}: ${singleLine(props.metricLabel).toLowerCase()} — ${singleLine(props.subject)}`;
  return renderEmail(subject, <SlaEscalationEmail {...props} />);
}
