import { renderLayout, singleLine, type Brand, type RenderedEmail } from './layout';

export function invitationEmail(props: {
  brand: Brand;
  inviterName: string;
  role: string;
  url: string;
  expiresInDays: number;
}): RenderedEmail {
  const subject = `${singleLine(props.inviterName)} invited you to ${singleLine(props.brand.name)} on Cairn`;
  return {
    subject,
    ...renderLayout(props.brand, {
      heading: `Join ${props.brand.name}`,
      paragraphs: [
        `${props.inviterName} invited you to help customers in ${props.brand.name} as ${props.role === 'admin' ? 'an admin' : `a ${props.role}`}.`,
      ],
      action: { label: 'Accept the invitation', url: props.url },
      footnote: `This link works once and expires in ${props.expiresInDays} days. If you did not expect it, ignore this mail.`,
    }),
  };
}
