'use client';

import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/input';
import { ATTACHMENT_LIMITS } from '@/lib/constants/ticket';
import { cn } from '@/lib/utils/cn';
import { formatBytes } from '@/lib/utils/format-bytes';
import type { AttachmentUploads, UploadItem } from './use-attachment-uploads';

function UploadRow({
  item,
  onRemove,
  onRetry,
  disabled,
}: {
  item: UploadItem;
  onRemove: () => void;
  onRetry: () => void;
  disabled: boolean;
}) {
  const percent = Math.round(item.progress * 100);
  return (
    <li
      className={cn(
        'rounded-md border px-3 py-2 text-sm',
        item.status === 'error' ? 'border-red-200 bg-red-50' : 'border-slate-200 bg-white',
      )}
      data-status={item.status}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span
          className="min-w-0 basis-full truncate font-medium text-slate-800 sm:flex-1 sm:basis-0"
          title={item.file.name}
        >
          {item.file.name}
        </span>
        <span className="shrink-0 text-xs text-slate-500">{formatBytes(item.file.size)}</span>
        <span className="shrink-0 text-xs">
          {item.status === 'uploading' ? <span className="text-slate-600">Uploading… {percent}%</span> : null}
          {item.status === 'done' ? <span className="text-emerald-700">Uploaded</span> : null}
          {item.status === 'error' ? <span className="font-medium text-red-700">Failed</span> : null}
        </span>
        <span className="ml-auto flex shrink-0 gap-1">
          {item.status === 'error' && item.retryable ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              onClick={onRetry}
              disabled={disabled}
              aria-label={`Try uploading ${item.file.name} again`}
            >
              Retry
            </Button>
          ) : null}
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={onRemove}
            disabled={disabled}
            aria-label={`Remove ${item.file.name}`}
          >
            Remove
          </Button>
        </span>
      </div>
      {item.status === 'uploading' ? (
        <div
          role="progressbar"
          aria-label={`Uploading ${item.file.name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="mt-2 h-1 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full bg-brand transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      {item.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {item.error}
        </p>
      ) : null}
    </li>
  );
}

/**
 * The "Attachments" file input and the state of each picked file. A native input keeps keyboard and
 * screen-reader use (and Playwright's setInputFiles) working without tricks.
 */
export function AttachmentPicker({ uploads, disabled = false }: { uploads: AttachmentUploads; disabled?: boolean }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const maxMb = ATTACHMENT_LIMITS.maxBytes / 1024 / 1024;
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>Attachments</Label>
      <input
        id={id}
        type="file"
        multiple
        disabled={disabled || uploads.full}
        aria-describedby={hintId}
        onChange={(event) => {
          if (event.target.files?.length) uploads.add(event.target.files);
          // Cleared so picking the same file again (after removing it) fires onChange.
          event.target.value = '';
        }}
        className="block w-full text-sm text-slate-600 file:mr-3 file:h-9 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:opacity-50"
      />
      <p id={hintId} className="text-xs text-slate-500">
        Up to {ATTACHMENT_LIMITS.maxPerMessage} files, {maxMb} MB each: images, PDFs, text, CSV, Office documents or zip
        files.
      </p>
      {uploads.notice ? (
        <p role="alert" className="text-xs text-red-600">
          {uploads.notice}
        </p>
      ) : null}
      {uploads.items.length ? (
        <ul aria-label="Selected files" className="space-y-2">
          {uploads.items.map((item) => (
            <UploadRow
              key={item.key}
              item={item}
              disabled={disabled}
              onRemove={() => uploads.remove(item.key)}
              onRetry={() => uploads.retry(item.key)}
            />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
