import { EmailLayout, Paragraph, renderEmail, singleLine, type Brand, type RenderedEmail } from './layout';

export type WeeklySummaryProps = {
  brand: Brand;
  /** 'YYYY-MM-DD' to 'YYYY-MM-DD', the workspace's days. */
  from: string;
  to: string;
  lines: ReadonlyArray<{ label: string; value: string; previous: string }>;
  url: string;
};

/** The weekly summary: last week's headline figures beside the week before, and a link to the dashboard. */
export function WeeklySummaryEmail(props: WeeklySummaryProps) {
  return (
    <EmailLayout
      brand={props.brand}
      heading={`Support summary, ${props.from} to ${props.to}`}
      preview={props.lines.map((l) => `${l.label} ${l.value}`).join(' · ')}
      action={{ label: 'Open the dashboard', url: props.url }}
      footnote="You get this because a workspace admin chose you for the weekly summary."
    >
      <Paragraph text={props.lines.map((l) => `${l.label}: ${l.value} (week before: ${l.previous})`).join('\n')} />
    </EmailLayout>
  );
}

export function weeklySummaryEmail(props: WeeklySummaryProps): Promise<RenderedEmail> {
  return renderEmail(
    `${singleLine(props.brand.name)} support summary: ${props.from} to ${props.to}`,
    <WeeklySummaryEmail {...props} />,
  );
}
