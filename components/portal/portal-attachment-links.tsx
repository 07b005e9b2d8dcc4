import { formatBytes } from './format-bytes';

type Attachment = { id: string; filename: string; sizeBytes: number };

/**
 * A message's files as download links. A plain link can't send the x-cairn-portal header, so the
 * workspace travels as ?portal=: the route then reads that workspace's portal cookie, not a staff session.
 */
export function PortalAttachmentLinks({ attachments, portalSlug }: { attachments: Attachment[]; portalSlug: string }) {
  if (!attachments.length) return null;
  return (
    <ul aria-label="Files" className="mt-3 flex flex-wrap gap-2">
      {attachments.map((file) => (
        <li key={file.id} className="max-w-full">
          <a
            href={`/api/attachments/${file.id}?portal=${encodeURIComponent(portalSlug)}`}
            download={file.filename}
            className="inline-flex max-w-full items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5 shrink-0 text-slate-400" fill="currentColor">
              <path d="M8 4a3 3 0 016 0v7a5 5 0 01-10 0V6h2v5a3 3 0 006 0V4a1 1 0 10-2 0v7a1 1 0 01-2 0V4z" />
            </svg>
            <span className="truncate">{file.filename}</span>
            <span className="shrink-0 text-slate-500">({formatBytes(file.sizeBytes)})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
