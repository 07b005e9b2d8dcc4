import { Fragment } from 'react';

/**
 * Renders a ts_headline snippet whose only markup is <b>…</b> around the matches. The text between the
 * tags comes from customer messages, so it is rendered as text (React escapes it), never as HTML:
 * anything else that looks like a tag stays visible as plain characters.
 */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  let bold = false;
  return (
    <>
      {snippet.split(/(<\/?b>)/).map((part, index) => {
        if (part === '<b>' || part === '</b>') {
          bold = part === '<b>';
          return null;
        }
        if (!part) return null;
        return bold ? (
          <mark key={index} className="rounded-sm bg-yellow-100 font-semibold text-slate-900">
            {part}
          </mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        );
      })}
    </>
  );
}
