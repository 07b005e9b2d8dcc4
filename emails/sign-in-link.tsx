import { EmailLayout, Paragraph, renderEmail, singleLine, type Brand, type RenderedEmail } from './layout';

type SignInLinkProps = { brand: Brand; url: string; expiresInMinutes: number; audience: 'staff' | 'customer' };

export function SignInLinkEmail(props: SignInLinkProps) {
  const purpose =
    props.audience === 'customer'
      ? 'Use this link to see and follow your support requests.'
      : 'Use this link to sign in to your help desk.';
  return (
    <EmailLayout
      brand={props.brand}
      heading={`Sign in to ${singleLine(props.brand.name)}`}
      preview={purpose}
      action={{ label: 'Sign in', url: props.url }}
      footnote={`The link works once and expires in ${props.expiresInMinutes} minutes. If you did not ask for it, ignore this mail.`}
    >
      <Paragraph text={purpose} />
    </EmailLayout>
  );
}

export function signInLinkEmail(props: SignInLinkProps): Promise<RenderedEmail> {
  return renderEmail(`Your sign-in link for ${singleLine(props.brand.name)}`, <SignInLinkEmail {...props} />);
}
