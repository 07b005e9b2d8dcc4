import { renderLayout, singleLine, type Brand, type RenderedEmail } from './layout';

export function signInLinkEmail(props: {
  brand: Brand;
  url: string;
  expiresInMinutes: number;
  audience: 'staff' | 'customer';
}): RenderedEmail {
  return {
    subject: `Your sign-in link for ${singleLine(props.brand.name)}`,
    ...renderLayout(props.brand, {
      heading: `Sign in to ${props.brand.name}`,
      paragraphs: [
        props.audience === 'customer'
          ? 'Use this link to see and follow your support requests.'
          : 'Use this link to sign in to your help desk.',
      ],
      action: { label: 'Sign in', url: props.url },
      footnote: `The link works once and expires in ${props.expiresInMinutes} minutes. If you did not ask for it, ignore this mail.`,
    }),
  };
}
