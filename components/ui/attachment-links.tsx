import { Paperclip } from 'lucide-react';
import { formatBytes } from '@/lib/utils/format-bytes';

type Attachment = { id: string; filename: string; sizeBytes: number };

/**
 * A message's files as download links (the route answers with Content-Disposition: attachment). A plain
 * link can't send the x-cairn-portal header, so on a portal page the workspace travels as ?portal=: the
 * route then reads that workspace's portal cookie, not a staff session.
 */
export function AttachmentLinks({ attachments, portalSlug }: { attachments: Attachment[]; portalSlug?: string }) {
  if (!attachments.length) return null;
  const query = portalSlug ? `?portal=${encodeURIComponent(portalSlug)}` : '';
  return (
    <ul aria-label="Attachments" className="mt-3 flex flex-wrap gap-2">
      {attachments.map((file) => (
        <li key={file.id} className="max-w-full">
          <a
            href={`/api/attachments/${file.id}${query}`}
            download={file.filename}
            className="inline-flex max-w-64 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand"
          >
            <Paperclip aria-hidden="true" className="h-3.5 w-3.5 shrink-0 text-slate-400" />
            <span className="truncate">{file.filename}</span>
            <span className="shrink-0 text-slate-500">({formatBytes(file.sizeBytes)})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
