import {
  EmailLayout,
  Paragraph,
  paragraphsOf,
  renderEmail,
  singleLine,
  type Brand,
  type RenderedEmail,
} from './layout';

type BadRatingProps = {
  brand: Brand;
  ticketNumber: string;
  subject: string;
  ratingLabel: string;
  comment: string;
  teamName: string | null;
  url: string;
};

/** To the team lead (or the workspace admins when there is none) when a customer rates a request badly. */
export function CsatBadRatingEmail(props: BadRatingProps) {
  const summary = `A customer rated ${props.ticketNumber} "${singleLine(props.ratingLabel)}": "${singleLine(props.subject)}".`;
  return (
    <EmailLayout
      brand={props.brand}
      heading={`Bad rating on ${props.ticketNumber}`}
      preview={summary}
      action={{ label: 'Open the ticket', url: props.url }}
      footnote={
        props.teamName
          ? `You get this as the lead of the team ${singleLine(props.teamName)}.`
          : 'You get this as an admin: the ticket has no team with a lead.'
      }
    >
      <Paragraph text={summary} />
      {props.comment ? <Paragraph text="Their comment:" /> : <Paragraph text="They left no comment." />}
      {paragraphsOf(props.comment).map((p, i) => (
        <Paragraph key={i} text={p} />
      ))}
    </EmailLayout>
  );
}

export function csatBadRatingEmail(props: BadRatingProps): Promise<RenderedEmail> {
  return renderEmail(
    `[${singleLine(props.ticketNumber)}] Bad rating: ${singleLine(props.subject)}`,
    <CsatBadRatingEmail {...props} />,
  );
}
