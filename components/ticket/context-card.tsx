import { CUSTOM_CONTEXT_PREFIX, WIDGET_CONTEXT_LABELS } from '@/lib/widget/ticket-context';

/**
 * The page and product context a ticket was filed with (the support widget's, or an API client's): the
 * panel's facts in a fixed order, then the host's own setContext fields. Nothing when there is none.
 */
export function ContextCard({ context }: { context: Record<string, string> }) {
  const known = Object.keys(WIDGET_CONTEXT_LABELS).filter((key) => context[key]);
  const custom = Object.keys(context)
    .filter((key) => key.startsWith(CUSTOM_CONTEXT_PREFIX))
    .sort();
  const other = Object.keys(context).filter((key) => !(key in WIDGET_CONTEXT_LABELS) && !custom.includes(key));
  const rows = [
    ...known.map((key) => [WIDGET_CONTEXT_LABELS[key]!, context[key]!] as const),
    ...custom.map((key) => [key.slice(CUSTOM_CONTEXT_PREFIX.length), context[key]!] as const),
    ...other.map((key) => [key, context[key]!] as const),
  ];
  if (!rows.length) return null;
  return (
    <section
      aria-labelledby="context-heading"
      className="space-y-2 rounded-lg border border-slate-200 bg-white p-4"
      data-testid="ticket-context"
    >
      <h2 id="context-heading" className="text-sm font-semibold text-slate-900">
        Context
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="min-w-0 break-words text-slate-900">
              {label === 'Page' && /^https?:\/\//.test(value) ? (
                <a href={value} target="_blank" rel="noopener noreferrer nofollow" className="hover:underline">
                  {value}
                </a>
              ) : (
                value
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
