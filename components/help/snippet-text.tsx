import { Fragment } from 'react';

export type SnippetPart = { text: string; match: boolean };

/** A search snippet: article text rendered as text (React escapes it), with the matched words marked. */
export function SnippetText({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-yellow-100 px-0.5 font-medium text-slate-900">
            {part.text}
          </mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}

/** The snippet as its own paragraph, or nothing when the search matched the title only. */
export function SnippetLine({ parts, className }: { parts: SnippetPart[]; className?: string }) {
  return parts.length ? (
    <p className={className}>
      <SnippetText parts={parts} />
    </p>
  ) : null;
}
