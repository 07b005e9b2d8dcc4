import { EmailLayout, Paragraph, renderEmail, singleLine, type Brand, type RenderedEmail } from './layout';

type InvitationProps = { brand: Brand; inviterName: string; role: string; url: string; expiresInDays: number };

export function InvitationEmail(props: InvitationProps) {
  const workspace = singleLine(props.brand.name);
  const invited = `${singleLine(props.inviterName)} invited you to help customers in ${workspace} as ${props.role === 'admin' ? 'an admin' : `a ${props.role}`}.`;
  return (
    <EmailLayout
      brand={props.brand}
      heading={`Join ${workspace}`}
      preview={invited}
      action={{ label: 'Accept the invitation', url: props.url }}
      footnote={`This link works once and expires in ${props.expiresInDays} days. If you did not expect it, ignore this mail.`}
    >
      <Paragraph text={invited} />
    </EmailLayout>
  );
}

export function invitationEmail(props: InvitationProps): Promise<RenderedEmail> {
  const subject = `${singleLine(props.inviterName)} invited you to ${singleLine(props.brand.name)} on Cairn`;
  return renderEmail(subject, <InvitationEmail {...props} />);
}
