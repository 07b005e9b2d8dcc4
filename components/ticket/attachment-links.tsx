const sizeFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / (1024 * 1024))} MB`;
}

/** Files on a message, as plain download links (the route answers with Content-Disposition: attachment). */
export function AttachmentLinks({ attachments }: { attachments: Array<{ id: string; filename: string; sizeBytes: number }> }) {
  if (!attachments.length) return null;
  return (
    <ul aria-label="Attachments" className="mt-3 flex flex-wrap gap-2">
      {attachments.map((file) => (
        <li key={file.id}>
          <a
            href={`/api/attachments/${file.id}`}
            download={file.filename}
            className="inline-flex max-w-64 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
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
