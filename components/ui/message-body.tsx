import { inlineImageSegments, splitQuotedHistory, type InlineAttachment } from '@/lib/utils/mail-body';

/**
 * A message's text as the thread shows it: inline images (cid:) in place, as <img> of our own attachment route
 * (never the mail's markup: the body is plain text, so nothing of the sender's HTML reaches the page), and the
 * quoted history of a mail reply folded under "Show quoted text".
 */
export function MessageBody({
  body,
  attachments,
  portalSlug,
}: {
  body: string;
  attachments: readonly InlineAttachment[];
  portalSlug?: string;
}) {
  const { text, quoted } = splitQuotedHistory(body);
  const query = portalSlug ? `?portal=${encodeURIComponent(portalSlug)}` : '';
  return (
    <div className="mt-2 whitespace-pre-wrap break-words text-sm leading-relaxed text-slate-800">
      {inlineImageSegments(text, attachments).map((segment, i) =>
        'image' in segment ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, per-request file: no image optimiser
          <img
            key={i}
            src={`/api/attachments/${segment.image.id}${query}`}
            alt={segment.image.filename}
            loading="lazy"
            className="my-2 block h-auto max-h-96 max-w-full rounded border border-slate-200"
          />
        ) : (
          <span key={i}>{segment.text}</span>
        ),
      )}
      {quoted ? (
        <details className="mt-2">
          <summary className="cursor-pointer select-none text-xs font-medium text-slate-500 hover:text-slate-700">
            Show quoted text
          </summary>
          <div className="mt-1 border-l-2 border-slate-200 pl-3 text-slate-600">{quoted}</div>
        </details>
      ) : null}
    </div>
  );
}
