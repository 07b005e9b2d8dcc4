import { EmailLayout, Paragraph, renderEmail, singleLine, type Brand, type RenderedEmail } from './layout';

type TicketUnassignableProps = {
  brand: Brand;
  ticketNumber: string;
  subject: string;
  teamName: string;
  url: string;
};

/** To a team's lead: a new ticket found no available agent with room, so it waits in the team queue. */
export function TicketUnassignableEmail(props: TicketUnassignableProps) {
  const summary = `"${singleLine(props.subject)}" is waiting in the ${singleLine(props.teamName)} queue: no agent of the team is available with room for it.`;
  return (
    <EmailLayout
      brand={props.brand}
      heading={`${props.ticketNumber} could not be assigned`}
      preview={summary}
      action={{ label: 'Open the ticket', url: props.url }}
      footnote="You get this because you lead this team, or are an admin of a team without a lead."
    >
      <Paragraph text={summary} />
      <Paragraph text="Assign it by hand, mark an agent available, or raise a capacity in the team's settings." />
    </EmailLayout>
  );
}

export function ticketUnassignableEmail(props: TicketUnassignableProps): Promise<RenderedEmail> {
  const subject = `[${singleLine(props.ticketNumber)}] Waiting for an agent in ${singleLine(props.teamName)} — ${singleLine(props.subject)}`;
  return renderEmail(subject, <TicketUnassignableEmail {...props} />);
}
