import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Html,
  Img,
  Link,
  Preview,
  Text,
  render,
} from '@react-email/components';
import type { ReactElement, ReactNode } from 'react';
import { htmlToPlainText } from './plain-text';

/**
 * Collapses line breaks and other control characters: names typed by people end up in subjects, and a line
 * break there would start a new header. (Nodemailer folds them too; the template does not rely on it.)
 */
export function singleLine(value: string) {
  return value
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export type Brand = { name: string; primaryColor?: string | null; logoUrl?: string | null };

export type RenderedEmail = { subject: string; html: string; text: string };

export type EmailAction = { label: string; url: string };

const defaultColor = '#0f766e';

/** The stored colour lands in a style attribute: only a plain #rrggbb may, anything else falls back. */
export const brandColor = (brand: Brand) =>
  brand.primaryColor && /^#[0-9a-fA-F]{6}$/.test(brand.primaryColor) ? brand.primaryColor : defaultColor;

/** Splits a body typed by a person into paragraphs (blank lines) and keeps single line breaks inside them. */
export const paragraphsOf = (body: string) =>
  body
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean);

/**
 * One paragraph. Children are always one string so React renders no `<!-- -->` separators; single line
 * breaks become <br> so a signature or a list typed in a reply keeps its shape in both parts.
 */
export function Paragraph({ text }: { text: string }) {
  const lines = text.split('\n');
  return (
    <Text style={{ margin: '0 0 16px', fontSize: '15px', lineHeight: '1.5' }}>
      {lines.flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]))}
    </Text>
  );
}

/**
 * The branded frame every Cairn mail uses. Props in, markup out; React escapes every string, so names and
 * subjects can never inject markup. The button is skipped in the text part: the line under it carries the
 * same link as "Label: url", which is what plain-text readers (and our tests) look for.
 */
export function EmailLayout(props: {
  brand: Brand;
  heading: string;
  preview?: string;
  action?: EmailAction;
  footnote?: string;
  children?: ReactNode;
}) {
  const color = brandColor(props.brand);
  const logoUrl = props.brand.logoUrl?.startsWith('https://') ? props.brand.logoUrl : null;
  return (
    <Html lang="en">
      <Head />
      {props.preview ? <Preview>{props.preview}</Preview> : null}
      <Body style={{ fontFamily: 'system-ui,-apple-system,Segoe UI,sans-serif', color: '#111', background: '#f6f7f9' }}>
        <Container
          style={{
            maxWidth: '560px',
            margin: '24px auto',
            background: '#fff',
            borderRadius: '8px',
            padding: '32px',
            borderTop: `4px solid ${color}`,
          }}
        >
          {logoUrl ? <Img src={logoUrl} alt="" height="32" style={{ marginBottom: '16px' }} /> : null}
          <Heading as="h1" style={{ fontSize: '20px', margin: '0 0 16px' }}>
            {props.heading}
          </Heading>
          {props.children}
          {props.action ? (
            <>
              <Button
                href={props.action.url}
                data-skip-in-text="true"
                style={{
                  background: color,
                  color: '#fff',
                  padding: '12px 20px',
                  borderRadius: '6px',
                  textDecoration: 'none',
                  margin: '8px 0 16px',
                }}
              >
                {props.action.label}
              </Button>
              <Text style={{ fontSize: '13px', color: '#555', wordBreak: 'break-all', margin: '0 0 16px' }}>
                {`${props.action.label}: `}
                <Link href={props.action.url} style={{ color }}>
                  {props.action.url}
                </Link>
              </Text>
            </>
          ) : null}
          {props.footnote ? (
            <Text style={{ fontSize: '12px', color: '#777', marginTop: '32px' }}>{props.footnote}</Text>
          ) : null}
          <Text style={{ fontSize: '12px', color: '#999', marginTop: '24px' }}>{`— ${props.brand.name}`}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** Renders a template to the two parts a mail carries. The subject is built by the caller, on one line. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  // Rendered once: the text part is converted from the same HTML, as render's plainText option would
  // convert a second rendering of it (half the React work of every notification mail).
  const html = await render(element);
  const text = htmlToPlainText(html.replace(/^<!DOCTYPE[^>]*>/, ''));
  return { subject: singleLine(subject), html, text: text.trim() };
}
