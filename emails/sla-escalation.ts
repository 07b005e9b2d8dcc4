import { renderLayout, singleLine, type Brand, type RenderedEmail } from './layout';

/** To the agents an escalation level names: which ticket, which target, how late, and a link to act. */
export function slaEscalationEmail(props: {
  brand: Brand;
  ticketNumber: string;
  subject: string;
  metricLabel: string;
  trigger: 'at_risk' | 'breach';
  level: number;
  policyName: string;
  dueAt: string;
  url: string;
}): RenderedEmail {
  const state = props.trigger === 'breach' ? 'breached' : 'at risk';
  const subject = `[${singleLine(props.ticketNumber)}] SLA ${state}: ${singleLine(props.metricLabel).toLowerCase()} — ${singleLine(props.subject)}`;
  return {
    subject,
    ...renderLayout(props.brand, {
      heading: `${props.metricLabel} ${state} on ${props.ticketNumber}`,
      paragraphs: [
        `"${props.subject}" ${props.trigger === 'breach' ? 'missed' : 'is close to missing'} its ${props.metricLabel.toLowerCase()} target (due ${props.dueAt}).`,
        `Escalation level ${props.level} of the policy "${props.policyName}" sent you this.`,
      ],
      action: { label: 'Open the ticket', url: props.url },
      footnote: 'You get this because an SLA escalation in this workspace names you.',
    }),
  };
}
